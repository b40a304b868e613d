import type { Payment, Reassignment } from '@malipo/api-client';

export interface Move extends Reassignment {
  direction: 'in' | 'out';
  payment: Payment;
}

/** Every move of a payment into or out of the customer's account, newest first. */
export function movesOf(customerId: string, payments: readonly Payment[]): Move[] {
  const moves: Move[] = [];
  for (const payment of payments) {
    for (const move of payment.reassignments) {
      if (move.toCustomerId === customerId) moves.push({ ...move, direction: 'in', payment });
      if (move.fromCustomerId === customerId) moves.push({ ...move, direction: 'out', payment });
    }
  }
  return moves.sort((a, b) => b.at.localeCompare(a.at));
}
