import type { SuggestionReason } from '@malipo/api-client';

const KIND_LABELS: Record<SuggestionReason['kind'], string> = {
  account_number: 'Account number',
  payer_name: 'Payer name',
  payer_phone: 'Payer phone',
};

/** "Account number: Typed 100090; account 100009 is one swap away" */
export function describeReason(reason: SuggestionReason): string {
  return `${KIND_LABELS[reason.kind]}: ${reason.detail}`;
}

/** Kept in the payment's history as the reason it was allocated. */
export function allocationReason(reasons: readonly SuggestionReason[]): string {
  const why = reasons.map((reason) => reason.detail).join('; ');
  return `Suggested match. ${why}`.slice(0, 500);
}
