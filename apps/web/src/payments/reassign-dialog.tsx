'use client';

import { ApiError, type Customer } from '@malipo/api-client';
import { Alert, Button, Group, Modal, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { describeError } from '@/api/form-errors';
import { CustomerLink } from '@/customers/customer-link';
import { CustomerPicker } from '@/customers/customer-picker';
import { useCustomer } from '@/customers/customers.queries';
import { formatKes } from '@/format/money';
import type { AllocatedPayment } from './allocated';
import { Fact } from './fact';
import { useReassignPayment, useRefetchPayment } from './payments.queries';

interface ReassignDialogProps {
  /** The payment to move; the dialog is open while there is one. */
  payment: AllocatedPayment | null;
  onClose: () => void;
}

export function ReassignDialog({ payment, onClose }: ReassignDialogProps) {
  return (
    <Modal opened={!!payment} onClose={onClose} title="Reassign payment" centered size="lg">
      {payment && <ReassignForm key={payment.id} payment={payment} onClose={onClose} />}
    </Modal>
  );
}

const API_MESSAGES = {
  SAME_CUSTOMER: { message: 'The payment already belongs to this customer; pick another one.' },
  PAYMENT_NOT_FOUND: { message: 'This payment no longer exists.' },
  SOURCE_CUSTOMER_NOT_FOUND: { message: 'The current customer no longer exists.' },
  TARGET_CUSTOMER_NOT_FOUND: { message: 'The customer you picked no longer exists.' },
};

function ReassignForm({ payment, onClose }: { payment: AllocatedPayment; onClose: () => void }) {
  const source = useCustomer(payment.customerId);
  const reassign = useReassignPayment();
  const refetchPayment = useRefetchPayment();
  const [target, setTarget] = useState<Customer | null>(null);
  const [reason, setReason] = useState('');
  const [step, setStep] = useState<'choose' | 'confirm'>('choose');
  const [errors, setErrors] = useState<{ target?: string; reason?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  // Set when somebody else moved the payment first: who owns it now, if that could be read.
  const [conflict, setConflict] = useState<{ ownerId: string | null } | null>(null);

  const sourceName = source.data?.name ?? 'the current customer';
  const amount = formatKes(payment.amount);

  const review = (event: FormEvent) => {
    event.preventDefault();
    const found = {
      target: target ? undefined : 'Pick the customer who should have this payment',
      reason: reason.trim() ? undefined : 'Say why the payment is moved',
    };
    setErrors(found);
    if (!found.target && !found.reason) setStep('confirm');
  };

  const confirm = () => {
    if (!target) return;
    setFailure(null);
    reassign.mutate(
      {
        paymentId: payment.id,
        sourceCustomerId: payment.customerId,
        targetCustomerId: target.id,
        reason: reason.trim(),
      },
      {
        onSuccess: () => {
          notifications.show({
            color: 'teal',
            title: 'Payment moved',
            message: `Moved ${amount} from ${sourceName} to ${target.name}.`,
          });
          onClose();
        },
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'PAYMENT_NOT_OWNED_BY_SOURCE') {
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
        <Alert color="orange" title="Somebody else moved this payment first" role="alert">
          While you were filling this in, the payment was moved by someone else. It now belongs to{' '}
          <CustomerLink id={conflict.ownerId} />. Nothing was changed by you; check whether it still
          needs moving.
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
        <Fact label="Currently credited to" value={<CustomerLink id={payment.customerId} />} />
      </SimpleGrid>

      {step === 'choose' ? (
        <form onSubmit={review} noValidate>
          <Stack>
            <CustomerPicker
              label="Move to customer"
              description="Search by name, phone or account number"
              value={target}
              onChange={(customer) => {
                setTarget(customer);
                setErrors((current) => ({ ...current, target: undefined }));
              }}
              excludeId={payment.customerId}
              error={errors.target}
              required
            />
            <Textarea
              label="Reason"
              description="Kept in the payment's history for everyone to see"
              placeholder="e.g. Customer typed the wrong account number"
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
              <Button type="submit">Review move</Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <Stack>
          <Alert color="teal" title="Please confirm">
            <Text fw={600} data-testid="reassign-confirmation">
              Move {amount} from {sourceName} to {target?.name}
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
              disabled={reassign.isPending}
            >
              Back
            </Button>
            <Button onClick={confirm} loading={reassign.isPending} data-autofocus>
              Move payment
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
