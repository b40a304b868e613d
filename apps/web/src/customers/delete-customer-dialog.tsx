'use client';

import type { Customer } from '@malipo/api-client';
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { describeError } from '@/api/form-errors';
import { useDeleteCustomer } from './customers.queries';

interface DeleteCustomerDialogProps {
  customer: Customer;
  opened: boolean;
  onClose: () => void;
  onDeleted: () => void;
}

const API_MESSAGES = {
  CUSTOMER_HAS_PAYMENTS: {
    message:
      'This customer has payments, so they cannot be deleted; reassign them first. ' +
      'A customer who ever had a payment stays on record for the history.',
  },
  CUSTOMER_NOT_FOUND: { message: 'This customer was already deleted.' },
};

export function DeleteCustomerDialog({
  customer,
  opened,
  onClose,
  onDeleted,
}: DeleteCustomerDialogProps) {
  const remove = useDeleteCustomer(customer.id);
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={`Delete ${customer.name}?`} centered>
      <Stack>
        <Text size="sm">
          This removes {customer.name} (account {customer.accountNumber}) for good. It cannot be
          undone.
        </Text>
        {remove.isError && (
          <Alert color="red" role="alert" title="Not deleted">
            {describeError(remove.error, API_MESSAGES)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close} data-autofocus>
            Keep customer
          </Button>
          <Button
            color="red"
            loading={remove.isPending}
            onClick={() =>
              remove.mutate(undefined, {
                onSuccess: () => {
                  notifications.show({ color: 'teal', message: `Deleted ${customer.name}.` });
                  onDeleted();
                },
              })
            }
          >
            Delete customer
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
