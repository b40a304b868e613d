import { ApiError, unwrap } from '@malipo/api-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { api, setSigningOut } from '@/api/api';

export interface Credentials {
  email: string;
  password: string;
}

export function useMe() {
  return useQuery({
    queryKey: ['me'],
    queryFn: () => unwrap(api.GET('/auth/me')),
    staleTime: 5 * 60_000,
  });
}

/** A member of staff by id; names rarely change, so one look-up a session will do. */
export function useUser(id: string, { enabled = true } = {}) {
  return useQuery({
    queryKey: ['users', id],
    queryFn: () => unwrap(api.GET('/users/{id}', { params: { path: { id } } })),
    staleTime: Infinity,
    enabled,
  });
}

/** Signing in goes through the web app's own session route, which sets the httpOnly cookie. */
async function signIn(credentials: Credentials): Promise<void> {
  const response = await fetch('/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => null);
    throw new ApiError(response.status, body, response.headers.get('x-request-id'));
  }
}

/** A new session starts with nothing cached from an earlier one. */
function useStartSession() {
  const queryClient = useQueryClient();
  return () => {
    setSigningOut(false);
    queryClient.clear();
  };
}

export function useSignIn() {
  return useMutation({ mutationFn: signIn, onSuccess: useStartSession() });
}

export function useSignUp() {
  return useMutation({
    mutationFn: async (account: Credentials & { name: string }) => {
      await unwrap(api.POST('/auth/signup', { body: account }));
      await signIn(account);
    },
    onSuccess: useStartSession(),
  });
}

/**
 * The cache is not cleared here: that would refetch the open page's queries, whose 401 would
 * send the user to sign-in with a way back. Signing in clears it instead.
 */
export function useSignOut() {
  const router = useRouter();
  return useMutation({
    mutationFn: async () => {
      setSigningOut(true);
      await fetch('/session', { method: 'DELETE' });
    },
    onSettled: () => router.replace('/sign-in'),
  });
}
