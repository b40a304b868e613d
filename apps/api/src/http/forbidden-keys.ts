// No request field may reach a database query as an operator: a key starting with `$` (MongoDB
// operators such as $ne, $gt, $where) or a prototype key (__proto__, constructor, prototype)
// anywhere in a JSON body or a query string is refused with 400 before any route runs. Query
// keys are also checked segment by segment, so `customerId[$ne]=x` and `a.__proto__.b=1` are
// refused even though the query parser keeps them flat. Bodies nested deeper than MAX_DEPTH are
// refused too, so no later step (validation, transformation) recurses without bound, and so are
// strings with a NUL character, which no field needs and which BSON cannot put in a regular
// expression or a key (a search for "a\0b" was a 500; found by the fuzzer).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { badRequest } from './api-error';

const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
export const MAX_DEPTH = 32;

const forbidden = (key: string) => key.startsWith('$') || PROTOTYPE_KEYS.has(key);

export interface Finding {
  path: string;
  problem: 'key' | 'depth' | 'nul';
}

/** The first forbidden key in `value`, or null; iterative, so depth cannot overflow a stack. */
export function findForbiddenKey(value: unknown, splitKeys = false): Finding | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: '', depth: 0 }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (typeof item.value === 'string' && item.value.includes('\0')) {
      return { path: item.path, problem: 'nul' };
    }
    if (item.value === null || typeof item.value !== 'object') continue;
    if (item.depth >= MAX_DEPTH) return { path: item.path, problem: 'depth' };
    // Own keys only, including a literal "__proto__" that JSON.parse would have created.
    for (const key of Object.keys(item.value)) {
      const segments = splitKeys ? key.split(/[[\].]/).filter(Boolean) : [key];
      const path = item.path ? `${item.path}.${key}` : key;
      if (segments.some(forbidden) || forbidden(key)) return { path, problem: 'key' };
      if (key.includes('\0')) return { path, problem: 'nul' };
      stack.push({
        value: (item.value as Record<string, unknown>)[key],
        path,
        depth: item.depth + 1,
      });
    }
  }
  return null;
}

export function checkForbiddenKeys(request: FastifyRequest): void {
  const inQuery = findForbiddenKey(request.query, true);
  const inBody = inQuery === null ? findForbiddenKey(request.body) : null;
  const found = inQuery ?? inBody;
  if (found === null) return;
  // The same code as any other invalid field (VALIDATION_FAILED), with the field named.
  const where = inQuery !== null ? 'query' : 'body';
  const field = found.path || '(root)';
  throw badRequest('VALIDATION_FAILED', [
    found.problem === 'depth'
      ? `${field} in the ${where} is nested more than ${MAX_DEPTH} levels deep`
      : found.problem === 'nul'
        ? `${field} in the ${where} must not contain NUL characters`
        : `${field} in the ${where} is not allowed: keys may not start with "$" or be ` +
          '__proto__, constructor or prototype',
  ]);
}

/** Applies the check to every route, before validation and before any handler. */
export function useForbiddenKeysCheck(fastify: FastifyInstance): void {
  fastify.addHook('preValidation', (request, _reply, done) => {
    try {
      checkForbiddenKeys(request);
      done();
    } catch (error) {
      done(error as Error);
    }
  });
}
