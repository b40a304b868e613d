// Pages need a session: without the cookie, go to sign-in and come back here afterwards. An
// expired token still passes this check; the first API call then answers 401 and the browser
// client sends the user to sign-in the same way.
import { type NextRequest, NextResponse } from 'next/server';
import { signInPath } from '@/auth/next-path';
import { SESSION_COOKIE } from '@/auth/session-cookie';

export function proxy(request: NextRequest): NextResponse {
  if (request.cookies.has(SESSION_COOKIE)) return NextResponse.next();
  const { pathname, search } = request.nextUrl;
  return NextResponse.redirect(new URL(signInPath(pathname + search), request.url));
}

export const config = {
  matcher: ['/((?!api/|session|sign-in|sign-up|_next/|favicon.ico).*)'],
};
