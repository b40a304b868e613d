// Lockout after repeated failed log-ins for one account: after LOGIN_MAX_FAILURES failures for
// an email within LOGIN_LOCKOUT, further log-ins for that email (even with the right password)
// are refused with 429 TOO_MANY_FAILED_LOGINS until LOGIN_LOCKOUT has passed since the last
// failure. Unknown emails are counted the same way, so the answer says nothing about whether an
// account exists. The counts are in the database (AttemptCounters), shared by every API process.
import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { TooManyRequestsError } from '../http/api-error';
import { AttemptCounters } from './attempt-counters';

const keyOf = (email: string) => `failed-logins ${email}`;

@Injectable()
export class LoginLockout {
  constructor(
    private readonly counters: AttemptCounters,
    private readonly config: AppConfig,
  ) {}

  /** Throws 429 while `email` is locked out; otherwise the failures counted so far. */
  async assertNotLocked(email: string): Promise<number> {
    const failures = await this.counters.peek(keyOf(email));
    if (!failures || failures.count < this.config.loginLockout.maxFailures) {
      return failures?.count ?? 0;
    }
    const seconds = Math.max(Math.ceil((failures.resetAt.getTime() - Date.now()) / 1000), 1);
    throw new TooManyRequestsError(
      'TOO_MANY_FAILED_LOGINS',
      `Too many failed log-ins for this account; try again in ${seconds} seconds`,
      seconds,
    );
  }

  async recordFailure(email: string): Promise<void> {
    await this.counters.hit(keyOf(email), this.config.loginLockout.lockoutSeconds * 1000, {
      slide: true,
    });
  }

  async recordSuccess(email: string): Promise<void> {
    await this.counters.clear(keyOf(email));
  }
}
