'use client';

import { type ReactNode, useSyncExternalStore } from 'react';

const neverChanges = () => () => {};

/**
 * Disables every form control of the page until React has taken over the server's HTML. Before
 * that, a click would be lost and Enter would submit a form natively, clearing what was typed.
 * The fieldset takes no box of its own, so the layout is the same either way.
 */
export function DisabledUntilHydrated({ children }: { children: ReactNode }) {
  const hydrated = useSyncExternalStore(
    neverChanges,
    () => true,
    () => false,
  );
  return (
    <fieldset disabled={!hydrated} style={{ display: 'contents' }}>
      {children}
    </fieldset>
  );
}
