import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';

/** What a caller may send as its own request id: short, and safe to print in a log line. */
const CALLER_ID = /^[\w.-]{1,64}$/;

/**
 * Fastify's request id, which the request log lines and the error log carry: a caller's
 * `X-Request-Id` is kept, so logs join up across services; otherwise a new UUID.
 */
export function requestId(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && CALLER_ID.test(given) ? given : randomUUID();
}

/** Every answer names its request id, so that a member of staff can quote it to support. */
export function useRequestIdHeader(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    done();
  });
}
