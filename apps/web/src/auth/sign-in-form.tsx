'use client';

import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { formErrorsFrom } from '@/api/form-errors';
import { type Credentials, useSignIn } from './auth.queries';
import { AuthCard } from './auth-card';

export function SignInForm({ next }: { next: string }) {
  const router = useRouter();
  const signIn = useSignIn();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Credentials>({
    initialValues: { email: '', password: '' },
    validate: {
      email: (value) => (value.trim() ? null : 'Enter your email'),
      password: (value) => (value ? null : 'Enter your password'),
    },
  });

  const submit = form.onSubmit((values) => {
    setFormError(null);
    signIn.mutate(
      { email: values.email.trim(), password: values.password },
      {
        onSuccess: () => router.replace(next),
        onError: (error) => {
          const errors = formErrorsFrom(error, ['email', 'password'], {
            INVALID_CREDENTIALS: { message: 'That email and password do not match an account.' },
          });
          form.setErrors(errors.fields);
          setFormError(errors.form);
        },
      },
    );
  });

  return (
    <AuthCard
      title="Sign in"
      footer={{ text: 'New to Malipo?', link: 'Create an account', href: '/sign-up' }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label="Email"
            type="email"
            autoComplete="email"
            required
            {...form.getInputProps('email')}
          />
          <PasswordInput
            label="Password"
            autoComplete="current-password"
            required
            {...form.getInputProps('password')}
          />
          {formError && (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          )}
          <Button type="submit" loading={signIn.isPending} fullWidth>
            Sign in
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
