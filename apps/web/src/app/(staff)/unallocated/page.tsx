import type { Metadata } from 'next';
import { UnallocatedList } from '@/unallocated/unallocated-list';

export const metadata: Metadata = { title: 'Unallocated payments' };

export default function UnallocatedPage() {
  return <UnallocatedList />;
}
