import type { Metadata } from 'next';
import { PaymentDetails } from '@/payments/payment-details';

export const metadata: Metadata = { title: 'Payment' };

interface PaymentPageProps {
  params: Promise<{ id: string }>;
}

export default async function PaymentPage({ params }: PaymentPageProps) {
  const { id } = await params;
  return <PaymentDetails id={id} />;
}
