'use client';

import { Alert, Button, Center, Grid, Loader, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconArrowsExchange, IconUserCheck } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { describeError } from '@/api/form-errors';
import { CustomerLink } from '@/customers/customer-link';
import { formatDateTime } from '@/format/dates';
import { formatKes } from '@/format/money';
import { PageHeader } from '@/layout/page-header';
import { SectionCard } from '@/layout/section-card';
import { AllocateDialog } from './allocate-dialog';
import { isAllocated } from './allocated';
import { methodLabel } from './payment-method';
import { usePayment } from './payments.queries';
import { ReassignDialog } from './reassign-dialog';
import { ReassignmentTimeline } from './reassignment-timeline';

export function PaymentDetails({ id }: { id: string }) {
  const payment = usePayment(id);
  const [reassigning, setReassigning] = useState(false);
  const [allocating, setAllocating] = useState(false);

  if (payment.isPending) {
    return (
      <Center p="xl">
        <Loader aria-label="Loading payment" />
      </Center>
    );
  }
  if (payment.isError) {
    return (
      <Alert color="red" role="alert">
        Could not load this payment:{' '}
        {describeError(payment.error, {
          PAYMENT_NOT_FOUND: { message: 'There is no such payment.' },
        })}
      </Alert>
    );
  }

  const data = payment.data;
  return (
    <>
      <PageHeader
        title={formatKes(data.amount)}
        description={`Paid ${formatDateTime(data.paidAt)} by ${methodLabel(data.method)}`}
        actions={
          isAllocated(data) ? (
            <Button
              leftSection={<IconArrowsExchange size={16} aria-hidden />}
              onClick={() => setReassigning(true)}
            >
              Reassign payment
            </Button>
          ) : (
            <Button
              leftSection={<IconUserCheck size={16} aria-hidden />}
              onClick={() => setAllocating(true)}
            >
              Allocate payment
            </Button>
          )
        }
      />
      {!isAllocated(data) && (
        <Alert color="orange" mb="md" title="Not credited to anyone yet">
          The payer typed the account number “{data.accountReference ?? 'nothing'}”, which is
          nobody&apos;s. Allocate it to the customer it was meant for.
        </Alert>
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <SectionCard title="Details">
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
              <Field
                label="Credited to"
                value={
                  isAllocated(data) ? <CustomerLink id={data.customerId} /> : 'Nobody (unallocated)'
                }
              />
              <Field label="Amount" value={formatKes(data.amount)} />
              <Field label="Method" value={methodLabel(data.method)} />
              <Field label="Reference" value={data.reference ?? '—'} mono />
              <Field label="Paid at" value={formatDateTime(data.paidAt)} />
              <Field label="Account typed" value={data.accountReference ?? '—'} mono />
              <Field label="Payer" value={data.payerName ?? '—'} />
              <Field label="Payer phone" value={data.payerPhone ?? '—'} />
              <Field label="Recorded" value={formatDateTime(data.createdAt)} />
              <Field label="Note" value={data.note ?? '—'} />
            </SimpleGrid>
          </SectionCard>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <SectionCard title="Reassignment history">
            <Stack gap="sm">
              {data.reassignments.length === 0 && (
                <Text size="sm" c="dimmed">
                  This payment has never been moved.
                </Text>
              )}
              <ReassignmentTimeline payment={data} />
            </Stack>
          </SectionCard>
        </Grid.Col>
      </Grid>
      <ReassignDialog
        payment={reassigning && isAllocated(data) ? data : null}
        onClose={() => setReassigning(false)}
      />
      <AllocateDialog
        payment={allocating && !isAllocated(data) ? data : null}
        onClose={() => setAllocating(false)}
      />
    </>
  );
}

function Field({ label, value, mono }: { label: string; value: ReactNode; mono?: boolean }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text
        component="div"
        ff={mono ? 'monospace' : undefined}
        style={{ overflowWrap: 'anywhere' }}
      >
        {value}
      </Text>
    </div>
  );
}
