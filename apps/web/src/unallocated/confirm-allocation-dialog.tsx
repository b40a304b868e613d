'use client';

import { ApiError, type Payment, type Suggestion } from '@malipo/api-client';
import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { describeError } from '@/api/form-errors';
import { CustomerLink } from '@/customers/customer-link';
import { formatKes } from '@/format/money';
import { useAllocatePayment, useRefetchPayment } from '@/payments/payments.queries';
import { allocationReason, describeReason } from './suggestion-reasons';

export interface SuggestedAllocation {
  payment: Payment;
  suggestion: Suggestion;
}

interface ConfirmAllocationDialogProps {
  /** The payment and the suggested customer; the dialog is open while there is one. */
  allocation: SuggestedAllocation | null;
  onClose: () => void;
}

/** The second of the two clicks that credit an unallocated payment to a suggested customer. */
export function ConfirmAllocationDialog({ allocation, onClose }: ConfirmAllocationDialogProps) {
  return (
    <Modal opened={!!allocation} onClose={onClose} title="Allocate payment" centered>
      {allocation && (
        <ConfirmAllocation
          key={`${allocation.payment.id}-${allocation.suggestion.customer.id}`}
          allocation={allocation}
          onClose={onClose}
        />
      )}
    </Modal>
  );
}

const API_MESSAGES = {
  PAYMENT_NOT_FOUND: { message: 'This payment no longer exists.' },
  CUSTOMER_NOT_FOUND: { message: 'This customer no longer exists.' },
};

function ConfirmAllocation({
  allocation: { payment, suggestion },
  onClose,
}: {
  allocation: SuggestedAllocation;
  onClose: () => void;
}) {
  const allocate = useAllocatePayment(payment.id);
  const refetchPayment = useRefetchPayment();
  const [failure, setFailure] = useState<string | null>(null);
  // Set when somebody else allocated it first: who has it now, if that could be read.
  const [conflict, setConflict] = useState<{ ownerId: string | null } | null>(null);
  const amount = formatKes(payment.amount);
  const { customer } = suggestion;

  const confirm = () => {
    setFailure(null);
    allocate.mutate(
      { customerId: customer.id, reason: allocationReason(suggestion.reasons) },
      {
        onSuccess: () => {
          notifications.show({
            color: 'teal',
            title: 'Payment allocated',
            message: `Credited ${amount} to ${customer.name}.`,
          });
          onClose();
        },
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'PAYMENT_ALREADY_ALLOCATED') {
            // Reading it again also refreshes the queue, where it no longer belongs.
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

  if (conflict) {
    return (
      <Stack>
        <Alert color="orange" title="Somebody else allocated this payment first" role="alert">
          It is now credited to <CustomerLink id={conflict.ownerId} />. Nothing was changed by you;
          if that is wrong, reassign it from the payment&apos;s page.
        </Alert>
        <Group justify="flex-end">
          <Button onClick={onClose}>Close</Button>
        </Group>
      </Stack>
    );
  }

  return (
    <Stack>
      <Text fw={600} size="lg" data-testid="allocate-confirmation">
        Allocate {amount} to {customer.name}
      </Text>
      <div>
        <Text size="sm" c="dimmed">
          Account {customer.accountNumber}. Suggested because:
        </Text>
        <List size="sm" mt={4}>
          {suggestion.reasons.map((reason, index) => (
            <List.Item key={`${reason.kind}-${index}`}>{describeReason(reason)}</List.Item>
          ))}
        </List>
      </div>
      {failure && (
        <Alert color="red" role="alert">
          {failure}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose} disabled={allocate.isPending}>
          Cancel
        </Button>
        <Button onClick={confirm} loading={allocate.isPending} data-autofocus>
          Confirm allocation
        </Button>
      </Group>
    </Stack>
  );
}
