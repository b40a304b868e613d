'use client';

import type { Customer } from '@malipo/api-client';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useCustomers } from './customers.queries';

export function customerLabel(customer: Customer): string {
  // The account number comes before the contact: it is what a wrong M-Pesa payment names,
  // and on a phone the end of a long label is cut off.
  const contact = customer.phone ?? customer.email;
  return [customer.name, `account ${customer.accountNumber}`, contact].filter(Boolean).join(' · ');
}

interface CustomerPickerProps {
  label: string;
  value: Customer | null;
  onChange: (customer: Customer | null) => void;
  /** A customer that may not be picked, e.g. the payment's current owner. */
  excludeId?: string;
  error?: string | null;
  required?: boolean;
  description?: string;
  placeholder?: string;
}

/** Searches customers on the server by name, phone, email or account number as one types. */
export function CustomerPicker({
  label,
  value,
  onChange,
  excludeId,
  error,
  required,
  description,
  placeholder = 'Type a name, phone or account number',
}: CustomerPickerProps) {
  const [searchValue, setSearchValue] = useState(value ? customerLabel(value) : '');
  // A value set from outside (e.g. a filter read from the address once its customer has loaded)
  // shows its label, as a picked one does.
  const [shownId, setShownId] = useState(value?.id);
  if (value?.id !== shownId) {
    setShownId(value?.id);
    setSearchValue(value ? customerLabel(value) : '');
  }
  const typed = value && searchValue === customerLabel(value) ? '' : searchValue;
  const [search] = useDebouncedValue(typed, 250);
  const customers = useCustomers({ search, limit: 20 });

  const options = useMemo(() => {
    const found = customers.data?.items ?? [];
    const all = value && !found.some((c) => c.id === value.id) ? [value, ...found] : found;
    return all.filter((customer) => customer.id !== excludeId);
  }, [customers.data, value, excludeId]);

  return (
    <Select
      label={label}
      description={description}
      placeholder={placeholder}
      required={required}
      error={error}
      searchable
      clearable
      searchValue={searchValue}
      onSearchChange={setSearchValue}
      // The server already filtered by what was typed; a second filter here would hide matches
      // on the account number or email that the label does not spell out the same way.
      filter={({ options: all }) => all}
      data={options.map((customer) => ({ value: customer.id, label: customerLabel(customer) }))}
      value={value?.id ?? null}
      onChange={(id) => onChange(options.find((customer) => customer.id === id) ?? null)}
      nothingFoundMessage={customers.isFetching ? 'Searching…' : 'No customer matches'}
    />
  );
}
