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

/** "1500.50" (M-Pesa's TransAmount, a CSV cell) → 150050, or null when it is not a valid amount. */
export function parseAmountText(text: string): number | null {
  const match = /^\s*(\d{1,8})(?:\.(\d{1,2}))?\s*$/.exec(text.replace(/,/g, ''));
  if (!match) return null;
  const minor = Number(match[1]) * MINOR_PER_MAJOR + Number((match[2] ?? '').padEnd(2, '0'));
  return minor > 0 && minor <= MAX_AMOUNT * MINOR_PER_MAJOR ? minor : null;
}

/** 150050 → "1500.50", for files people open in a spreadsheet. */
export function formatMinorUnits(minor: number): string {
  return `${Math.trunc(minor / MINOR_PER_MAJOR)}.${String(minor % MINOR_PER_MAJOR).padStart(2, '0')}`;
}

/** 150050 → 1500.5; exact, because every integer number of cents below 2^53 has one. */
export function fromMinorUnits(minor: number): number {
  return minor / MINOR_PER_MAJOR;
}
