import { usePayments } from '@/payments/payments.queries';

/** M-Pesa payments arrive at any time: the queue and its count look again this often. */
export const QUEUE_REFRESH_MS = 30_000;

/** The first page of the queue; the navigation's count shares it with the Unallocated page. */
export function useUnallocatedCount(): string | null {
  const payments = usePayments({ status: 'unallocated' }, { refetchInterval: QUEUE_REFRESH_MS });
  if (!payments.data) return null;
  const count = payments.data.items.length;
  return payments.data.nextCursor ? `${count}+` : String(count);
}
