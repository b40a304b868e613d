// Account numbers are what customers type into M-Pesa, and mistyping one is why payments need
// reassigning. Each is a sequence number followed by a Damm check digit, which catches every
// single wrong digit and every swap of two neighbouring digits, so such a typo never names
// another customer's account.

const DAMM_TABLE = [
  [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
  [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
  [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
  [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
  [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
  [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
  [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
  [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
  [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
  [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
];

/** The first sequence number; it keeps account numbers at six digits for the first 90,000. */
export const FIRST_ACCOUNT_SEQUENCE = 10_000;

function dammInterim(digits: string): number {
  let interim = 0;
  for (const digit of digits) interim = DAMM_TABLE[interim][Number(digit)];
  return interim;
}

export function accountNumberFor(sequence: number): string {
  const body = String(sequence);
  return body + String(dammInterim(body));
}

/** True when the digits carry a correct check digit, i.e. could be a real account number. */
export function hasValidCheckDigit(accountNumber: string): boolean {
  return /^\d{2,}$/.test(accountNumber) && dammInterim(accountNumber) === 0;
}

/** What a payer typed as the account ("  10000-9 ") to the digits it must match ("100009"). */
export function normalizeAccountReference(text: string): string {
  return text.trim().toUpperCase().replace(/[\s-]/g, '');
}

export type AccountTypo = 'wrong digit' | 'missing digit' | 'extra digit' | 'swapped digits';

/**
 * Every digit string one typo away from what was typed: a wrong, missing or extra digit, or two
 * neighbours swapped. The customer whose account number is among them probably meant to pay.
 */
export function accountNumberVariants(typed: string): Map<string, AccountTypo> {
  const variants = new Map<string, AccountTypo>();
  const add = (candidate: string, typo: AccountTypo) => {
    if (candidate !== typed && candidate.length > 1 && !variants.has(candidate)) {
      variants.set(candidate, typo);
    }
  };
  for (let i = 0; i < typed.length; i++) {
    for (let d = 0; d <= 9; d++) add(typed.slice(0, i) + d + typed.slice(i + 1), 'wrong digit');
    // The payer left out a digit the account has, or typed one it does not have.
    add(typed.slice(0, i) + typed.slice(i + 1), 'extra digit');
    if (i + 1 < typed.length) {
      add(typed.slice(0, i) + typed[i + 1] + typed[i] + typed.slice(i + 2), 'swapped digits');
    }
  }
  for (let i = 0; i <= typed.length; i++) {
    for (let d = 0; d <= 9; d++) add(typed.slice(0, i) + d + typed.slice(i), 'missing digit');
  }
  return variants;
}
