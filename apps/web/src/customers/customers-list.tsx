'use client';

import { Anchor, Button, Paper, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { parseAsString, useQueryState } from 'nuqs';
import { useEffect, useState } from 'react';
import { formatDateTime } from '@/format/dates';
import { CursorPager, useCursorPages } from '@/layout/cursor-pager';
import { PageHeader } from '@/layout/page-header';
import { QueryResult } from '@/layout/query-result';
import { CustomerFormModal } from './customer-form-modal';
import { useCustomers } from './customers.queries';

export function CustomersList() {
  const router = useRouter();
  const [adding, addModal] = useDisclosure(false);
  // The search lives in the address too, so that Back from a customer's page keeps it.
  const [searchInAddress, setSearchInAddress] = useQueryState('search', parseAsString);
  const [searchText, setSearchText] = useState(searchInAddress ?? '');
  const [search] = useDebouncedValue(searchText.trim(), 300);
  useEffect(() => {
    void setSearchInAddress(search || null);
  }, [search, setSearchInAddress]);
  const pages = useCursorPages(search);
  const customers = useCustomers({ search, cursor: pages.cursor });

  return (
    <>
      <PageHeader
        title="Customers"
        description="Everyone paying off a phone, with the account number they pay to."
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={addModal.open}>
            Add customer
          </Button>
        }
      />
      <TextInput
        label="Search customers"
        placeholder="Name, phone, email or account number"
        leftSection={<IconSearch size={16} aria-hidden />}
        value={searchText}
        onChange={(event) => setSearchText(event.currentTarget.value)}
        mb="md"
        maw={480}
      />
      <Paper withBorder>
        <QueryResult
          query={customers}
          what="customers"
          empty={{
            when: (page) => page.items.length === 0,
            show: (
              <Text p="xl" ta="center" c="dimmed">
                {search
                  ? `No customer matches “${search}”.`
                  : 'No customers yet. Add the first one.'}
              </Text>
            ),
          }}
        >
          {({ items }) => (
            <Table.ScrollContainer minWidth={0}>
              <Table highlightOnHover verticalSpacing="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Name</Table.Th>
                    <Table.Th>Account</Table.Th>
                    <Table.Th>Phone</Table.Th>
                    <Table.Th visibleFrom="md">Email</Table.Th>
                    <Table.Th visibleFrom="md">Added</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((customer) => (
                    <Table.Tr key={customer.id}>
                      <Table.Td>
                        <Anchor component={Link} href={`/customers/${customer.id}`} fw={500}>
                          {customer.name}
                        </Anchor>
                      </Table.Td>
                      <Table.Td ff="monospace">{customer.accountNumber}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{customer.phone ?? '—'}</Table.Td>
                      <Table.Td visibleFrom="md">{customer.email ?? '—'}</Table.Td>
                      <Table.Td visibleFrom="md" style={{ whiteSpace: 'nowrap' }}>
                        {formatDateTime(customer.createdAt)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </QueryResult>
      </Paper>
      <CursorPager
        page={pages.page}
        nextCursor={customers.data?.nextCursor}
        onNext={pages.next}
        onPrevious={pages.previous}
      />
      <CustomerFormModal
        opened={adding}
        onClose={addModal.close}
        onSaved={(customer) => router.push(`/customers/${customer.id}`)}
      />
    </>
  );
}
