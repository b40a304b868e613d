import {
  type AllocatePayment,
  type CreatePayment,
  type Payment,
  type ReassignPayment,
  unwrap,
} from '@malipo/api-client';
import {
  keepPreviousData,
  type QueryClient,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api } from '@/api/api';
import { customerKeys } from '@/customers/customers.queries';

export interface PaymentListQuery {
  customerId?: string;
  status?: 'allocated' | 'unallocated';
  from?: string;
  to?: string;
  cursor?: string;
}

export const paymentKeys = {
  all: ['payments'] as const,
  list: (query: PaymentListQuery) => ['payments', 'list', query] as const,
  detail: (id: string) => ['payments', 'detail', id] as const,
  suggestions: (id: string) => ['payments', 'suggestions', id] as const,
};

export function usePayments(
  query: PaymentListQuery,
  { refetchInterval }: { refetchInterval?: number } = {},
) {
  return useQuery({
    queryKey: paymentKeys.list(query),
    queryFn: () => unwrap(api.GET('/payments', { params: { query } })),
    placeholderData: keepPreviousData,
    refetchInterval,
  });
}

export function usePayment(id: string) {
  return useQuery({
    queryKey: paymentKeys.detail(id),
    queryFn: () => unwrap(api.GET('/payments/{id}', { params: { path: { id } } })),
  });
}

/** A payment changed: every list, every customer's totals and statement may show it. */
function paymentChanged(queryClient: QueryClient, payment: Payment): Promise<unknown> {
  queryClient.setQueryData(paymentKeys.detail(payment.id), payment);
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: paymentKeys.all }),
    queryClient.invalidateQueries({ queryKey: customerKeys.all }),
  ]);
}

export function useCreatePayment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreatePayment) => unwrap(api.POST('/payments', { body })),
    onSuccess: (payment: Payment) => paymentChanged(queryClient, payment),
  });
}

export function useReassignPayment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReassignPayment) => unwrap(api.PUT('/payments/reassign', { body })),
    onSuccess: (payment: Payment) => paymentChanged(queryClient, payment),
  });
}

/** Customers an unallocated payment was probably meant for, best first. */
export function usePaymentSuggestions(id: string) {
  return useQuery({
    queryKey: paymentKeys.suggestions(id),
    queryFn: () => unwrap(api.GET('/payments/{id}/suggestions', { params: { path: { id } } })),
  });
}

export function useAllocatePayment(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AllocatePayment) =>
      unwrap(api.POST('/payments/{id}/allocate', { params: { path: { id } }, body })),
    onSuccess: (payment: Payment) => paymentChanged(queryClient, payment),
  });
}

/** Reads the payment as it is now, e.g. after somebody else moved it. */
export function useRefetchPayment() {
  const queryClient = useQueryClient();
  return async (id: string): Promise<Payment> => {
    const payment = await unwrap(api.GET('/payments/{id}', { params: { path: { id } } }));
    await paymentChanged(queryClient, payment);
    return payment;
  };
}
