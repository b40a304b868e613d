'use client';

import type { Customer } from '@malipo/api-client';
import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { formErrorsFrom } from '@/api/form-errors';
import {
  type CustomerValues,
  KENYAN_PHONE_HINT,
  toCustomerBody,
  validateCustomer,
} from './customer-rules';
import { useCreateCustomer, useUpdateCustomer } from './customers.queries';

const CONFLICTS = {
  EMAIL_TAKEN: { field: 'email', message: 'Another customer already has this email.' },
  PHONE_TAKEN: { field: 'phone', message: 'Another customer already has this phone number.' },
};

interface CustomerFormModalProps {
  opened: boolean;
  onClose: () => void;
  /** The customer to edit; without it the form creates a new one. */
  customer?: Customer;
  onSaved?: (customer: Customer) => void;
}

export function CustomerFormModal({ opened, onClose, customer, onSaved }: CustomerFormModalProps) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={customer ? `Edit ${customer.name}` : 'Add customer'}
      centered
    >
      {/* Mounted only while open, so each opening starts from the customer's current values. */}
      {opened && <CustomerForm customer={customer} onClose={onClose} onSaved={onSaved} />}
    </Modal>
  );
}

function CustomerForm({ customer, onClose, onSaved }: Omit<CustomerFormModalProps, 'opened'>) {
  const create = useCreateCustomer();
  const update = useUpdateCustomer(customer?.id ?? '');
  const mutation = customer ? update : create;
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<CustomerValues>({
    initialValues: {
      name: customer?.name ?? '',
      email: customer?.email ?? '',
      phone: customer?.phone ?? '',
    },
    validate: validateCustomer,
  });

  const submit = form.onSubmit((values) => {
    setFormError(null);
    mutation.mutate(toCustomerBody(values), {
      onSuccess: (saved) => {
        notifications.show({
          color: 'teal',
          message: customer ? `Saved ${saved.name}.` : `Added ${saved.name}.`,
        });
        onClose();
        onSaved?.(saved);
      },
      onError: (error) => {
        const errors = formErrorsFrom(error, ['name', 'email', 'phone'], CONFLICTS);
        form.setErrors(errors.fields);
        setFormError(errors.form);
      },
    });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput label="Name" required data-autofocus {...form.getInputProps('name')} />
        <TextInput
          label="Phone"
          description={KENYAN_PHONE_HINT}
          type="tel"
          inputMode="tel"
          {...form.getInputProps('phone')}
        />
        <TextInput
          label="Email"
          description="An email, a phone number or both"
          type="email"
          {...form.getInputProps('email')}
        />
        {formError && (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {customer ? 'Save changes' : 'Add customer'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
