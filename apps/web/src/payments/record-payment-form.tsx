'use client';

import type { Customer, PaymentMethod } from '@malipo/api-client';
import {
  Alert,
  Button,
  Center,
  Group,
  Loader,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { formErrorsFrom } from '@/api/form-errors';
import { CustomerPicker } from '@/customers/customer-picker';
import { useCustomer } from '@/customers/customers.queries';
import { formatDateTime, nairobiLocalToIso, nowInNairobiLocal } from '@/format/dates';
import { formatKes } from '@/format/money';
import { PageHeader } from '@/layout/page-header';
import { METHOD_OPTIONS } from './payment-method';
import { useCreatePayment } from './payments.queries';

const MAX_AMOUNT = 10_000_000;

interface PaymentValues {
  customer: Customer | null;
  amount: number | string;
  method: PaymentMethod;
  reference: string;
  paidAt: string;
  note: string;
}

const API_MESSAGES = {
  DUPLICATE_REFERENCE: {
    field: 'reference',
    message: 'A payment with this reference is already recorded.',
  },
  CUSTOMER_NOT_FOUND: { field: 'customer', message: 'This customer no longer exists.' },
};

export function RecordPayment({ customerId }: { customerId?: string }) {
  const initial = useCustomer(customerId);
  return (
    <>
      <PageHeader
        title="Record a payment"
        description="Money received from a customer, e.g. cash at a shop or a bank transfer."
      />
      <Paper withBorder p="md" maw={720}>
        {customerId && initial.isPending ? (
          <Center p="xl">
            <Loader aria-label="Loading customer" />
          </Center>
        ) : (
          <RecordPaymentForm initialCustomer={initial.data ?? null} />
        )}
      </Paper>
    </>
  );
}

function RecordPaymentForm({ initialCustomer }: { initialCustomer: Customer | null }) {
  const router = useRouter();
  const create = useCreatePayment();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<PaymentValues>({
    initialValues: {
      customer: initialCustomer,
      amount: '',
      method: 'mpesa',
      reference: '',
      paidAt: nowInNairobiLocal(),
      note: '',
    },
    validate: {
      customer: (value) => (value ? null : 'Pick the customer who paid'),
      amount: (value) => {
        const amount = Number(value);
        if (value === '' || !Number.isFinite(amount) || amount <= 0) return 'Enter the amount paid';
        if (amount > MAX_AMOUNT) return `The most one payment can be is ${formatKes(MAX_AMOUNT)}`;
        return Math.round(amount * 100) / 100 === amount ? null : 'Use at most 2 decimal places';
      },
      paidAt: (value) => (value ? null : 'Enter when it was paid'),
      note: (value) => (value.length > 500 ? 'Use at most 500 characters' : null),
    },
  });

  const submit = form.onSubmit((values) => {
    setFormError(null);
    create.mutate(
      {
        customerId: values.customer?.id,
        amount: Number(values.amount),
        currency: 'KES',
        method: values.method,
        reference: values.reference.trim() || undefined,
        paidAt: nairobiLocalToIso(values.paidAt),
        note: values.note.trim() || null,
      },
      {
        onSuccess: (payment) => {
          notifications.show({
            color: 'teal',
            message: `Recorded ${formatKes(payment.amount)} for ${values.customer?.name}.`,
          });
          router.push(`/payments/${payment.id}`);
        },
        onError: (error) => {
          const errors = formErrorsFrom(
            error,
            ['amount', 'customerId', 'reference', 'method', 'paidAt', 'note'],
            API_MESSAGES,
          );
          const { customerId, ...fields } = errors.fields;
          form.setErrors(customerId ? { ...fields, customer: customerId } : fields);
          setFormError(errors.form);
        },
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <CustomerPicker
          label="Customer"
          required
          value={form.values.customer}
          onChange={(customer) => form.setFieldValue('customer', customer)}
          error={form.errors.customer as string | undefined}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput
            label="Amount (KES)"
            required
            min={0.01}
            max={MAX_AMOUNT}
            decimalScale={2}
            thousandSeparator=","
            hideControls
            inputMode="decimal"
            {...form.getInputProps('amount')}
          />
          <Select
            label="Method"
            data={METHOD_OPTIONS}
            allowDeselect={false}
            {...form.getInputProps('method')}
          />
          <TextInput
            label="Reference"
            description="The M-Pesa receipt or bank reference, if any"
            maxLength={64}
            {...form.getInputProps('reference')}
          />
          <TextInput
            label="Paid at (Nairobi time)"
            // The field's own format follows the browser's language (03/02 may be 2 March or 3
            // February); the words below leave no doubt.
            description={paidAtInWords(form.values.paidAt)}
            type="datetime-local"
            required
            {...form.getInputProps('paidAt')}
          />
        </SimpleGrid>
        <Textarea
          label="Note"
          autosize
          minRows={2}
          maxLength={500}
          {...form.getInputProps('note')}
        />
        {formError && (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => router.back()}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Record payment
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function paidAtInWords(local: string): string {
  const valid = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local);
  return valid
    ? `That is ${formatDateTime(nairobiLocalToIso(local))}`
    : 'Day and time of the payment';
}
