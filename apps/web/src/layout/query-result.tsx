'use client';

import { Alert, Center, Loader } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { describeError } from '@/api/form-errors';

interface QueryResultProps<T> {
  query: UseQueryResult<T>;
  /** What is loaded, as in "Loading payments" and "Could not load payments". */
  what: string;
  /** Shown instead of the children when the answer holds nothing. */
  empty?: { when: (data: T) => boolean; show: ReactNode };
  children: (data: T) => ReactNode;
}

/** A query as every page shows one: a spinner, then the error in words, the empty state or the data. */
export function QueryResult<T>({ query, what, empty, children }: QueryResultProps<T>) {
  if (query.isPending) {
    return (
      <Center p="xl">
        <Loader aria-label={`Loading ${what}`} />
      </Center>
    );
  }
  if (query.isError) {
    return (
      <Alert color="red" m="md" role="alert">
        Could not load {what}: {describeError(query.error)}
      </Alert>
    );
  }
  return empty?.when(query.data) ? empty.show : children(query.data);
}
