'use client';

import type { Payment } from '@malipo/api-client';
import {
  Button,
  Group,
  Loader,
  Modal,
  SimpleGrid,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { CustomerPicker, customerLabel } from '@/customers/customer-picker';
import { formatKes } from '@/format/money';
import { Fact } from './fact';
import { MoveConfirmation, ReasonInput, useMoveSteps } from './move-steps';
import { usePaymentSuggestions } from './payments.queries';
import { AllocationConflict, useAllocation } from './use-allocation';

interface AllocateDialogProps {
  /** The unallocated payment to credit; the dialog is open while there is one. */
  payment: Payment | null;
  onClose: () => void;
}

/** Credits a payment that reached nobody (an unknown account number) to the right customer. */
export function AllocateDialog({ payment, onClose }: AllocateDialogProps) {
  return (
    <Modal opened={!!payment} onClose={onClose} title="Allocate payment" centered size="lg">
      {payment && <AllocateForm key={payment.id} payment={payment} onClose={onClose} />}
    </Modal>
  );
}

function AllocateForm({ payment, onClose }: { payment: Payment; onClose: () => void }) {
  const suggestions = usePaymentSuggestions(payment.id);
  const { submit, pending, failure, conflict } = useAllocation(payment, onClose);
  const steps = useMoveSteps({
    noTarget: 'Pick the customer this payment was meant for',
    noReason: 'Say how you know',
  });
  const { target } = steps;
  const amount = formatKes(payment.amount);

  if (conflict) return <AllocationConflict ownerId={conflict.id} onClose={onClose} />;

  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="xs">
        <Fact label="Amount" value={amount} />
        <Fact label="Reference" value={payment.reference ?? 'none'} />
        <Fact label="Account typed" value={payment.accountReference ?? 'none'} />
      </SimpleGrid>

      {steps.confirming && target ? (
        <MoveConfirmation
          statement={`Credit ${amount} to ${target.name}`}
          testId="allocate-confirmation"
          reason={steps.reason}
          failure={failure}
          pending={pending}
          confirmLabel="Allocate payment"
          onBack={steps.back}
          onConfirm={() => submit(target, steps.reason)}
        />
      ) : (
        <form onSubmit={steps.review} noValidate>
          <Stack>
            <div>
              <Text size="sm" fw={600} mb={4}>
                Likely customers
              </Text>
              {suggestions.isPending ? (
                <Loader size="sm" aria-label="Looking for likely customers" />
              ) : suggestions.isError || suggestions.data.length === 0 ? (
                <Text size="sm" c="dimmed">
                  No likely customer found; search below.
                </Text>
              ) : (
                <Stack gap={6}>
                  {suggestions.data.map((suggestion) => (
                    <UnstyledButton
                      key={suggestion.customer.id}
                      onClick={() => steps.setTarget(suggestion.customer)}
                      p="xs"
                      bd="1px solid var(--mantine-color-gray-3)"
                      bg={target?.id === suggestion.customer.id ? 'teal.0' : undefined}
                      style={{ borderRadius: 'var(--mantine-radius-md)' }}
                      aria-pressed={target?.id === suggestion.customer.id}
                    >
                      <Text size="sm" fw={600}>
                        Pick {customerLabel(suggestion.customer)}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {suggestion.reasons.map((why) => why.detail).join('; ')}
                      </Text>
                    </UnstyledButton>
                  ))}
                </Stack>
              )}
            </div>
            <CustomerPicker
              label="Credit to customer"
              description="Search by name, phone or account number"
              value={target}
              onChange={steps.setTarget}
              error={steps.targetError}
              required
            />
            <ReasonInput
              {...steps.reasonInput}
              placeholder="e.g. Two digits of the account number were swapped"
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit">Review allocation</Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
