// Every date on screen is Nairobi time (UTC+3 all year, no daylight saving), whatever the
// browser's own time zone; the API speaks UTC.
export const NAIROBI = 'Africa/Nairobi';
const NAIROBI_OFFSET = '+03:00';

const dateTime = new Intl.DateTimeFormat('en-KE', {
  timeZone: NAIROBI,
  dateStyle: 'medium',
  timeStyle: 'short',
});

export function formatDateTime(iso: string): string {
  return dateTime.format(new Date(iso));
}

/** A `YYYY-MM-DD` day in Nairobi to the UTC instant it starts at. */
export function nairobiDayStart(day: string): string {
  return new Date(`${day}T00:00:00${NAIROBI_OFFSET}`).toISOString();
}

/** The instant the day after `day` starts: the API's `to` is exclusive. */
export function nairobiDayEnd(day: string): string {
  const start = new Date(`${day}T00:00:00${NAIROBI_OFFSET}`);
  return new Date(start.getTime() + 24 * 60 * 60 * 1000).toISOString();
}

/** A `YYYY-MM-DDTHH:mm` wall-clock time in Nairobi (a datetime-local input) to UTC ISO. */
export function nairobiLocalToIso(local: string): string {
  return new Date(`${local}:00${NAIROBI_OFFSET}`).toISOString();
}

/** Now, as a datetime-local value in Nairobi time. */
export function nowInNairobiLocal(): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: NAIROBI,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date());
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((candidate) => candidate.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}`;
}
