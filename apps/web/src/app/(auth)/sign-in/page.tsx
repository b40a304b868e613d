import type { Metadata } from 'next';
import { safeNextPath } from '@/auth/next-path';
import { SignInForm } from '@/auth/sign-in-form';

export const metadata: Metadata = { title: 'Sign in' };

interface SignInPageProps {
  searchParams: Promise<{ next?: string | string[] }>;
}

export default async function SignInPage({ searchParams }: SignInPageProps) {
  const { next } = await searchParams;
  return <SignInForm next={safeNextPath(next)} />;
}
