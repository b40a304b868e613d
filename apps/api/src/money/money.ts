// Amounts are stored as integer minor units (cents) so that sums never drift; on the wire they
// are decimal numbers with at most two places.

export const MAX_AMOUNT = 10_000_000;
export const MINOR_PER_MAJOR = 100;

/**
 * 1500.5 → 150050. Reads the number's shortest decimal form (what JSON carried), so 100.1 is
 * 10010 and not 10009.999…; returns null for anything that is not a positive amount with at
 * most two decimal places.
 */
export function toMinorUnits(amount: number): number | null {
  if (!Number.isFinite(amount) || amount <= 0 || amount > MAX_AMOUNT) return null;
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(String(amount));
  if (!match) return null;
  return Number(match[1]) * MINOR_PER_MAJOR + Number((match[2] ?? '').padEnd(2, '0'));
}

/** 150050 → 1500.5; exact, because every integer number of cents below 2^53 has one. */
export function fromMinorUnits(minor: number): number {
  return minor / MINOR_PER_MAJOR;
}
