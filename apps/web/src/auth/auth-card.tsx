import { Anchor, Center, Paper, Stack, Text, Title } from '@mantine/core';
import Link from 'next/link';
import type { ReactNode } from 'react';

interface AuthCardProps {
  title: string;
  children: ReactNode;
  footer: { text: string; link: string; href: string };
}

export function AuthCard({ title, children, footer }: AuthCardProps) {
  return (
    <Center mih="100dvh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={420}>
        <Stack gap="lg">
          <div>
            <Text c="teal.7" fw={700} size="sm" tt="uppercase">
              Malipo back office
            </Text>
            <Title order={1} size="h2">
              {title}
            </Title>
          </div>
          {children}
          <Text size="sm" c="dimmed">
            {footer.text}{' '}
            <Anchor component={Link} href={footer.href}>
              {footer.link}
            </Anchor>
          </Text>
        </Stack>
      </Paper>
    </Center>
  );
}
