import { Suspense } from 'react';
import type { Metadata } from 'next';
import { PaymentsList } from '@/payments/payments-list';

export const metadata: Metadata = { title: 'Payments' };

export default function PaymentsPage() {
  // The list reads its filters from the address, which is only known in the browser.
  return (
    <Suspense>
      <PaymentsList />
    </Suspense>
  );
}
