'use client';

import { ApiError, type Customer } from '@malipo/api-client';
import { Button, Group, Modal, SimpleGrid, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { describeError } from '@/api/form-errors';
import { CustomerLink } from '@/customers/customer-link';
import { CustomerPicker } from '@/customers/customer-picker';
import { useCustomer } from '@/customers/customers.queries';
import { formatKes } from '@/format/money';
import type { AllocatedPayment } from './allocated';
import { Fact } from './fact';
import {
  MovedMeanwhileNotice,
  MoveConfirmation,
  ReasonInput,
  useMovedMeanwhile,
  useMoveSteps,
} from './move-steps';
import { useReassignPayment } from './payments.queries';

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
  const movedMeanwhile = useMovedMeanwhile(payment.id);
  const steps = useMoveSteps({
    noTarget: 'Pick the customer who should have this payment',
    noReason: 'Say why the payment is moved',
  });
  const { target } = steps;
  const [failure, setFailure] = useState<string | null>(null);

  const sourceName = source.data?.name ?? 'the current customer';
  const amount = formatKes(payment.amount);

  const confirm = (to: Customer) => {
    setFailure(null);
    reassign.mutate(
      {
        paymentId: payment.id,
        sourceCustomerId: payment.customerId,
        targetCustomerId: to.id,
        reason: steps.reason,
      },
      {
        onSuccess: () => {
          notifications.show({
            color: 'teal',
            title: 'Payment moved',
            message: `Moved ${amount} from ${sourceName} to ${to.name}.`,
          });
          onClose();
        },
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'PAYMENT_NOT_OWNED_BY_SOURCE') {
            movedMeanwhile.explain();
            return;
          }
          setFailure(describeError(error, API_MESSAGES));
        },
      },
    );
  };

  if (movedMeanwhile.owner) {
    return (
      <MovedMeanwhileNotice
        title="Somebody else moved this payment first"
        ownerId={movedMeanwhile.owner.id}
        advice="check whether it still needs moving."
        onClose={onClose}
      />
    );
  }

  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="xs">
        <Fact label="Amount" value={amount} />
        <Fact label="Reference" value={payment.reference ?? 'none'} />
        <Fact label="Currently credited to" value={<CustomerLink id={payment.customerId} />} />
      </SimpleGrid>

      {steps.confirming && target ? (
        <MoveConfirmation
          statement={`Move ${amount} from ${sourceName} to ${target.name}`}
          testId="reassign-confirmation"
          reason={steps.reason}
          failure={failure}
          pending={reassign.isPending}
          confirmLabel="Move payment"
          onBack={steps.back}
          onConfirm={() => confirm(target)}
        />
      ) : (
        <form onSubmit={steps.review} noValidate>
          <Stack>
            <CustomerPicker
              label="Move to customer"
              description="Search by name, phone or account number"
              value={target}
              onChange={steps.setTarget}
              excludeId={payment.customerId}
              error={steps.targetError}
              required
            />
            <ReasonInput
              {...steps.reasonInput}
              placeholder="e.g. Customer typed the wrong account number"
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit">Review move</Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
