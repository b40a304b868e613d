'use client';

import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';

/**
 * Cursor paging: the API only knows "the page after this cursor", so the cursors of the pages
 * already seen are kept to go back. Changing the filter starts again at the first page.
 */
export function useCursorPages(filterKey: string) {
  const [state, setState] = useState<{ key: string; cursors: (string | undefined)[] }>({
    key: filterKey,
    cursors: [undefined],
  });
  const cursors = state.key === filterKey ? state.cursors : [undefined];
  const next = (cursor: string) => setState({ key: filterKey, cursors: [...cursors, cursor] });
  const previous = () => setState({ key: filterKey, cursors: cursors.slice(0, -1) });
  return { cursor: cursors[cursors.length - 1], page: cursors.length, next, previous };
}

interface CursorPagerProps {
  page: number;
  nextCursor: string | null | undefined;
  onNext: (cursor: string) => void;
  onPrevious: () => void;
}

export function CursorPager({ page, nextCursor, onNext, onPrevious }: CursorPagerProps) {
  if (page === 1 && !nextCursor) return null;
  return (
    <Group justify="space-between" mt="md">
      <Button variant="default" disabled={page === 1} onClick={onPrevious}>
        Previous page
      </Button>
      <Text size="sm" c="dimmed">
        Page {page}
      </Text>
      <Button
        variant="default"
        disabled={!nextCursor}
        onClick={() => nextCursor && onNext(nextCursor)}
      >
        Next page
      </Button>
    </Group>
  );
}
