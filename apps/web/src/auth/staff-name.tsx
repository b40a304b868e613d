'use client';

import { ApiError } from '@malipo/api-client';
import { Skeleton, Text } from '@mantine/core';
import { useMe, useUser } from './auth.queries';

/** Who did something, as a history shows it: "you", or the colleague's name (else their email). */
export function StaffName({ id }: { id: string }) {
  const me = useMe();
  const mine = id === me.data?.id;
  // Who "you" are is known already; only a colleague is looked up (once me has loaded).
  const user = useUser(id, { enabled: !!me.data && !mine });
  if (mine) return <>you</>;
  if (me.isPending) return <Skeleton height={12} width={90} display="inline-block" />;
  if (user.isPending) return <Skeleton height={12} width={90} display="inline-block" />;
  if (!user.data) {
    const gone = user.error instanceof ApiError && user.error.status === 404;
    return <>{gone ? 'a former member of staff' : `staff user ${id}`}</>;
  }
  return (
    <Text span inherit title={user.data.email}>
      {user.data.name || user.data.email}
    </Text>
  );
}
