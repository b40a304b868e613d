'use client';

import { Anchor, Skeleton, Text } from '@mantine/core';
import Link from 'next/link';
import { useCustomer } from './customers.queries';

/** A customer's name linking to their page, looked up by id (and cached) where only the id is known. */
export function CustomerLink({ id }: { id: string | null }) {
  const customer = useCustomer(id);
  if (!id)
    return (
      <Text span c="dimmed">
        none
      </Text>
    );
  if (customer.isPending) return <Skeleton height={14} width={120} display="inline-block" />;
  if (!customer.data)
    return (
      <Text span c="dimmed">
        unknown customer
      </Text>
    );
  return (
    <Anchor component={Link} href={`/customers/${id}`} inherit>
      {customer.data.name}
    </Anchor>
  );
}
