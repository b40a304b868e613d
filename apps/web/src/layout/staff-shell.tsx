'use client';

import { AppShell, Badge, Burger, Button, Group, NavLink, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCash, IconFileImport, IconInbox, IconLogout, IconUsers } from '@tabler/icons-react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';
import { useMe, useSignOut } from '@/auth/auth.queries';
import { useUnallocatedCount } from '@/unallocated/unallocated.queries';

const SECTIONS = [
  { href: '/customers', label: 'Customers', icon: IconUsers },
  { href: '/payments', label: 'Payments', icon: IconCash },
  { href: '/unallocated', label: 'Unallocated', icon: IconInbox },
  { href: '/payments/import', label: 'Import payments', icon: IconFileImport },
];

/** The section whose address is the longest start of the path: /payments/import is not Payments. */
function activeSection(pathname: string): string | undefined {
  return SECTIONS.map(({ href }) => href)
    .filter((href) => pathname === href || pathname.startsWith(`${href}/`))
    .sort((a, b) => b.length - a.length)[0];
}

export function StaffShell({ children }: { children: ReactNode }) {
  const [navOpened, nav] = useDisclosure(false);
  const pathname = usePathname();
  const me = useMe();
  const signOut = useSignOut();
  const unallocated = useUnallocatedCount();
  const active = activeSection(pathname);

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={navOpened}
              onClick={nav.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={navOpened ? 'Close navigation' : 'Open navigation'}
            />
            <Text component={Link} href="/customers" fw={800} size="lg" c="teal.8">
              Malipo
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Text size="sm" c="dimmed" visibleFrom="sm" truncate maw={240}>
              {me.data?.name ?? me.data?.email}
            </Text>
            <Button
              variant="default"
              size="xs"
              leftSection={<IconLogout size={16} aria-hidden />}
              loading={signOut.isPending}
              onClick={() => signOut.mutate()}
            >
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Sections">
        {SECTIONS.map(({ href, label, icon: Icon }) => (
          <NavLink
            key={href}
            component={Link}
            href={href}
            label={label}
            leftSection={<Icon size={18} aria-hidden />}
            active={href === active}
            rightSection={
              href === '/unallocated' && unallocated && unallocated !== '0' ? (
                <Badge size="sm" color="orange" variant="filled">
                  {unallocated}
                </Badge>
              ) : undefined
            }
            onClick={nav.close}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main bg="gray.0">{children}</AppShell.Main>
    </AppShell>
  );
}
