import { type CreatePayment, type Payment, type ReassignPayment, unwrap } from '@malipo/api-client';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/api';

export interface PaymentListQuery {
  customerId?: string;
  from?: string;
  to?: string;
  cursor?: string;
}

export const paymentKeys = {
  all: ['payments'] as const,
  list: (query: PaymentListQuery) => ['payments', 'list', query] as const,
  detail: (id: string) => ['payments', 'detail', id] as const,
  ofCustomer: (customerId: string) => ['payments', 'of-customer', customerId] as const,
  recent: ['payments', 'recent'] as const,
};

const PAGE_LIMIT = 200;

export interface Collected {
  items: Payment[];
  /** False when there were more pages than were read. */
  complete: boolean;
}

/** Reads page after page, up to `maxPages`, for views that need every row (totals, history). */
async function collectPages(query: PaymentListQuery, maxPages: number): Promise<Collected> {
  const items: Payment[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < maxPages; page += 1) {
    const result = await unwrap(
      api.GET('/payments', { params: { query: { ...query, cursor, limit: PAGE_LIMIT } } }),
    );
    items.push(...result.items);
    if (!result.nextCursor) return { items, complete: true };
    cursor = result.nextCursor;
  }
  return { items, complete: false };
}

export function usePayments(query: PaymentListQuery) {
  return useQuery({
    queryKey: paymentKeys.list(query),
    queryFn: () => unwrap(api.GET('/payments', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function usePayment(id: string) {
  return useQuery({
    queryKey: paymentKeys.detail(id),
    queryFn: () => unwrap(api.GET('/payments/{id}', { params: { path: { id } } })),
  });
}

/** Every payment now credited to the customer: enough for their total and their list. */
export function useCustomerPayments(customerId: string) {
  return useQuery({
    queryKey: paymentKeys.ofCustomer(customerId),
    queryFn: () => collectPages({ customerId }, 25),
  });
}

export const RECENT_PAYMENTS_SCANNED = 10 * PAGE_LIMIT;

/**
 * The newest payments, to find the moves out of a customer's account: the API can list payments
 * by their current owner only, and a payment moved away belongs to somebody else now.
 */
export function useRecentPayments() {
  return useQuery({
    queryKey: paymentKeys.recent,
    queryFn: () => collectPages({}, RECENT_PAYMENTS_SCANNED / PAGE_LIMIT),
  });
}

export function useCreatePayment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreatePayment) => unwrap(api.POST('/payments', { body })),
    onSuccess: (payment: Payment) => {
      queryClient.setQueryData(paymentKeys.detail(payment.id), payment);
      return queryClient.invalidateQueries({ queryKey: paymentKeys.all });
    },
  });
}

export function useReassignPayment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReassignPayment) => unwrap(api.PUT('/payments/reassign', { body })),
    onSuccess: (payment: Payment) => {
      queryClient.setQueryData(paymentKeys.detail(payment.id), payment);
      return queryClient.invalidateQueries({ queryKey: paymentKeys.all });
    },
  });
}

/** Reads the payment as it is now, e.g. after somebody else moved it. */
export function useRefetchPayment() {
  const queryClient = useQueryClient();
  return async (id: string): Promise<Payment> => {
    await queryClient.invalidateQueries({ queryKey: paymentKeys.all });
    return queryClient.fetchQuery({
      queryKey: paymentKeys.detail(id),
      queryFn: () => unwrap(api.GET('/payments/{id}', { params: { path: { id } } })),
    });
  };
}
