import { useState } from 'react';

/**
 * Cursor paging of a connection: the `after` of the page shown, and the ones before it so the
 * person can go back. `offset` counts the rows before this page.
 */
export function useCursorPages(pageSize: number) {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1] ?? null;
  return {
    after,
    offset: (cursors.length - 1) * pageSize,
    hasPrevious: cursors.length > 1,
    previous: () => setCursors((c) => (c.length > 1 ? c.slice(0, -1) : c)),
    next: (endCursor: string | null | undefined) =>
      endCursor ? setCursors((c) => [...c, endCursor]) : undefined,
  };
}
