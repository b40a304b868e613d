// The browser's only way to the API: a same-origin proxy that adds the session cookie's token
// as the Authorization header. Bodies stream both ways (a CSV upload is not held in memory, an
// export reaches the browser as the API writes it); the answer's status, type and file name are
// passed through as they are.
import { cookies } from 'next/headers';
import { type NextRequest, NextResponse } from 'next/server';
import { HOME_PATH, signInPath } from '@/auth/next-path';
import { apiBaseUrl, SESSION_COOKIE } from '@/auth/session-cookie';

interface Context {
  params: Promise<{ path: string[] }>;
}

const PASSED_BACK_HEADERS = [
  'content-type',
  'content-disposition',
  'cache-control',
  'x-request-id',
];

async function forward(request: NextRequest, { params }: Context): Promise<Response> {
  // The cookie is SameSite=Lax; refusing cross-site writes outright is a second line of defence.
  const origin = request.headers.get('origin');
  if (request.method !== 'GET' && origin && new URL(origin).host !== request.headers.get('host')) {
    return error(403, 'Forbidden', 'CROSS_SITE_REQUEST', 'Cross-site requests are not allowed');
  }

  const { path } = await params;
  const target = `${apiBaseUrl()}/${path.map(encodeURIComponent).join('/')}${request.nextUrl.search}`;
  const headers = new Headers({ accept: 'application/json' });
  const contentType = request.headers.get('content-type');
  if (contentType) headers.set('content-type', contentType);
  // Lets the API refuse an oversized upload (413) before reading it.
  const contentLength = request.headers.get('content-length');
  if (contentLength) headers.set('content-length', contentLength);
  // Lets an API that trusts this proxy (TRUST_PROXY) see, and rate-limit, the real client.
  const forwardedFor = request.headers.get('x-forwarded-for');
  if (forwardedFor) headers.set('x-forwarded-for', forwardedFor);
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (token) headers.set('authorization', `Bearer ${token}`);

  let upstream: Response;
  try {
    const init: RequestInit & { duplex: 'half' } = {
      method: request.method,
      headers,
      body: request.method === 'GET' ? undefined : request.body,
      // Required by fetch to send a stream as the body.
      duplex: 'half',
      cache: 'no-store',
      redirect: 'manual',
    };
    upstream = await fetch(target, init);
  } catch {
    return error(502, 'Bad Gateway', 'API_UNREACHABLE', 'The API cannot be reached right now');
  }
  // A link the browser follows itself (the CSV export) would save a 401 body as the file; send
  // the member of staff to sign in instead, and back to the page the link was on.
  if (upstream.status === 401 && request.headers.get('sec-fetch-mode') === 'navigate') {
    return NextResponse.redirect(new URL(signInPath(referringPath(request)), request.url));
  }
  const passed = new Headers();
  for (const name of PASSED_BACK_HEADERS) {
    const value = upstream.headers.get(name);
    if (value) passed.set(name, value);
  }
  return new Response(upstream.body, { status: upstream.status, headers: passed });
}

function referringPath(request: NextRequest): string {
  const referer = request.headers.get('referer');
  if (!referer) return HOME_PATH;
  const url = new URL(referer);
  return url.host === request.headers.get('host') ? url.pathname + url.search : HOME_PATH;
}

function error(statusCode: number, text: string, code: string, message: string): Response {
  return NextResponse.json({ statusCode, error: text, code, message }, { status: statusCode });
}

export { forward as DELETE, forward as GET, forward as PATCH, forward as POST, forward as PUT };
