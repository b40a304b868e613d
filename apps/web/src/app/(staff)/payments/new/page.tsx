import type { Metadata } from 'next';
import { RecordPayment } from '@/payments/record-payment-form';

export const metadata: Metadata = { title: 'Record a payment' };

interface NewPaymentPageProps {
  searchParams: Promise<{ customerId?: string | string[] }>;
}

export default async function NewPaymentPage({ searchParams }: NewPaymentPageProps) {
  const { customerId } = await searchParams;
  return <RecordPayment customerId={Array.isArray(customerId) ? customerId[0] : customerId} />;
}
