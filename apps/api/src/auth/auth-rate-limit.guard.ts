// Abuse limits for the public credential routes (/auth/login, /auth/signup): at most
// AUTH_RATE_LIMIT_MAX requests per AUTH_RATE_LIMIT_WINDOW from one client address, and as many
// naming one email, per route. Past either, a 429 TOO_MANY_REQUESTS with Retry-After. The
// counts are in the database (AttemptCounters), shared by every API process.
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AppConfig } from '../config/app-config';
import { TooManyRequestsError } from '../http/api-error';
import { AttemptCounters } from './attempt-counters';

/** The email a credential request names, normalised as the service does; null if none. */
function emailOf(request: FastifyRequest): string | null {
  const body = request.body as { email?: unknown } | null | undefined;
  return typeof body?.email === 'string' ? body.email.trim().toLowerCase() : null;
}

@Injectable()
export class AuthRateLimitGuard implements CanActivate {
  constructor(
    private readonly counters: AttemptCounters,
    private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const route = request.routeOptions.url ?? request.url;
    const email = emailOf(request);
    const keys = [`${route} ip ${request.ip}`];
    if (email !== null) keys.push(`${route} email ${email}`);

    const { max, windowSeconds } = this.config.authRateLimit;
    const counts = await Promise.all(
      keys.map((key) => this.counters.hit(key, windowSeconds * 1000)),
    );
    const exceeded = counts.filter(({ count }) => count > max);
    if (exceeded.length > 0) {
      const now = Date.now();
      const retryAfter = Math.max(
        ...exceeded.map(({ resetAt }) => Math.ceil((resetAt.getTime() - now) / 1000)),
        1,
      );
      throw new TooManyRequestsError(
        'TOO_MANY_REQUESTS',
        `Too many requests; try again in ${retryAfter} seconds`,
        retryAfter,
      );
    }
    return true;
  }
}
