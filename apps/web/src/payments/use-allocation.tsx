'use client';

import { ApiError, type Payment } from '@malipo/api-client';
import { Alert, Button, Group, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { describeError } from '@/api/form-errors';
import { CustomerLink } from '@/customers/customer-link';
import { formatKes } from '@/format/money';
import { useAllocatePayment, useRefetchPayment } from './payments.queries';

const API_MESSAGES = {
  PAYMENT_NOT_FOUND: { message: 'This payment no longer exists.' },
  CUSTOMER_NOT_FOUND: { message: 'This customer no longer exists.' },
};

/**
 * Credits an unallocated payment to a customer, for both ways staff do it (a suggestion, or a
 * customer they picked): the notification on success, the error in words, and, when somebody
 * else allocated it first, who has it now.
 */
export function useAllocation(payment: Payment, onDone: () => void) {
  const allocate = useAllocatePayment(payment.id);
  const refetchPayment = useRefetchPayment();
  const [failure, setFailure] = useState<string | null>(null);
  // Set when somebody else allocated it first: who has it now, if that could be read.
  const [conflict, setConflict] = useState<{ ownerId: string | null } | null>(null);

  const submit = (customer: { id: string; name: string }, reason: string) => {
    setFailure(null);
    allocate.mutate(
      { customerId: customer.id, reason },
      {
        onSuccess: () => {
          notifications.show({
            color: 'teal',
            title: 'Payment allocated',
            message: `Credited ${formatKes(payment.amount)} to ${customer.name}.`,
          });
          onDone();
        },
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'PAYMENT_ALREADY_ALLOCATED') {
            // Reading it again also refreshes the lists it no longer belongs in.
            void refetchPayment(payment.id).then(
              (current) => setConflict({ ownerId: current.customerId }),
              () => setConflict({ ownerId: null }),
            );
            return;
          }
          setFailure(describeError(error, API_MESSAGES));
        },
      },
    );
  };

  return { submit, pending: allocate.isPending, failure, conflict };
}

/** What the dialog shows instead once somebody else allocated the payment first. */
export function AllocationConflict({
  ownerId,
  onClose,
}: {
  ownerId: string | null;
  onClose: () => void;
}) {
  return (
    <Stack>
      <Alert color="orange" title="Somebody else allocated this payment first" role="alert">
        It is now credited to <CustomerLink id={ownerId} />. Nothing was changed by you; if that is
        wrong, reassign it from the payment&apos;s page.
      </Alert>
      <Group justify="flex-end">
        <Button onClick={onClose}>Close</Button>
      </Group>
    </Stack>
  );
}
