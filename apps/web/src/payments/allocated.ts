import type { Payment } from '@malipo/api-client';

/** A payment credited to a customer; only these can be reassigned. */
export type AllocatedPayment = Payment & { customerId: string };

export function isAllocated(payment: Payment): payment is AllocatedPayment {
  return payment.customerId !== null;
}
