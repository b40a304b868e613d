// The browser's API client: every call goes to the same-origin proxy under /api, which adds the
// session's token. A 401 means the session is gone; go to sign-in and come back afterwards.
import { createApiClient } from '@malipo/api-client';
import { signInPath } from '@/auth/next-path';

let signingOut = false;

/** While signing out, a 401 is expected and must not become "sign in and come back here". */
export function setSigningOut(value: boolean): void {
  signingOut = value;
}

// Several queries of a page answer 401 together; one trip to sign-in is enough (a second one
// would reload the sign-in page under the user's typing).
let leaving = false;

function returnToSignIn(): void {
  const { pathname, search } = window.location;
  if (leaving || signingOut || pathname === '/sign-in' || pathname === '/sign-up') return;
  leaving = true;
  window.location.assign(signInPath(pathname + search));
}

export const api = createApiClient({ baseUrl: '/api', onUnauthorized: returnToSignIn });
