'use client';

import { ApiError, type Payment } from '@malipo/api-client';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { describeError } from '@/api/form-errors';
import { formatKes } from '@/format/money';
import { MovedMeanwhileNotice, useMovedMeanwhile } from './move-steps';
import { useAllocatePayment } from './payments.queries';

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
  const movedMeanwhile = useMovedMeanwhile(payment.id);
  const [failure, setFailure] = useState<string | null>(null);

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
            movedMeanwhile.explain();
            return;
          }
          setFailure(describeError(error, API_MESSAGES));
        },
      },
    );
  };

  return { submit, pending: allocate.isPending, failure, conflict: movedMeanwhile.owner };
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
    <MovedMeanwhileNotice
      title="Somebody else allocated this payment first"
      ownerId={ownerId}
      advice="if that is wrong, reassign it from the payment's page."
      onClose={onClose}
    />
  );
}
