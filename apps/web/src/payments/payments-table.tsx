'use client';

import type { Payment } from '@malipo/api-client';
import { Anchor, Badge, Button, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import Link from 'next/link';
import { CustomerLink } from '@/customers/customer-link';
import { formatDateTime } from '@/format/dates';
import { formatKes } from '@/format/money';
import { type AllocatedPayment, isAllocated } from './allocated';
import { methodLabel } from './payment-method';

interface PaymentsTableProps {
  payments: Payment[];
  showCustomer?: boolean;
  onReassign: (payment: AllocatedPayment) => void;
}

export function PaymentsTable({ payments, showCustomer = true, onReassign }: PaymentsTableProps) {
  return (
    <Table.ScrollContainer minWidth={0}>
      <Table highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th hiddenFrom="sm">Payment</Table.Th>
            <Table.Th visibleFrom="sm">Paid at</Table.Th>
            <Table.Th visibleFrom="sm" ta="right">
              Amount
            </Table.Th>
            {showCustomer && <Table.Th>Customer</Table.Th>}
            <Table.Th visibleFrom="sm">Method</Table.Th>
            <Table.Th visibleFrom="sm">Reference</Table.Th>
            <Table.Th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {payments.map((payment) => (
            <Table.Tr key={payment.id}>
              {/* On a phone, amount and date share one cell so that the row fits 390 px. */}
              <Table.Td hiddenFrom="sm" style={{ whiteSpace: 'nowrap' }}>
                <Anchor component={Link} href={`/payments/${payment.id}`} fw={600} size="sm">
                  {formatKes(payment.amount)}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {formatDateTime(payment.paidAt)}
                </Text>
              </Table.Td>
              <Table.Td visibleFrom="sm" style={{ whiteSpace: 'nowrap' }}>
                <Anchor component={Link} href={`/payments/${payment.id}`} size="sm">
                  {formatDateTime(payment.paidAt)}
                </Anchor>
              </Table.Td>
              <Table.Td visibleFrom="sm" ta="right" fw={600} style={{ whiteSpace: 'nowrap' }}>
                {formatKes(payment.amount)}
              </Table.Td>
              {showCustomer && (
                <Table.Td>
                  {isAllocated(payment) ? (
                    <CustomerLink id={payment.customerId} />
                  ) : (
                    <Badge color="gray" variant="light">
                      Unallocated
                    </Badge>
                  )}
                </Table.Td>
              )}
              <Table.Td visibleFrom="sm">{methodLabel(payment.method)}</Table.Td>
              <Table.Td visibleFrom="sm" ff="monospace">
                {payment.reference ?? '—'}
              </Table.Td>
              <Table.Td>
                <Group justify="flex-end" gap="xs" wrap="nowrap">
                  {isAllocated(payment) ? (
                    <Button
                      size="compact-sm"
                      variant="light"
                      onClick={() => onReassign(payment)}
                      aria-label={`Reassign payment of ${formatKes(payment.amount)} from ${formatDateTime(payment.paidAt)}`}
                    >
                      Reassign
                    </Button>
                  ) : (
                    // Allocating needs the payer's details and suggestions: the payment's page.
                    <Button
                      component={Link}
                      href={`/payments/${payment.id}`}
                      size="compact-sm"
                      variant="light"
                      color="orange"
                      aria-label={`Allocate payment of ${formatKes(payment.amount)} from ${formatDateTime(payment.paidAt)}`}
                    >
                      Allocate
                    </Button>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
