'use client';

import type { Payment } from '@malipo/api-client';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import Link from 'next/link';
import { useId, useState } from 'react';
import { describeError } from '@/api/form-errors';
import { formatDateTime } from '@/format/dates';
import { formatKes } from '@/format/money';
import { CursorPager, useCursorPages } from '@/layout/cursor-pager';
import { PageHeader } from '@/layout/page-header';
import { QueryResult } from '@/layout/query-result';
import { AllocateDialog } from '@/payments/allocate-dialog';
import { Fact } from '@/payments/fact';
import { usePaymentSuggestions, usePayments } from '@/payments/payments.queries';
import { ConfirmAllocationDialog, type SuggestedAllocation } from './confirm-allocation-dialog';
import { describeReason } from './suggestion-reasons';
import { QUEUE_REFRESH_MS } from './unallocated.queries';

/** The queue of payments whose account number matched nobody, each with its likely customers. */
export function UnallocatedList() {
  const pages = useCursorPages('unallocated');
  const payments = usePayments(
    { status: 'unallocated', cursor: pages.cursor },
    { refetchInterval: QUEUE_REFRESH_MS },
  );
  const [confirming, setConfirming] = useState<SuggestedAllocation | null>(null);
  const [choosing, setChoosing] = useState<Payment | null>(null);

  return (
    <>
      <PageHeader
        title="Unallocated payments"
        description="Payments to an account number nobody has, newest first. Dates are Nairobi time."
        actions={
          <Button
            component={Link}
            href="/payments/import"
            variant="default"
            leftSection={<IconFileImport size={16} aria-hidden />}
          >
            Import payments
          </Button>
        }
      />
      <QueryResult
        query={payments}
        what="unallocated payments"
        empty={{
          when: (page) => page.items.length === 0,
          show: (
            <Paper withBorder p="xl">
              <Text ta="center" fw={600}>
                No unallocated payments
              </Text>
              <Text ta="center" c="dimmed" size="sm">
                Every payment is credited to a customer.
              </Text>
            </Paper>
          ),
        }}
      >
        {(page) => (
          <Stack gap="md">
            {page.items.map((payment) => (
              <UnallocatedPayment
                key={payment.id}
                payment={payment}
                onAllocate={setConfirming}
                onChooseOther={setChoosing}
              />
            ))}
          </Stack>
        )}
      </QueryResult>
      <CursorPager
        page={pages.page}
        nextCursor={payments.data?.nextCursor}
        onNext={pages.next}
        onPrevious={pages.previous}
      />
      <ConfirmAllocationDialog allocation={confirming} onClose={() => setConfirming(null)} />
      <AllocateDialog payment={choosing} onClose={() => setChoosing(null)} />
    </>
  );
}

interface UnallocatedPaymentProps {
  payment: Payment;
  onAllocate: (allocation: SuggestedAllocation) => void;
  onChooseOther: (payment: Payment) => void;
}

function UnallocatedPayment({ payment, onAllocate, onChooseOther }: UnallocatedPaymentProps) {
  const titleId = useId();
  const suggestions = usePaymentSuggestions(payment.id);
  const amount = formatKes(payment.amount);
  const payer = [payment.payerName, payment.payerPhone].filter(Boolean).join(' · ') || 'unknown';

  return (
    <Paper component="article" withBorder p="md" aria-labelledby={titleId}>
      <Group justify="space-between" align="flex-start" gap="xs" mb="sm">
        <Title id={titleId} order={2} size="h4">
          {amount}{' '}
          <Text span c="dimmed" fw={500} ff="monospace" size="md">
            {payment.reference ?? 'no reference'}
          </Text>
        </Title>
        <Anchor component={Link} href={`/payments/${payment.id}`} size="sm">
          Open payment
        </Anchor>
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="xs" mb="md">
        <Fact
          label="Account typed"
          value={<Text ff="monospace">{payment.accountReference ?? 'none'}</Text>}
        />
        <Fact label="Payer" value={payer} />
        <Fact label="Paid at" value={formatDateTime(payment.paidAt)} />
      </SimpleGrid>

      <Text size="sm" fw={600} mb={6}>
        Likely customers
      </Text>
      {suggestions.isPending ? (
        <Loader size="sm" aria-label="Looking for likely customers" />
      ) : suggestions.isError ? (
        <Alert color="red" role="alert">
          Could not look for likely customers: {describeError(suggestions.error)}
        </Alert>
      ) : suggestions.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          No likely customer found.
        </Text>
      ) : (
        <Stack gap="xs">
          {suggestions.data.map((suggestion, rank) => (
            <Paper key={suggestion.customer.id} withBorder p="xs" bg="gray.0">
              <Group justify="space-between" wrap="nowrap" align="center" gap="sm">
                <Stack gap={2} miw={0}>
                  <Group gap={6}>
                    <Anchor
                      component={Link}
                      href={`/customers/${suggestion.customer.id}`}
                      fw={600}
                      size="sm"
                    >
                      {suggestion.customer.name}
                    </Anchor>
                    <Text size="sm" ff="monospace" c="dimmed">
                      {suggestion.customer.accountNumber}
                    </Text>
                    {rank === 0 && (
                      <Badge size="sm" variant="light" color="teal">
                        Best match
                      </Badge>
                    )}
                  </Group>
                  {suggestion.reasons.map((reason, index) => (
                    <Text key={`${reason.kind}-${index}`} size="xs" c="dimmed">
                      {describeReason(reason)}
                    </Text>
                  ))}
                </Stack>
                <Button
                  size="xs"
                  style={{ flexShrink: 0 }}
                  onClick={() => onAllocate({ payment, suggestion })}
                  aria-label={`Allocate ${amount} to ${suggestion.customer.name}`}
                >
                  Allocate
                </Button>
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
      <Group justify="flex-end" mt="sm">
        <Button variant="subtle" size="xs" onClick={() => onChooseOther(payment)}>
          Allocate to another customer
        </Button>
      </Group>
    </Paper>
  );
}
