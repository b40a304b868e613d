// Lockout after repeated failed log-ins for one account: after LOGIN_MAX_FAILURES failures for
// an email within LOGIN_LOCKOUT, further log-ins for that email (even with the right password)
// are refused with 429 TOO_MANY_FAILED_LOGINS until LOGIN_LOCKOUT has passed since the last
// failure. Unknown emails are counted the same way, so the answer says nothing about whether an
// account exists. Kept in memory, per API process, bounded in size (see docs/security.md).
import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { TooManyRequestsError } from '../http/api-error';

interface Failures {
  count: number;
  /** When the count starts afresh (ms since the epoch). */
  resetAt: number;
}

const MAX_TRACKED = 100_000;

@Injectable()
export class LoginLockout {
  private readonly failures = new Map<string, Failures>();

  constructor(private readonly config: AppConfig) {}

  /** Throws 429 while `email` is locked out. */
  assertNotLocked(email: string, now = Date.now()): void {
    const entry = this.failures.get(email);
    if (!entry) return;
    if (entry.resetAt <= now) {
      this.failures.delete(email);
      return;
    }
    if (entry.count >= this.config.loginLockout.maxFailures) {
      const seconds = Math.ceil((entry.resetAt - now) / 1000);
      throw new TooManyRequestsError(
        'TOO_MANY_FAILED_LOGINS',
        `Too many failed log-ins for this account; try again in ${seconds} seconds`,
        seconds,
      );
    }
  }

  recordFailure(email: string, now = Date.now()): void {
    const windowMs = this.config.loginLockout.lockoutSeconds * 1000;
    const entry = this.failures.get(email);
    const count = entry && entry.resetAt > now ? entry.count + 1 : 1;
    // Re-inserted, so the map stays ordered by last failure and the oldest go first.
    this.failures.delete(email);
    this.failures.set(email, { count, resetAt: now + windowMs });
    if (this.failures.size > MAX_TRACKED) this.evict(now);
  }

  recordSuccess(email: string): void {
    this.failures.delete(email);
  }

  private evict(now: number): void {
    for (const [email, entry] of this.failures) {
      if (this.failures.size <= MAX_TRACKED * 0.9) break;
      if (entry.resetAt <= now || entry.count < this.config.loginLockout.maxFailures) {
        this.failures.delete(email);
      }
    }
    // Still full of locked accounts: drop the oldest ones.
    for (const email of this.failures.keys()) {
      if (this.failures.size <= MAX_TRACKED * 0.9) break;
      this.failures.delete(email);
    }
  }
}
