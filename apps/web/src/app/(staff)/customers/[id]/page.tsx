import type { Metadata } from 'next';
import { CustomerDetails } from '@/customers/customer-details';

export const metadata: Metadata = { title: 'Customer' };

interface CustomerPageProps {
  params: Promise<{ id: string }>;
}

export default async function CustomerPage({ params }: CustomerPageProps) {
  const { id } = await params;
  return <CustomerDetails id={id} />;
}
