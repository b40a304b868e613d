// The browser's API client: every call goes to the same-origin proxy under /api, which adds the
// session's token. A 401 means the session is gone; go to sign-in and come back afterwards.
import { createApiClient } from '@malipo/api-client';
import { signInPath } from '@/auth/next-path';

let signingOut = false;

/** While signing out, a 401 is expected and must not become "sign in and come back here". */
export function setSigningOut(value: boolean): void {
  signingOut = value;
}

function returnToSignIn(): void {
  const { pathname, search } = window.location;
  if (signingOut || pathname === '/sign-in' || pathname === '/sign-up') return;
  window.location.assign(signInPath(pathname + search));
}

export const api = createApiClient({ baseUrl: '/api', onUnauthorized: returnToSignIn });
