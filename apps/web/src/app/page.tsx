import { redirect } from 'next/navigation';
import { HOME_PATH } from '@/auth/next-path';

export default function Home(): never {
  redirect(HOME_PATH);
}
