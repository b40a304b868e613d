'use client';

import { DateInput } from '@mantine/dates';

interface DayInputProps {
  label: string;
  /** A calendar day as `YYYY-MM-DD`, or '' for none. */
  value: string;
  onChange: (day: string) => void;
  error?: string | null;
}

/**
 * A day typed or picked, shown as "2 Mar 2026" whatever the browser's language: a native date
 * field shows 03/02/2026 in a US-English browser, which a Kenyan reader takes for 3 February.
 */
export function DayInput({ label, value, onChange, error }: DayInputProps) {
  return (
    <DateInput
      label={label}
      value={value || null}
      onChange={(day) => onChange(day ?? '')}
      valueFormat="D MMM YYYY"
      placeholder="Any day"
      clearable
      error={error}
    />
  );
}
