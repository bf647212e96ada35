/**
 * Row segmentation: the blank lines of a flattened Word table end rows but also occur
 * inside cells, so the only reliable row boundary is the column count. This finds the
 * split of a run of cells into rows that needs the fewest repairs (dynamic programming),
 * and aligns a short row on the columns its cells fit.
 */
import type { CellToken, TableToken } from './cells.ts';

export interface Cell {
  /** Trimmed text; a label split across lines is joined, free text keeps its line breaks as spaces. */
  text: string;
  /** Text with every white space removed: what labels are matched against. */
  compact: string;
  raw: string;
  line: number;
  fused: boolean;
  /** Position in the run of all cells of the table (-1 for a cell a repair added). */
  index: number;
}

export interface SegmentedRow {
  /** Exactly `width` cells; columns a short row did not have are empty cells. */
  cells: Cell[];
  line: number;
  /** Why the row was put back together, or null when it was read as printed. */
  repair: string | null;
}

/** What a column may hold, used to place the cells of a short row. */
export type ColumnShape = (cell: Cell) => 'fits' | 'empty' | 'misfit';

// U+3000 is white space for String.prototype.trim and \s, so one class covers it.
const WHITE = /\s+/g;

/**
 * The form labels are matched in: no white space, full-width digits and brackets made
 * ASCII-comparable, and `ー` (U+30FC, a common typo in these reports) read as `一`.
 */
export function compactLabel(text: string): string {
  let compact = WHITE_TEST.test(text) ? text.replace(WHITE, '') : text;
  // The two rewrites are rare: test once before paying for them (this runs on every cell).
  if (RARE_CHARS.test(compact)) {
    compact = compact.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/ー/g, '一');
  }
  return compact;
}

const WHITE_TEST = /\s/;
const RARE_CHARS = /[０-９ー]/;

export function makeCell(token: Pick<CellToken, 'raw' | 'line' | 'fused'>): Cell {
  // Labels split across lines (`项目支` / `出名称`) are joined without a space; for
  // Chinese text this is also right for free text, which never breaks mid-word with a space.
  const text = token.raw.indexOf('\n') < 0 ? token.raw.trim() : joinTrimmedLines(token.raw);
  return { text, compact: compactLabel(text), raw: token.raw, line: token.line, fused: token.fused, index: -1 };
}

/** `raw.split('\n').map((l) => l.trim()).join('')` without the two arrays (this runs on every multi-line cell). */
function joinTrimmedLines(raw: string): string {
  let text = '';
  for (let start = 0; ; ) {
    const end = raw.indexOf('\n', start);
    text += (end < 0 ? raw.slice(start) : raw.slice(start, end)).trim();
    if (end < 0) return text;
    start = end + 1;
  }
}

export const emptyCell = (line: number): Cell => ({ text: '', compact: '', raw: '', line, fused: false, index: -1 });

const SHORT_ROW = 100;
const UNMARKED_BREAK = 60;

/**
 * Splits tokens into rows of `width` cells. Blank lines and fused-row markers are the
 * candidate boundaries; a boundary elsewhere is possible but costly (a row whose blank
 * line is missing), and a short row costs more than a full one.
 */
export type BreakKind = 'none' | 'blank' | 'fused';

/** A run of cells with what separates each from the one before it. */
export interface CellRun {
  cells: Cell[];
  breakBefore: BreakKind[];
}

/** Turns tokens into cells (once) and records blank lines and fused-row markers between them. */
export function toCellRun(tokens: TableToken[]): CellRun {
  const cells: Cell[] = [];
  const breakBefore: BreakKind[] = [];
  let pendingBlank = false;
  for (const token of tokens) {
    if (token.kind === 'blank') {
      pendingBlank = true;
      continue;
    }
    breakBefore.push(token.fused ? 'fused' : pendingBlank ? 'blank' : 'none');
    const cell = makeCell(token);
    cell.index = cells.length;
    cells.push(cell);
    pendingBlank = false;
  }
  return { cells, breakBefore };
}

export function segmentRows({ cells, breakBefore }: CellRun, width: number, shapes: ColumnShape[]): SegmentedRow[] {
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
  return bounds.map(([start, end]) => buildRow(cells.slice(start, end), width, shapes, breakBefore[start] === 'fused' || (end < n && breakBefore[end] === 'fused')));
}

function buildRow(cells: Cell[], width: number, shapes: ColumnShape[], fused: boolean): SegmentedRow {
  const line = cells[0].line;
  if (cells.length === width) return { cells, line, repair: fused ? '与相邻行粘连，已按列数拆开 / fused with a neighbouring row, split by column count' : null };
  const offset = bestOffset(cells, width, shapes);
  const row: Cell[] = [];
  for (let c = 0; c < width; c++) {
    const i = c - offset;
    row.push(i >= 0 && i < cells.length ? cells[i] : emptyCell(line));
  }
  const why = fused ? '与相邻行粘连' : '单元格不全';
  return {
    cells: row,
    line,
    repair: `${why}：该行只有 ${cells.length} 个单元格（应为 ${width} 个），按内容对齐到第 ${offset + 1} 列起 / ${cells.length} of ${width} cells, aligned from column ${offset + 1}`,
  };
}

/** Places a short row where its cells fit the column shapes best; ties go right (the merged label columns are the ones that go missing). */
function bestOffset(cells: Cell[], width: number, shapes: ColumnShape[]): number {
  let bestScore = -Infinity;
  let best = width - cells.length;
  for (let offset = width - cells.length; offset >= 0; offset--) {
    let score = 0;
    cells.forEach((cell, i) => {
      const verdict = shapes[offset + i]?.(cell) ?? 'empty';
      score += verdict === 'fits' ? 2 : verdict === 'misfit' ? -3 : 0;
    });
    if (score > bestScore) {
      bestScore = score;
      best = offset;
    }
  }
  return best;
}
