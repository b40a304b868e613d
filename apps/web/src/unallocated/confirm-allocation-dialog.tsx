'use client';

import { type Payment, type Suggestion } from '@malipo/api-client';
import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { formatKes } from '@/format/money';
import { AllocationConflict, useAllocation } from '@/payments/use-allocation';
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

function ConfirmAllocation({
  allocation: { payment, suggestion },
  onClose,
}: {
  allocation: SuggestedAllocation;
  onClose: () => void;
}) {
  const { submit, pending, failure, conflict } = useAllocation(payment, onClose);
  const { customer } = suggestion;

  if (conflict) return <AllocationConflict ownerId={conflict.id} onClose={onClose} />;

  return (
    <Stack>
      <Text fw={600} size="lg" data-testid="allocate-confirmation">
        Allocate {formatKes(payment.amount)} to {customer.name}
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
        <Button variant="default" onClick={onClose} disabled={pending}>
          Cancel
        </Button>
        <Button
          onClick={() => submit(customer, allocationReason(suggestion.reasons))}
          loading={pending}
          data-autofocus
        >
          Confirm allocation
        </Button>
      </Group>
    </Stack>
  );
}
