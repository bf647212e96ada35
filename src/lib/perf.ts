/**
 * Performance marks of issue 3: `<view>:drawn` when a view first has all its rows on screen
 * (from the build snapshot or live), `app:ready` when the first view is drawn from live queries.
 */
import { useEffect } from 'react';

interface Drawable {
  rows: unknown[] | undefined;
  source: 'none' | 'snapshot' | 'live';
}

const marked = new Set<string>();

function markOnce(name: string): void {
  if (marked.has(name)) return;
  marked.add(name);
  performance.mark(name);
}

export function useDrawnMarks(view: string, states: readonly Drawable[]): void {
  const drawn = states.every((s) => s.rows !== undefined);
  const live = states.every((s) => s.source === 'live');
  useEffect(() => {
    // After React commits; a frame later the canvas has been painted.
    if (drawn) requestAnimationFrame(() => markOnce(`${view}:drawn`));
    if (live) requestAnimationFrame(() => markOnce('app:ready'));
  }, [view, drawn, live]);
}
