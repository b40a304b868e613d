import type { FastifyInstance } from 'fastify';
import secureJson from 'secure-json-parse';
import { badRequest } from './api-error';

/**
 * Accepts JSON bodies only (anything else is a 415). Parses them with a clear INVALID_JSON error (Fastify's own parser errors reach Nest as
 * anonymous 400s) and refuses prototype-poisoning keys (`__proto__`, `constructor.prototype`).
 */
export function useJsonBodyParser(fastify: FastifyInstance): void {
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(
    'application/json',
    { parseAs: 'string' },
    (_request, body, done) => {
      try {
        done(
          null,
          secureJson.parse(body, undefined, {
            protoAction: 'error',
            constructorAction: 'error',
          }),
        );
      } catch (error) {
        const forbidden = error instanceof SyntaxError && /prototype/i.test(error.message);
        done(
          badRequest(
            'INVALID_JSON',
            forbidden
              ? 'Request body contains a forbidden key (__proto__ or constructor.prototype)'
              : 'Request body is not valid JSON',
          ),
          undefined,
        );
      }
    },
  );
}
