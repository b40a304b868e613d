'use client';

import type { CustomerDetail } from '@malipo/api-client';
import {
  ActionIcon,
  Alert,
  Box,
  Button,
  Center,
  CopyButton,
  Grid,
  Group,
  Loader,
  Paper,
  Stack,
  Text,
  Tooltip,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCheck, IconCopy, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { type ReactNode, useState } from 'react';
import { describeError } from '@/api/form-errors';
import { formatDateTime } from '@/format/dates';
import { formatKes } from '@/format/money';
import { CursorPager, useCursorPages } from '@/layout/cursor-pager';
import { PageHeader } from '@/layout/page-header';
import { QueryResult } from '@/layout/query-result';
import { SectionCard } from '@/layout/section-card';
import type { AllocatedPayment } from '@/payments/allocated';
import { PaymentsTable } from '@/payments/payments-table';
import { usePayments } from '@/payments/payments.queries';
import { ReassignDialog } from '@/payments/reassign-dialog';
import { CustomerEdits } from './customer-edits';
import { CustomerFormModal } from './customer-form-modal';
import { CustomerStatement } from './customer-statement';
import { useCustomer } from './customers.queries';
import { DeleteCustomerDialog } from './delete-customer-dialog';
import classes from './statement.module.css';

export function CustomerDetails({ id }: { id: string }) {
  const router = useRouter();
  const customer = useCustomer(id);
  const [editing, editModal] = useDisclosure(false);
  const [deleting, deleteModal] = useDisclosure(false);
  const [reassigning, setReassigning] = useState<AllocatedPayment | null>(null);

  if (customer.isPending) {
    return (
      <Center p="xl">
        <Loader aria-label="Loading customer" />
      </Center>
    );
  }
  if (customer.isError) {
    return (
      <Alert color="red" role="alert">
        Could not load this customer:{' '}
        {describeError(customer.error, {
          CUSTOMER_NOT_FOUND: { message: 'There is no such customer; they may have been deleted.' },
        })}
      </Alert>
    );
  }

  const data = customer.data;
  return (
    <>
      <div className={classes.screenOnly}>
        <PageHeader
          title={data.name}
          description={`Customer since ${formatDateTime(data.createdAt)}`}
          actions={
            <>
              <Button
                component={Link}
                href={`/payments/new?customerId=${data.id}`}
                leftSection={<IconPlus size={16} aria-hidden />}
              >
                Record payment
              </Button>
              <Button
                variant="default"
                leftSection={<IconPencil size={16} aria-hidden />}
                onClick={editModal.open}
              >
                Edit customer
              </Button>
              <Button
                variant="default"
                color="red"
                leftSection={<IconTrash size={16} aria-hidden />}
                onClick={deleteModal.open}
              >
                Delete customer
              </Button>
            </>
          }
        />
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Stack gap="md">
              <SectionCard title="Contact">
                <Stack gap="xs">
                  <Field label="Account number">
                    <Group gap={4} wrap="nowrap">
                      <Text ff="monospace" fw={700} size="lg" data-testid="account-number">
                        {data.accountNumber}
                      </Text>
                      <CopyButton value={data.accountNumber}>
                        {({ copied, copy }) => (
                          <Tooltip label={copied ? 'Copied' : 'Copy account number'} withArrow>
                            <ActionIcon
                              variant="subtle"
                              color={copied ? 'teal' : 'gray'}
                              onClick={copy}
                              aria-label="Copy account number"
                            >
                              {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                            </ActionIcon>
                          </Tooltip>
                        )}
                      </CopyButton>
                    </Group>
                  </Field>
                  <Field label="Phone">{data.phone ?? '—'}</Field>
                  <Field label="Email">{data.email ?? '—'}</Field>
                </Stack>
              </SectionCard>
              <TotalPaid customer={data} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Stack gap="md">
              <CustomerPayments customerId={id} onReassign={setReassigning} />
              <CustomerEdits edits={data.edits} />
            </Stack>
          </Grid.Col>
        </Grid>
      </div>
      <CustomerStatement customer={data} />
      <CustomerFormModal opened={editing} onClose={editModal.close} customer={data} />
      <DeleteCustomerDialog
        customer={data}
        opened={deleting}
        onClose={deleteModal.close}
        onDeleted={() => router.replace('/customers')}
      />
      <ReassignDialog payment={reassigning} onClose={() => setReassigning(null)} />
    </>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text component="div" style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

function TotalPaid({ customer }: { customer: CustomerDetail }) {
  return (
    <Paper withBorder p="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        Total paid
      </Text>
      <Text size="xl" fw={700} data-testid="total-paid">
        {formatKes(customer.totalPaid)}
      </Text>
      <Text size="sm" c="dimmed">
        {customer.paymentCount} payment{customer.paymentCount === 1 ? '' : 's'} credited now
      </Text>
    </Paper>
  );
}

function CustomerPayments({
  customerId,
  onReassign,
}: {
  customerId: string;
  onReassign: (payment: AllocatedPayment) => void;
}) {
  const pages = useCursorPages(customerId);
  const payments = usePayments({ customerId, cursor: pages.cursor });
  return (
    <SectionCard title="Payments" flush>
      <QueryResult
        query={payments}
        what="payments"
        empty={{
          when: (page) => page.items.length === 0,
          show: (
            <Text p="md" c="dimmed">
              No payments yet.
            </Text>
          ),
        }}
      >
        {(page) => (
          <>
            <PaymentsTable payments={page.items} showCustomer={false} onReassign={onReassign} />
            <Box px="md" pb={pages.page > 1 || page.nextCursor ? 'md' : 0}>
              <CursorPager
                page={pages.page}
                nextCursor={page.nextCursor}
                onNext={pages.next}
                onPrevious={pages.previous}
              />
            </Box>
          </>
        )}
      </QueryResult>
    </SectionCard>
  );
}
