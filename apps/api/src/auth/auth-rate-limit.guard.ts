// Abuse limits for the public credential routes (/auth/login, /auth/signup): at most
// AUTH_RATE_LIMIT_MAX requests per AUTH_RATE_LIMIT_WINDOW from one client address, and as many
// naming one email, per route. Past either, a 429 TOO_MANY_REQUESTS with Retry-After.
// Counters are kept by @fastify/rate-limit's in-memory store (registered in app.factory.ts), so
// they are per API process: see docs/security.md for what several processes need.
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppConfig } from '../config/app-config';
import { TooManyRequestsError } from '../http/api-error';

type Limiter = ReturnType<FastifyInstance['createRateLimit']>;

const routeOf = (request: FastifyRequest) => request.routeOptions.url ?? request.url;

/** The email a credential request names, normalised as the service does; null if none. */
function emailOf(request: FastifyRequest): string | null {
  const body = request.body as { email?: unknown } | null | undefined;
  return typeof body?.email === 'string' ? body.email.trim().toLowerCase() : null;
}

@Injectable()
export class AuthRateLimitGuard implements CanActivate {
  private limiters?: { byAddress: Limiter; byEmail: Limiter };

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const { byAddress, byEmail } = this.getLimiters();
    const email = emailOf(request);
    const results = [await byAddress(request)];
    if (email !== null) results.push(await byEmail(request));
    const exceeded = results.filter((result) => !result.isAllowed && result.isExceeded);
    if (exceeded.length > 0) {
      const retryAfter = Math.max(
        ...exceeded.map((result) => (result.isAllowed ? 0 : result.ttlInSeconds)),
      );
      throw new TooManyRequestsError(
        'TOO_MANY_REQUESTS',
        `Too many requests; try again in ${retryAfter} seconds`,
        retryAfter,
      );
    }
    return true;
  }

  private getLimiters(): { byAddress: Limiter; byEmail: Limiter } {
    if (!this.limiters) {
      const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
      const { max, windowSeconds } = this.config.authRateLimit;
      const common = { max, timeWindow: windowSeconds * 1000 };
      this.limiters = {
        byAddress: fastify.createRateLimit({
          ...common,
          keyGenerator: (request) => `${routeOf(request)} ip ${request.ip}`,
        }),
        byEmail: fastify.createRateLimit({
          ...common,
          keyGenerator: (request) => `${routeOf(request)} email ${emailOf(request)}`,
        }),
      };
    }
    return this.limiters;
  }
}
