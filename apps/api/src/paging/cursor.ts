// Keyset paging: a cursor names the last row of a page by its sort key, so a page never repeats
// or skips rows when new ones are added, and no query uses skip.
import { badRequest } from '../http/api-error';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export function encodeCursor(position: Record<string, string>): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

/** Decodes a cursor made by encodeCursor with exactly the given string fields, or throws a 400. */
export function decodeCursor<K extends string>(
  cursor: string,
  fields: readonly K[],
): Record<K, string> {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = null;
  }
  const valid =
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.keys(value).length === fields.length &&
    fields.every((f) => typeof (value as Record<string, unknown>)[f] === 'string');
  if (!valid) throw invalidCursor();
  return value as Record<K, string>;
}

export const invalidCursor = () =>
  badRequest('INVALID_CURSOR', 'cursor is not valid; pass a nextCursor back unchanged');
