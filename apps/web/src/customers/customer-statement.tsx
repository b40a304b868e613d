'use client';

import type { CustomerDetail, StatementEntry } from '@malipo/api-client';
import { Anchor, Button, Group, Paper, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import Link from 'next/link';
import { useId, useState } from 'react';
import { formatDateTime, nairobiDayEnd, nairobiDayStart } from '@/format/dates';
import { DayInput } from '@/format/day-input';
import { formatKes } from '@/format/money';
import { QueryResult } from '@/layout/query-result';
import { CustomerLink } from './customer-link';
import { useCustomerStatement } from './customers.queries';
import classes from './statement.module.css';

/** A signed amount: money into the account is plain, money out of it has a minus sign. */
function formatSigned(amount: number): string {
  return amount < 0 ? `−${formatKes(-amount)}` : formatKes(amount);
}

function EntryDescription({ entry }: { entry: StatementEntry }) {
  switch (entry.type) {
    case 'payment_received':
      return <>Payment received</>;
    case 'allocated':
      return <>Allocated from the unallocated queue</>;
    case 'reassigned_in':
      return (
        <>
          Reassigned from <CustomerLink id={entry.counterpartyCustomerId} />
        </>
      );
    case 'reassigned_out':
      return (
        <>
          Reassigned to <CustomerLink id={entry.counterpartyCustomerId} />
        </>
      );
  }
}

function periodLabel(fromDay: string, toDay: string): string {
  if (fromDay && toDay) return `${fromDay} to ${toDay}`;
  if (fromDay) return `from ${fromDay}`;
  if (toDay) return `up to ${toDay}`;
  return 'all time';
}

/** The customer's statement with a running balance, for a range of Nairobi days; printable. */
export function CustomerStatement({ customer }: { customer: CustomerDetail }) {
  const titleId = useId();
  const [fromDay, setFromDay] = useState('');
  const [toDay, setToDay] = useState('');
  const rangeError = fromDay && toDay && toDay < fromDay ? 'Pick a day on or after “From”' : null;
  const statement = useCustomerStatement(customer.id, {
    from: fromDay ? nairobiDayStart(fromDay) : undefined,
    to: toDay && !rangeError ? nairobiDayEnd(toDay) : undefined,
  });

  return (
    <Paper
      component="section"
      withBorder
      aria-labelledby={titleId}
      className={classes.statement}
      mt="md"
    >
      <Group justify="space-between" p="md" pb="xs" gap="xs">
        <Title id={titleId} order={2} size="h4">
          Statement
          <span className={classes.printOnly}>: {customer.name}</span>
        </Title>
        <Button
          variant="default"
          size="xs"
          className={classes.screenOnly}
          leftSection={<IconPrinter size={16} aria-hidden />}
          onClick={() => window.print()}
          disabled={!statement.data}
        >
          Print statement
        </Button>
      </Group>
      <Text className={classes.printOnly} px="md" pb="xs" size="sm">
        Account {customer.accountNumber} · {periodLabel(fromDay, toDay)} · Nairobi time · printed{' '}
        {formatDateTime(new Date().toISOString())}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" px="md" className={classes.screenOnly}>
        <DayInput label="From" value={fromDay} onChange={setFromDay} />
        <DayInput label="To" value={toDay} error={rangeError} onChange={setToDay} />
      </SimpleGrid>
      <QueryResult query={statement} what="the statement">
        {(data) => (
          <Table.ScrollContainer minWidth={0} mt="sm">
            <Table verticalSpacing="xs" aria-label="Statement entries">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th visibleFrom="sm">Date</Table.Th>
                  <Table.Th>Entry</Table.Th>
                  <Table.Th visibleFrom="sm">Reference</Table.Th>
                  <Table.Th ta="right">Amount</Table.Th>
                  <Table.Th ta="right">Balance</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                <BalanceRow
                  label="Opening balance"
                  amount={data.openingBalance}
                  weight={600}
                  testId="opening-balance"
                />
                {data.entries.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={5}>
                      <Text size="sm" c="dimmed">
                        Nothing in this period.
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                )}
                {data.entries.map((entry) => (
                  <Table.Tr key={`${entry.paymentId}-${entry.at}-${entry.type}`}>
                    <Table.Td visibleFrom="sm" style={nowrap}>
                      <Anchor component={Link} href={`/payments/${entry.paymentId}`} size="sm">
                        {formatDateTime(entry.at)}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        <EntryDescription entry={entry} />
                      </Text>
                      {entry.reason && (
                        <Text size="xs" c="dimmed">
                          {entry.reason}
                        </Text>
                      )}
                      {/* On a phone the Date and Reference columns are hidden; show them here. */}
                      <Text size="xs" c="dimmed" hiddenFrom="sm">
                        <Anchor component={Link} href={`/payments/${entry.paymentId}`} inherit>
                          {formatDateTime(entry.at)}
                        </Anchor>
                        {entry.reference ? ` · ${entry.reference}` : ''}
                      </Text>
                    </Table.Td>
                    <Table.Td visibleFrom="sm" ff="monospace" fz="sm">
                      {entry.reference ?? '—'}
                    </Table.Td>
                    <Table.Td ta="right" style={nowrap} c={entry.amount < 0 ? 'red.8' : undefined}>
                      {formatSigned(entry.amount)}
                    </Table.Td>
                    <Table.Td ta="right" style={nowrap}>
                      {formatKes(entry.balance)}
                    </Table.Td>
                  </Table.Tr>
                ))}
                <BalanceRow
                  label="Closing balance"
                  amount={data.closingBalance}
                  weight={700}
                  testId="closing-balance"
                />
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryResult>
    </Paper>
  );
}

const nowrap = { whiteSpace: 'nowrap' } as const;

interface BalanceRowProps {
  label: string;
  amount: number;
  weight: number;
  testId: string;
}

/** The statement's first and last rows: a balance in the last column, nothing in the others. */
function BalanceRow({ label, amount, weight, testId }: BalanceRowProps) {
  return (
    <Table.Tr>
      <Table.Td visibleFrom="sm" />
      <Table.Td fw={weight}>{label}</Table.Td>
      <Table.Td visibleFrom="sm" />
      <Table.Td />
      <Table.Td ta="right" fw={weight} data-testid={testId} style={nowrap}>
        {formatKes(amount)}
      </Table.Td>
    </Table.Tr>
  );
}
