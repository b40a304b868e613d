'use client';

import type { Customer } from '@malipo/api-client';
import {
  Alert,
  Button,
  Center,
  Group,
  Loader,
  Paper,
  Select,
  SimpleGrid,
  Text,
  TextInput,
} from '@mantine/core';
import { IconDownload, IconPlus } from '@tabler/icons-react';
import Link from 'next/link';
import { useState } from 'react';
import { describeError } from '@/api/form-errors';
import { CustomerPicker } from '@/customers/customer-picker';
import { nairobiDayEnd, nairobiDayStart } from '@/format/dates';
import { CursorPager, useCursorPages } from '@/layout/cursor-pager';
import { PageHeader } from '@/layout/page-header';
import type { AllocatedPayment } from './allocated';
import { PaymentsTable } from './payments-table';
import { type PaymentListQuery, usePayments } from './payments.queries';
import { ReassignDialog } from './reassign-dialog';

type PaymentStatus = NonNullable<PaymentListQuery['status']>;

const STATUS_OPTIONS: { value: PaymentStatus; label: string }[] = [
  { value: 'allocated', label: 'Credited to a customer' },
  { value: 'unallocated', label: 'Unallocated (unknown account)' },
];

export function PaymentsList() {
  const [customer, setCustomer] = useState<Customer | null>(null);
  const [fromDay, setFromDay] = useState('');
  const [toDay, setToDay] = useState('');
  const [status, setStatus] = useState<PaymentStatus | null>(null);
  const [reassigning, setReassigning] = useState<AllocatedPayment | null>(null);
  const rangeError = fromDay && toDay && toDay < fromDay ? 'Pick a day on or after “From”' : null;

  const filter = {
    customerId: customer?.id,
    status: status ?? undefined,
    from: fromDay ? nairobiDayStart(fromDay) : undefined,
    to: toDay && !rangeError ? nairobiDayEnd(toDay) : undefined,
  };
  const pages = useCursorPages(JSON.stringify(filter));
  const payments = usePayments({ ...filter, cursor: pages.cursor });
  const items = payments.data?.items ?? [];
  const filtered = !!(customer || fromDay || toDay || status);
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
            onChange={setCustomer}
          />
          <Select
            label="Status"
            placeholder="Any status"
            data={STATUS_OPTIONS}
            value={status}
            onChange={setStatus}
            clearable
          />
          <TextInput
            label="From"
            type="date"
            value={fromDay}
            onChange={(event) => setFromDay(event.currentTarget.value)}
          />
          <TextInput
            label="To"
            type="date"
            value={toDay}
            error={rangeError}
            onChange={(event) => setToDay(event.currentTarget.value)}
          />
        </SimpleGrid>
        {filtered && (
          <Group justify="flex-end" mt="sm">
            <Button
              variant="subtle"
              size="xs"
              onClick={() => {
                setCustomer(null);
                setStatus(null);
                setFromDay('');
                setToDay('');
              }}
            >
              Clear filters
            </Button>
          </Group>
        )}
      </Paper>
      <Paper withBorder>
        {payments.isPending ? (
          <Center p="xl">
            <Loader aria-label="Loading payments" />
          </Center>
        ) : payments.isError ? (
          <Alert color="red" m="md" role="alert">
            Could not load payments: {describeError(payments.error)}
          </Alert>
        ) : items.length === 0 ? (
          <Text p="xl" ta="center" c="dimmed">
            {filtered ? 'No payment matches these filters.' : 'No payments recorded yet.'}
          </Text>
        ) : (
          <PaymentsTable payments={items} onReassign={setReassigning} />
        )}
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
