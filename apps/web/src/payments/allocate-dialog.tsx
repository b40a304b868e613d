'use client';

import { type Customer, type Payment } from '@malipo/api-client';
import {
  Alert,
  Button,
  Group,
  Loader,
  Modal,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  UnstyledButton,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { CustomerPicker, customerLabel } from '@/customers/customer-picker';
import { formatKes } from '@/format/money';
import { Fact } from './fact';
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
  const [target, setTarget] = useState<Customer | null>(null);
  const [reason, setReason] = useState('');
  const [step, setStep] = useState<'choose' | 'confirm'>('choose');
  const [errors, setErrors] = useState<{ target?: string; reason?: string }>({});
  const amount = formatKes(payment.amount);

  const review = (event: FormEvent) => {
    event.preventDefault();
    const found = {
      target: target ? undefined : 'Pick the customer this payment was meant for',
      reason: reason.trim() ? undefined : 'Say how you know',
    };
    setErrors(found);
    if (!found.target && !found.reason) setStep('confirm');
  };

  const confirm = () => {
    if (target) submit(target, reason.trim());
  };

  if (conflict) return <AllocationConflict ownerId={conflict.ownerId} onClose={onClose} />;

  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="xs">
        <Fact label="Amount" value={amount} />
        <Fact label="Reference" value={payment.reference ?? 'none'} />
        <Fact label="Account typed" value={payment.accountReference ?? 'none'} />
      </SimpleGrid>

      {step === 'choose' ? (
        <form onSubmit={review} noValidate>
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
                      onClick={() => {
                        setTarget(suggestion.customer);
                        setErrors((current) => ({ ...current, target: undefined }));
                      }}
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
              key={target?.id ?? 'none'}
              label="Credit to customer"
              description="Search by name, phone or account number"
              value={target}
              onChange={(customer) => {
                setTarget(customer);
                setErrors((current) => ({ ...current, target: undefined }));
              }}
              error={errors.target}
              required
            />
            <Textarea
              label="Reason"
              description="Kept in the payment's history for everyone to see"
              placeholder="e.g. Two digits of the account number were swapped"
              required
              autosize
              minRows={2}
              maxLength={500}
              value={reason}
              error={errors.reason}
              onChange={(event) => {
                setReason(event.currentTarget.value);
                setErrors((current) => ({ ...current, reason: undefined }));
              }}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit">Review allocation</Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <Stack>
          <Alert color="teal" title="Please confirm">
            <Text fw={600} data-testid="allocate-confirmation">
              Credit {amount} to {target?.name}
            </Text>
            <Text size="sm" mt={4}>
              Reason: {reason.trim()}
            </Text>
          </Alert>
          {failure && (
            <Alert color="red" role="alert">
              {failure}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setStep('choose')} disabled={pending}>
              Back
            </Button>
            <Button onClick={confirm} loading={pending} data-autofocus>
              Allocate payment
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
