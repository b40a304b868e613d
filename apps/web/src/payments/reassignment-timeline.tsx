'use client';

import type { Payment } from '@malipo/api-client';
import { Text, Timeline } from '@mantine/core';
import { IconArrowsExchange, IconReceipt } from '@tabler/icons-react';
import { StaffName } from '@/auth/staff-name';
import { CustomerLink } from '@/customers/customer-link';
import { formatDateTime } from '@/format/dates';

/** The payment's life: recorded, then every move in order, oldest first, as the API keeps it. */
export function ReassignmentTimeline({ payment }: { payment: Payment }) {
  // Where the payment went when it arrived: the first move's source, or where it still is. An
  // allocation (a first move from nobody) means it arrived unallocated.
  const firstOwner = payment.reassignments.length
    ? payment.reassignments[0].fromCustomerId
    : payment.customerId;
  return (
    <Timeline active={payment.reassignments.length} bulletSize={26} lineWidth={2}>
      <Timeline.Item bullet={<IconReceipt size={14} aria-hidden />} title="Recorded">
        <Text size="sm">
          {firstOwner ? (
            <>
              Credited to <CustomerLink id={firstOwner} />
            </>
          ) : (
            `Unallocated: account number “${payment.accountReference ?? ''}” is nobody's`
          )}
        </Text>
        <Text size="xs" c="dimmed">
          {formatDateTime(payment.createdAt)}
        </Text>
      </Timeline.Item>
      {payment.reassignments.map((move) => (
        <Timeline.Item
          key={`${move.at}-${move.toCustomerId}`}
          bullet={<IconArrowsExchange size={14} aria-hidden />}
          title={move.fromCustomerId ? 'Reassigned' : 'Allocated'}
        >
          <Text size="sm">
            {move.fromCustomerId && (
              <>
                From <CustomerLink id={move.fromCustomerId} />{' '}
              </>
            )}
            to <CustomerLink id={move.toCustomerId} />
          </Text>
          <Text size="sm">Reason: {move.reason ?? 'none given'}</Text>
          <Text size="xs" c="dimmed">
            {formatDateTime(move.at)} by <StaffName id={move.by} />
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
