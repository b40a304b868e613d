import { PAYMENT_METHODS, type PaymentMethod } from '@malipo/api-client';

const METHOD_LABELS: Record<PaymentMethod, string> = {
  mpesa: 'M-Pesa',
  cash: 'Cash',
  bank: 'Bank transfer',
  card: 'Card',
  other: 'Other',
};

export function methodLabel(method: PaymentMethod): string {
  return METHOD_LABELS[method];
}

export const METHOD_OPTIONS = PAYMENT_METHODS.map((value) => ({
  value,
  label: METHOD_LABELS[value],
}));
