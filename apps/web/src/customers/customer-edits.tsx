'use client';

import type { CustomerDetail } from '@malipo/api-client';
import { List, Text } from '@mantine/core';
import { StaffName } from '@/auth/staff-name';
import { formatDateTime } from '@/format/dates';
import { SectionCard } from '@/layout/section-card';

type Edit = CustomerDetail['edits'][number];

const FIELD_NAMES: Record<Edit['changes'][number]['field'], string> = {
  name: 'Name',
  email: 'Email',
  phone: 'Phone',
};

/** Who changed the customer's details, newest first: a changed phone changes M-Pesa matching. */
export function CustomerEdits({ edits }: { edits: Edit[] }) {
  return (
    <SectionCard title="Changes to details">
      {edits.length === 0 ? (
        <Text size="sm" c="dimmed">
          Unchanged since the customer was added.
        </Text>
      ) : (
        <List spacing="sm" listStyleType="none">
          {[...edits].reverse().map((edit) => (
            <List.Item key={edit.at}>
              {edit.changes.map(({ field, from, to }) => (
                <Text size="sm" key={field}>
                  {FIELD_NAMES[field]}: {from ?? 'none'} → {to ?? 'none'}
                </Text>
              ))}
              <Text size="xs" c="dimmed">
                {formatDateTime(edit.at)} by <StaffName id={edit.by} />
              </Text>
            </List.Item>
          ))}
        </List>
      )}
    </SectionCard>
  );
}
