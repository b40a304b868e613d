import { Suspense } from 'react';
import type { Metadata } from 'next';
import { CustomersList } from '@/customers/customers-list';

export const metadata: Metadata = { title: 'Customers' };

export default function CustomersPage() {
  // The list reads its filters from the address, which is only known in the browser.
  return (
    <Suspense>
      <CustomersList />
    </Suspense>
  );
}
