// M-Pesa stamps transactions in Nairobi time (UTC+3 all year: Kenya has no daylight saving),
// as YYYYMMDDHHmmss.

const NAIROBI_OFFSET_HOURS = 3;

/** "20261204101530" → 2026-12-04T07:15:30Z, or null when it is not a real time. */
export function parseTransTime(text: string): Date | null {
  const match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number);
  const date = new Date(
    Date.UTC(year, month - 1, day, hour - NAIROBI_OFFSET_HOURS, minute, second),
  );
  const roundTrips =
    date.getTime() ===
    Date.UTC(year, month - 1, day, hour, minute, second) - NAIROBI_OFFSET_HOURS * 3600_000;
  const valid = month >= 1 && month <= 12 && day <= 31 && hour < 24 && minute < 60 && second < 60;
  const sameDay = new Date(date.getTime() + NAIROBI_OFFSET_HOURS * 3600_000).getUTCDate() === day;
  return valid && roundTrips && sameDay ? date : null;
}
