// The session is the API's access token in an httpOnly cookie: the browser sends it with every
// same-origin request, but no script can read it. Only the server side of the web app (the
// session route and the API proxy) ever sees the token.
export const SESSION_COOKIE = 'malipo_session';

/** Where the web app's server reaches the API. */
export function apiBaseUrl(): string {
  return (process.env.API_URL ?? 'http://127.0.0.1:3000').replace(/\/+$/, '');
}
