'use client';

import type { Customer } from '@malipo/api-client';
import { Button, Group, Paper, Select, SimpleGrid, Text } from '@mantine/core';
import { IconDownload, IconPlus } from '@tabler/icons-react';
import Link from 'next/link';
import { createParser, parseAsStringLiteral, useQueryStates } from 'nuqs';
import { useState } from 'react';
import { CustomerPicker } from '@/customers/customer-picker';
import { useCustomer } from '@/customers/customers.queries';
import { nairobiDayEnd, nairobiDayStart } from '@/format/dates';
import { CursorPager, useCursorPages } from '@/layout/cursor-pager';
import { DayInput } from '@/format/day-input';
import { PageHeader } from '@/layout/page-header';
import { QueryResult } from '@/layout/query-result';
import type { AllocatedPayment } from './allocated';
import { PaymentsTable } from './payments-table';
import { type PaymentListQuery, usePayments } from './payments.queries';
import { ReassignDialog } from './reassign-dialog';

type PaymentStatus = NonNullable<PaymentListQuery['status']>;

const STATUS_OPTIONS: { value: PaymentStatus; label: string }[] = [
  { value: 'allocated', label: 'Credited to a customer' },
  { value: 'unallocated', label: 'Unallocated (unknown account)' },
];

const day = createParser({
  parse: (value) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null),
  serialize: (value: string) => value,
});
const objectId = createParser({
  parse: (value) => (/^[0-9a-f]{24}$/.test(value) ? value : null),
  serialize: (value: string) => value,
});

/** The filters live in the address, so that Back from a payment, a reload or a shared link keeps them. */
const FILTERS = {
  customer: objectId,
  status: parseAsStringLiteral(STATUS_OPTIONS.map(({ value }) => value)),
  from: day,
  to: day,
};

export function PaymentsList() {
  const [filters, setFilters] = useQueryStates(FILTERS);
  // The customer picked here is known at once; one read from the address is loaded by id.
  const [picked, setPicked] = useState<Customer | null>(null);
  const pickedNow = picked && picked.id === filters.customer ? picked : null;
  const loaded = useCustomer(pickedNow ? null : filters.customer);
  const customer = pickedNow ?? loaded.data ?? null;
  const { status } = filters;
  const fromDay = filters.from ?? '';
  const toDay = filters.to ?? '';
  const [reassigning, setReassigning] = useState<AllocatedPayment | null>(null);
  const rangeError = fromDay && toDay && toDay < fromDay ? 'Pick a day on or after “From”' : null;

  const filter = {
    customerId: filters.customer ?? undefined,
    status: status ?? undefined,
    from: fromDay ? nairobiDayStart(fromDay) : undefined,
    to: toDay && !rangeError ? nairobiDayEnd(toDay) : undefined,
  };
  const pages = useCursorPages(JSON.stringify(filter));
  const payments = usePayments({ ...filter, cursor: pages.cursor });
  const filtered = !!(filters.customer || fromDay || toDay || status);
  const exportHref = exportUrl(filter);

  return (
    <>
      <PageHeader
        title="Payments"
        description="Newest first. Dates are Nairobi time."
        actions={
          <>
            <Button
              component="a"
              href={exportHref}
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden />}
            >
              Export CSV
            </Button>
            <Button
              component={Link}
              href="/payments/new"
              leftSection={<IconPlus size={16} aria-hidden />}
            >
              Record payment
            </Button>
          </>
        }
      />
      <Paper withBorder p="md" mb="md">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
          <CustomerPicker
            label="Customer"
            placeholder="All customers"
            value={customer}
            onChange={(picking) => {
              setPicked(picking);
              void setFilters({ customer: picking?.id ?? null });
            }}
            error={loaded.isError ? 'That customer could not be loaded' : undefined}
          />
          <Select
            label="Status"
            placeholder="Any status"
            data={STATUS_OPTIONS}
            value={status}
            onChange={(value) =>
              void setFilters({
                status: STATUS_OPTIONS.find((option) => option.value === value)?.value ?? null,
              })
            }
            clearable
          />
          <DayInput
            label="From"
            value={fromDay}
            onChange={(day) => void setFilters({ from: day || null })}
          />
          <DayInput
            label="To"
            value={toDay}
            error={rangeError}
            onChange={(day) => void setFilters({ to: day || null })}
          />
        </SimpleGrid>
        {filtered && (
          <Group justify="flex-end" mt="sm">
            <Button variant="subtle" size="xs" onClick={() => void setFilters(null)}>
              Clear filters
            </Button>
          </Group>
        )}
      </Paper>
      <Paper withBorder>
        <QueryResult
          query={payments}
          what="payments"
          empty={{
            when: (page) => page.items.length === 0,
            show: (
              <Text p="xl" ta="center" c="dimmed">
                {filtered ? 'No payment matches these filters.' : 'No payments recorded yet.'}
              </Text>
            ),
          }}
        >
          {({ items }) => <PaymentsTable payments={items} onReassign={setReassigning} />}
        </QueryResult>
      </Paper>
      <CursorPager
        page={pages.page}
        nextCursor={payments.data?.nextCursor}
        onNext={pages.next}
        onPrevious={pages.previous}
      />
      <ReassignDialog payment={reassigning} onClose={() => setReassigning(null)} />
    </>
  );
}

/** The CSV of the payments the filters show (every page), downloaded through the /api proxy. */
function exportUrl(filter: Omit<PaymentListQuery, 'cursor'>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(filter)) {
    if (value) query.set(name, value);
  }
  const search = query.toString();
  return `/api/payments/export${search ? `?${search}` : ''}`;
}
