// Sign-in and sign-out. POST exchanges email and password for the API's access token and keeps
// it in an httpOnly cookie; DELETE removes the cookie. Errors are the API's own error bodies.
import { createApiClient } from '@malipo/api-client';
import { cookies } from 'next/headers';
import { type NextRequest, NextResponse } from 'next/server';
import { apiBaseUrl, SESSION_COOKIE } from '@/auth/session-cookie';

export async function POST(request: NextRequest): Promise<Response> {
  const credentials = (await request.json().catch(() => ({}))) as Record<string, unknown>;
  // The client's address, so that the API's sign-in rate limit (with TRUST_PROXY) is per client.
  const forwardedFor = request.headers.get('x-forwarded-for');
  const api = createApiClient({
    baseUrl: apiBaseUrl(),
    headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : undefined,
  });
  const { data, error, response } = await api.POST('/auth/login', {
    body: { email: text(credentials.email), password: text(credentials.password) },
  });
  if (!data) {
    // How long to wait after too many attempts, and the id support would look up.
    const headers = new Headers();
    for (const name of ['retry-after', 'x-request-id']) {
      const value = response.headers.get(name);
      if (value) headers.set(name, value);
    }
    return NextResponse.json(error ?? null, { status: response.status, headers });
  }

  (await cookies()).set(SESSION_COOKIE, data.accessToken, {
    httpOnly: true,
    sameSite: 'lax',
    secure: request.nextUrl.protocol === 'https:',
    path: '/',
    maxAge: data.expiresIn,
  });
  return new Response(null, { status: 204 });
}

/** A missing or non-string field is sent as empty, so the API answers with its own 400. */
function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export async function DELETE(): Promise<Response> {
  (await cookies()).delete(SESSION_COOKIE);
  return new Response(null, { status: 204 });
}
