import { usePayments } from '@/payments/payments.queries';

/** The first page of the queue; the navigation's count shares it with the Unallocated page. */
export function useUnallocatedCount(): string | null {
  const payments = usePayments({ status: 'unallocated' });
  if (!payments.data) return null;
  const count = payments.data.items.length;
  return payments.data.nextCursor ? `${count}+` : String(count);
}
