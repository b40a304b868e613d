'use client';

import { ApiError } from '@malipo/api-client';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { NuqsAdapter } from 'nuqs/adapters/next/app';
import { type ReactNode, useState } from 'react';
import { DisabledUntilHydrated } from '@/layout/disabled-until-hydrated';
import { theme } from './theme';

// A client mistake (4xx) will not change by asking again; network and server errors might.
function shouldRetry(failureCount: number, error: Error): boolean {
  if (error instanceof ApiError && error.status < 500) return false;
  return failureCount < 2;
}

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(
    () =>
      new QueryClient({
        defaultOptions: { queries: { staleTime: 15_000, retry: shouldRetry } },
      }),
  );
  return (
    <MantineProvider theme={theme}>
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <NuqsAdapter>
          <DisabledUntilHydrated>{children}</DisabledUntilHydrated>
        </NuqsAdapter>
      </QueryClientProvider>
    </MantineProvider>
  );
}
