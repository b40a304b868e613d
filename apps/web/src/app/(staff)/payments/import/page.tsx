import type { Metadata } from 'next';
import { ImportPayments } from '@/payments/import-payments';

export const metadata: Metadata = { title: 'Import payments' };

export default function ImportPaymentsPage() {
  return <ImportPayments />;
}
