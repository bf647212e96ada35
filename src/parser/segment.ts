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
const LONG_ROW = 100;
/**
 * A long row has a cell or two too many (a TAB typed in a cell, a cell split); more, and it is
 * two rows whose blank line is missing, cut where the cells say.
 */
const LONG_BY = 2;
/**
 * A row boundary where the text has no blank line: taken only where no split at blank lines
 * exists. Cheaper, a chain of such boundaries would be preferred to one short and one long row
 * and move every row between them one column (none of the seeds needs one).
 */
const UNMARKED_BREAK = 1000;

/**
 * Splits a run into rows of `width` cells. Blank lines and fused-row markers are the
 * candidate boundaries; a boundary elsewhere is possible but costly (a row whose blank
 * line is missing), and a short row costs more than a full one. A row between two blank
 * lines may be a cell or two longer than `width`: it is kept whole.
 */
export function segmentRows({ cells, breakBefore }: CellRun, width: number): SegmentedRow[] {
  const n = cells.length;
  if (n === 0) return [];
  const best = new Array<number>(n + 1).fill(Infinity);
  const from = new Array<number>(n + 1).fill(-1);
  best[0] = 0;
  for (let end = 1; end <= n; end++) {
    const endCost = end === n || breakBefore[end] !== 'none' ? 0 : UNMARKED_BREAK;
    let markedInside = false;
    for (let start = end - 1; start >= 0 && end - start <= width + LONG_BY; start--) {
      if (start + 1 < end && breakBefore[start + 1] !== 'none') markedInside = true;
      const length = end - start;
      // A row longer than the block, between two blank lines with none inside: a cell too many
      // (a TAB typed in a cell, a cell split in two). Kept whole for the table reader to place,
      // or to refuse; cut at an unmarked place, its cells would be read one column off.
      if (length > width && (markedInside || endCost > 0)) break;
      if (best[start] === Infinity || (length > width && start > 0 && breakBefore[start] === 'none')) continue;
      const cost = best[start] + endCost + (length === width ? 0 : length > width ? LONG_ROW + length - width : SHORT_ROW + width - length);
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
    return { cells: row, repair: fused ? 'fused' : row.length < width ? 'short' : row.length > width ? 'long' : null };
  });
}
