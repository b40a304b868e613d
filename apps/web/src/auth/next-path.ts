// Where to go after signing in. Only paths on this site are followed, so a crafted link cannot
// send a member of staff to another site after they typed their password.
export const HOME_PATH = '/customers';

export function safeNextPath(value: string | string[] | null | undefined): string {
  const path = Array.isArray(value) ? value[0] : value;
  if (!path || !path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) {
    return HOME_PATH;
  }
  return path;
}

export function signInPath(next: string): string {
  return `/sign-in?next=${encodeURIComponent(next)}`;
}
