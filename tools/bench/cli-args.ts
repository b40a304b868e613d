// Parses `--name value`, `--name=value` and `--flag` arguments into typed options.
import { parseArgs } from 'node:util';

export function positiveInteger(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text.replace(/_/g, ''));
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`--${name} must be a whole number (got "${text}")`);
  }
  return value;
}

export { parseArgs };
