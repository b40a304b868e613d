import { Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A small labelled value, as in the payment summaries of the dialogs. */
export function Fact({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fw={500} component="div">
        {value}
      </Text>
    </div>
  );
}
