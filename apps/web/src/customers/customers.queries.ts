import { type CreateCustomer, type UpdateCustomer, unwrap } from '@malipo/api-client';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/api';

export const customerKeys = {
  all: ['customers'] as const,
  list: (query: CustomerListQuery) => ['customers', 'list', query] as const,
  detail: (id: string) => ['customers', 'detail', id] as const,
  statement: (id: string, range: StatementRange = {}) =>
    ['customers', 'statement', id, range] as const,
};

export interface CustomerListQuery {
  search?: string;
  cursor?: string;
  limit?: number;
}

export function useCustomers(query: CustomerListQuery) {
  const search = query.search?.trim() || undefined;
  return useQuery({
    queryKey: customerKeys.list({ ...query, search }),
    queryFn: () => unwrap(api.GET('/customers', { params: { query: { ...query, search } } })),
    placeholderData: keepPreviousData,
  });
}

export function useCustomer(id: string | null | undefined) {
  return useQuery({
    queryKey: customerKeys.detail(id ?? ''),
    queryFn: () => unwrap(api.GET('/customers/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: !!id,
    staleTime: 60_000,
  });
}

/** UTC instants; `to` is exclusive. Either may be left out. */
export interface StatementRange {
  from?: string;
  to?: string;
}

/** The customer's entries in time order: payments received, moves in and out, allocations. */
export function useCustomerStatement(id: string, range: StatementRange = {}) {
  return useQuery({
    queryKey: customerKeys.statement(id, range),
    queryFn: () =>
      unwrap(api.GET('/customers/{id}/statement', { params: { path: { id }, query: range } })),
    placeholderData: keepPreviousData,
  });
}

export function useCreateCustomer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCustomer) => unwrap(api.POST('/customers', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['customers', 'list'] }),
  });
}

export function useUpdateCustomer(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateCustomer) =>
      unwrap(api.PATCH('/customers/{id}', { params: { path: { id } }, body })),
    // The answer has no totals, so the customer is read again rather than replaced by it.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: customerKeys.all }),
  });
}

export function useDeleteCustomer(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.DELETE('/customers/{id}', { params: { path: { id } } })),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: customerKeys.detail(id) });
      return queryClient.invalidateQueries({ queryKey: ['customers', 'list'] });
    },
  });
}
