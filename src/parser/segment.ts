/**
 * Row segmentation of a flattened Word table's block: the blank lines of the text end rows
 * but also occur inside cells, so the only reliable row boundary is the column count. This
 * finds the split of a run of cells into rows that needs the fewest repairs (dynamic
 * programming). A row shorter than the block's width is returned as it is, with why: the
 * table reader places its cells on the columns they fit, or refuses it.
 */
import type { Cell } from './grid.ts';

export type BreakKind = 'none' | 'blank' | 'fused';

/** A run of cells with what separates each from the one before it. */
export interface CellRun {
  cells: Cell[];
  breakBefore: BreakKind[];
}

export interface SegmentedRow {
  /** The row's cells as printed: `width` of them, or fewer for a row that lost some. */
  cells: Cell[];
  /** Why the row was put back together, or null when it was read as printed. */
  repair: string | null;
}

const SHORT_ROW = 100;
const UNMARKED_BREAK = 60;

/**
 * Splits a run into rows of `width` cells. Blank lines and fused-row markers are the
 * candidate boundaries; a boundary elsewhere is possible but costly (a row whose blank
 * line is missing), and a short row costs more than a full one.
 */
export function segmentRows({ cells, breakBefore }: CellRun, width: number): SegmentedRow[] {
  const n = cells.length;
  if (n === 0) return [];
  const best = new Array<number>(n + 1).fill(Infinity);
  const from = new Array<number>(n + 1).fill(-1);
  best[0] = 0;
  for (let end = 1; end <= n; end++) {
    const endCost = end === n || breakBefore[end] !== 'none' ? 0 : UNMARKED_BREAK;
    for (let start = end - 1; start >= 0 && end - start <= width; start--) {
      if (best[start] === Infinity) continue;
      const length = end - start;
      const cost = best[start] + endCost + (length === width ? 0 : SHORT_ROW + width - length);
      if (cost < best[end]) {
        best[end] = cost;
        from[end] = start;
      }
      // A fused marker is a boundary no row may cross.
      if (breakBefore[start] === 'fused') break;
    }
  }
  const bounds: [number, number][] = [];
  for (let end = n; end > 0; end = from[end]) bounds.push([from[end], end]);
  bounds.reverse();
  return bounds.map(([start, end]) => {
    const fused = breakBefore[start] === 'fused' || (end < n && breakBefore[end] === 'fused');
    const row = cells.slice(start, end);
    return { cells: row, repair: fused ? 'fused' : row.length < width ? 'short' : null };
  });
}
