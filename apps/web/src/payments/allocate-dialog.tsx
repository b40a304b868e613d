'use client';

import { ApiError, type Customer, type Payment } from '@malipo/api-client';
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
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { describeError } from '@/api/form-errors';
import { CustomerLink } from '@/customers/customer-link';
import { CustomerPicker, customerLabel } from '@/customers/customer-picker';
import { formatKes } from '@/format/money';
import { Fact } from './fact';
import { useAllocatePayment, usePaymentSuggestions, useRefetchPayment } from './payments.queries';

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

const API_MESSAGES = {
  PAYMENT_NOT_FOUND: { message: 'This payment no longer exists.' },
  CUSTOMER_NOT_FOUND: { message: 'The customer you picked no longer exists.' },
};

function AllocateForm({ payment, onClose }: { payment: Payment; onClose: () => void }) {
  const suggestions = usePaymentSuggestions(payment.id);
  const allocate = useAllocatePayment(payment.id);
  const refetchPayment = useRefetchPayment();
  const [target, setTarget] = useState<Customer | null>(null);
  const [reason, setReason] = useState('');
  const [step, setStep] = useState<'choose' | 'confirm'>('choose');
  const [errors, setErrors] = useState<{ target?: string; reason?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  // Set when somebody else allocated it first: who has it now, if that could be read.
  const [conflict, setConflict] = useState<{ ownerId: string | null } | null>(null);
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
    if (!target) return;
    setFailure(null);
    allocate.mutate(
      { customerId: target.id, reason: reason.trim() },
      {
        onSuccess: () => {
          notifications.show({
            color: 'teal',
            title: 'Payment allocated',
            message: `Credited ${amount} to ${target.name}.`,
          });
          onClose();
        },
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'PAYMENT_ALREADY_ALLOCATED') {
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
            <Button
              variant="default"
              onClick={() => setStep('choose')}
              disabled={allocate.isPending}
            >
              Back
            </Button>
            <Button onClick={confirm} loading={allocate.isPending} data-autofocus>
              Allocate payment
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
