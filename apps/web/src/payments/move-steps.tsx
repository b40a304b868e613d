'use client';

import type { Customer } from '@malipo/api-client';
import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { CustomerLink } from '@/customers/customer-link';
import { useRefetchPayment } from './payments.queries';

// What the reassign and allocate dialogs share: pick a customer and say why, review a sentence
// stating the move, confirm; and, when somebody else moved the payment first, say who has it.

interface MoveStepsMessages {
  /** Shown at the customer picker when none was picked. */
  noTarget: string;
  /** Shown at the reason when it is empty. */
  noReason: string;
}

export function useMoveSteps(messages: MoveStepsMessages) {
  const [target, setTargetValue] = useState<Customer | null>(null);
  const [reason, setReasonValue] = useState('');
  const [step, setStep] = useState<'choose' | 'confirm'>('choose');
  const [errors, setErrors] = useState<{ target?: string; reason?: string }>({});

  const setTarget = (customer: Customer | null) => {
    setTargetValue(customer);
    setErrors((current) => ({ ...current, target: undefined }));
  };
  const setReason = (value: string) => {
    setReasonValue(value);
    setErrors((current) => ({ ...current, reason: undefined }));
  };
  const review = (event: FormEvent) => {
    event.preventDefault();
    const found = {
      target: target ? undefined : messages.noTarget,
      reason: reason.trim() ? undefined : messages.noReason,
    };
    setErrors(found);
    if (!found.target && !found.reason) setStep('confirm');
  };

  return {
    target,
    setTarget,
    reason: reason.trim(),
    reasonInput: { value: reason, error: errors.reason, onChange: setReason },
    targetError: errors.target,
    confirming: step === 'confirm',
    review,
    back: () => setStep('choose'),
  };
}

interface ReasonInputProps {
  value: string;
  error?: string;
  onChange: (value: string) => void;
  placeholder: string;
}

export function ReasonInput({ value, error, onChange, placeholder }: ReasonInputProps) {
  return (
    <Textarea
      label="Reason"
      description="Kept in the payment's history for everyone to see"
      placeholder={placeholder}
      required
      autosize
      minRows={2}
      maxLength={500}
      value={value}
      error={error}
      onChange={(event) => onChange(event.currentTarget.value)}
    />
  );
}

interface MoveConfirmationProps {
  /** The move in one sentence, e.g. "Move KES 1,500.00 from A to B". */
  statement: string;
  testId: string;
  reason: string;
  failure: string | null;
  pending: boolean;
  confirmLabel: string;
  onBack: () => void;
  onConfirm: () => void;
}

export function MoveConfirmation(props: MoveConfirmationProps) {
  return (
    <Stack>
      <Alert color="teal" title="Please confirm">
        <Text fw={600} data-testid={props.testId}>
          {props.statement}
        </Text>
        <Text size="sm" mt={4}>
          Reason: {props.reason}
        </Text>
      </Alert>
      {props.failure && (
        <Alert color="red" role="alert">
          {props.failure}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={props.onBack} disabled={props.pending}>
          Back
        </Button>
        <Button onClick={props.onConfirm} loading={props.pending} data-autofocus>
          {props.confirmLabel}
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * After a 409 (somebody else moved the payment first): reads the payment again, which also
 * refreshes the lists it is in, to say who has it now; null when that could not be read.
 */
export function useMovedMeanwhile(paymentId: string) {
  const refetchPayment = useRefetchPayment();
  const [owner, setOwner] = useState<{ id: string | null } | null>(null);
  const explain = () => {
    void refetchPayment(paymentId).then(
      (current) => setOwner({ id: current.customerId }),
      () => setOwner({ id: null }),
    );
  };
  return { owner, explain };
}

interface MovedMeanwhileNoticeProps {
  title: string;
  ownerId: string | null;
  /** What to do about it, after "It is now credited to X. Nothing was changed by you;". */
  advice: ReactNode;
  onClose: () => void;
}

export function MovedMeanwhileNotice({
  title,
  ownerId,
  advice,
  onClose,
}: MovedMeanwhileNoticeProps) {
  return (
    <Stack>
      <Alert color="orange" title={title} role="alert">
        It is now credited to <CustomerLink id={ownerId} />. Nothing was changed by you; {advice}
      </Alert>
      <Group justify="flex-end">
        <Button onClick={onClose}>Close</Button>
      </Group>
    </Stack>
  );
}
