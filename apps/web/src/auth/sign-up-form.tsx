'use client';

import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { formErrorsFrom } from '@/api/form-errors';
import { HOME_PATH } from './next-path';
import { useSignUp } from './auth.queries';
import { AuthCard } from './auth-card';

const MIN_PASSWORD_LENGTH = 8;

export function SignUpForm() {
  const router = useRouter();
  const signUp = useSignUp();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { name: '', email: '', password: '' },
    validate: {
      name: (value) => (value.trim() ? null : 'Enter your name'),
      email: (value) => (/^\S+@\S+\.\S+$/.test(value.trim()) ? null : 'Enter a valid email'),
      password: (value) =>
        value.length >= MIN_PASSWORD_LENGTH
          ? null
          : `Use at least ${MIN_PASSWORD_LENGTH} characters`,
    },
  });

  const submit = form.onSubmit((values) => {
    setFormError(null);
    signUp.mutate(
      { name: values.name.trim(), email: values.email.trim(), password: values.password },
      {
        onSuccess: () => router.replace(HOME_PATH),
        onError: (error) => {
          const errors = formErrorsFrom(error, ['name', 'email', 'password'], {
            EMAIL_TAKEN: {
              field: 'email',
              message: 'An account with this email already exists; sign in instead.',
            },
          });
          form.setErrors(errors.fields);
          setFormError(errors.form);
        },
      },
    );
  });

  return (
    <AuthCard
      title="Create your account"
      footer={{ text: 'Already have an account?', link: 'Sign in', href: '/sign-in' }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label="Name" autoComplete="name" required {...form.getInputProps('name')} />
          <TextInput
            label="Email"
            type="email"
            autoComplete="email"
            required
            {...form.getInputProps('email')}
          />
          <PasswordInput
            label="Password"
            description={`At least ${MIN_PASSWORD_LENGTH} characters`}
            autoComplete="new-password"
            required
            {...form.getInputProps('password')}
          />
          {formError && (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          )}
          <Button type="submit" loading={signUp.isPending} fullWidth>
            Create account
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
