/**
 * Performance marks of issue 3: `<view>:drawn` when a view first has all its rows on screen
 * (from the build snapshot or live; for the overview, a build-time picture of a chart counts),
 * `app:ready` when the first view is drawn from live queries (for the overview, by ECharts: a
 * build-time picture answers no click; other views mark it when their rows are live), and
 * `<view>:settled` every time the view has redrawn from finished live queries (after a filter
 * change, say): `npm run bench:app` times filter changes by it.
 */
import { useEffect } from 'react';

interface Drawable {
  rows: unknown[] | undefined;
  source: 'none' | 'snapshot' | 'live';
  loading?: boolean;
}

const marked = new Set<string>();

function markOnce(name: string, detail?: unknown): void {
  if (marked.has(name)) return;
  marked.add(name);
  performance.mark(name, { detail });
}

/**
 * A view that tracks its charts says whether they are on screen (a build-time picture counts)
 * and whether ECharts has drawn them all (needed for app:ready: a picture does not answer a
 * click or show a tooltip).
 */
export interface ChartsDrawn {
  onScreen: boolean;
  byECharts: boolean;
}

export function useDrawnMarks(view: string, states: readonly Drawable[], charts: ChartsDrawn = { onScreen: true, byECharts: true }): void {
  const drawn = charts.onScreen && states.every((s) => s.rows !== undefined);
  const live = drawn && charts.byECharts && states.every((s) => s.source === 'live');
  const settled = live && states.every((s) => !s.loading);
  // Identity of the rows on screen: a new result set means a redraw to mark.
  const rows = states.map((s) => s.rows);
  useEffect(() => {
    // After React commits; a frame later the canvas has been painted.
    // The first draw says what it drew from: all from the build snapshot, or live rows.
    const from = states.every((s) => s.source === 'snapshot') ? 'snapshot' : states.every((s) => s.source === 'live') ? 'live' : 'mixed';
    if (drawn) requestAnimationFrame(() => markOnce(`${view}:drawn`, { from }));
    if (live) requestAnimationFrame(() => markOnce('app:ready'));
    if (settled) requestAnimationFrame(() => performance.mark(`${view}:settled`));
  }, [view, drawn, live, settled, ...rows]);
}
