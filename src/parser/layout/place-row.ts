/**
 * Placing a body row's cells under its block's header columns.
 *
 * Where the file knows its merges (Word, Excel, HTML) a column's value is the cell covering the
 * header's slots; a cell that covers two columns, or two cells under one header, make the
 * placement uncertain, and a cell with text there is refused rather than guessed at.
 *
 * In text, merges are unknown: a row as wide as its header is read column by column; a shorter
 * row lost cells, either at its edges (rows fused on one line) or where a merged cell from the
 * row above was dropped (a pipe table converted from HTML). Its cells are placed on the one
 * arrangement their content fits; when two arrangements fit as well, or the best has a cell
 * that does not fit its column, the row is refused.
 */
import { emptyCell, type Cell, type GridRow } from '../grid.ts';

export interface HeaderColumn<M extends string> {
  meaning: M;
  header: Cell;
  /** Slots of the header row the column covers: [from, to). */
  from: number;
  to: number;
}

/** The distinct cells of a row with the slots each covers. */
export function cellsWithSlots(row: GridRow): { cell: Cell; from: number; to: number; continued: boolean }[] {
  const out: { cell: Cell; from: number; to: number; continued: boolean }[] = [];
  for (let i = 0; i < row.slots.length; i++) {
    const last = out[out.length - 1];
    if (last && last.cell === row.slots[i]) last.to = i + 1;
    else out.push({ cell: row.slots[i], from: i, to: i + 1, continued: row.continued[i] === true });
  }
  return out;
}

/**
 * Slots up to the row's last cell: where the file gives cells (Word, HTML) those it gave, padding
 * not counted; where only filled cells are known (Excel), up to the last filled or merged one.
 * A body row that reaches beyond its header has a cell too many somewhere: where, is not known.
 */
export function reachOf(row: GridRow): number {
  if (row.padded != null) return row.slots.length - row.padded;
  for (let i = row.slots.length - 1; i >= 0; i--) {
    const cell = row.slots[i];
    if (cell.compact !== '' || cell.colSpan > 1 || cell.rowSpan > 1) return i + 1;
  }
  return 0;
}

/** Text that says "nothing here" in a merged cell: blank, /, —, 无. */
const NOTHING = /^(?:|\/|—{1,8}|-{1,8}|无|\\)$/;

const NONE: ReadonlySet<never> = new Set();

export class PlacementError extends Error {
  constructor(readonly cell: Cell, readonly zh: string, readonly en: string) {
    super(en);
  }
}

export interface PlacedRow<M extends string> {
  values: Partial<Record<M, Cell>>;
  /** Columns whose cell began in a row above (a vertical merge continues here). */
  continued: Partial<Record<M, boolean>>;
}

/** Where merges are known: each column takes the one cell under its header. */
export function placeBySpans<M extends string>(row: GridRow, columns: HeaderColumn<M>[], names: Record<M, string>, several: ReadonlySet<M> = NONE): PlacedRow<M> {
  const values: Partial<Record<M, Cell>> = {};
  const continued: Partial<Record<M, boolean>> = {};
  const owner = (slot: number) => columns.find((c) => slot >= c.from && slot < c.to);
  for (const column of columns) {
    const under = new Map<Cell, number>();
    for (let s = column.from; s < column.to && s < row.slots.length; s++) if (!under.has(row.slots[s])) under.set(row.slots[s], s);
    const filled = [...under.keys()].filter((c) => !NOTHING.test(c.compact));
    if (filled.length > 1 && several.has(column.meaning)) filled.length = 1;
    if (filled.length > 1) {
      throw new PlacementError(filled[1], `“${names[column.meaning]}”列下有两个单元格（“${filled[0].text}”和“${filled[1].text}”），无法确定取哪一个`,
        `two cells under the “${names[column.meaning]}” header (“${filled[0].text}” and “${filled[1].text}”): cannot tell which is its value`);
    }
    if (filled.length === 0) {
      const first = [...under.entries()][0];
      values[column.meaning] = first ? first[0] : emptyCell(row.line, row.ref);
      continued[column.meaning] = first ? row.continued[first[1]] : false;
      continue;
    }
    const cell = filled[0];
    // A cell with text that reaches into another column's slots: which column it belongs to is a guess.
    for (let s = 0; s < row.slots.length; s++) {
      if (row.slots[s] !== cell) continue;
      const other = owner(s);
      if (other && other !== column) {
        throw new PlacementError(cell, `单元格“${cell.text}”跨“${names[column.meaning]}”和“${names[other.meaning]}”两列合并，无法确定属于哪一列`,
          `the cell “${cell.text}” is merged across the “${names[column.meaning]}” and “${names[other.meaning]}” columns: cannot tell which it belongs to`);
      }
    }
    values[column.meaning] = cell;
    continued[column.meaning] = row.continued[under.get(cell)!];
  }
  return { values, continued };
}

export type Fit = 'fits' | 'empty' | 'misfit';

export interface TextAlignment<M extends string> {
  values: Partial<Record<M, Cell>>;
  /** Columns the row has no cell for (blank, or a merged cell dropped from the row). */
  missing: M[];
  /** 0-based column of the row's first cell. */
  offset: number;
}

/**
 * Where a short row may have lost its cells: `edges`, at either end only (two rows fused on one
 * line of text lose the cells where they were cut); `merged`, at any column but `keep` (a merged
 * cell dropped from the row, as HTML-to-text conversions and short rows of a page do).
 */
export type Losses<M extends string> = { kind: 'edges' } | { kind: 'merged'; keep: ReadonlySet<M>; together: readonly M[][] };

/** A row shorter than its columns: its cells placed on the columns `losses` allows it to have lost. */
export function alignTextRow<M extends string>(cells: Cell[], meanings: M[], fit: (meaning: M, cell: Cell) => Fit, losses: Losses<M>): TextAlignment<M> | null {
  return alignCells(cells, meanings, fit, { losses });
}

/**
 * Cells of a row that does not match its columns one to one, placed on the one arrangement
 * their content fits. A row may be short (`losses` says which columns it may have lost) or long
 * (`dropBlanks`: blank cells that are extra, as a split or stray cell leaves them). Every
 * arrangement in which no cell lands in a column it does not fit is considered; when two of them
 * put a cell with text in different columns, which is right is a guess, and the answer is null
 * (the row is refused). A preference between fitting arrangements would be a guess too.
 *
 * Dynamic programming over (cells placed, next column, what the losses so far allow): linear in
 * the arrangements' states, not in their number (a row of many blank cells has very many).
 */
export function alignCells<M extends string>(
  cells: Cell[],
  meanings: M[],
  fit: (meaning: M, cell: Cell) => Fit,
  options: { losses?: Losses<M>; dropBlanks?: boolean },
): TextAlignment<M> | null {
  const width = meanings.length;
  const n = cells.length;
  if (n === 0 || width === 0) return null;
  const { losses, dropBlanks = false } = options;
  // Together-groups of the columns present: one base-3 digit each (0 none seen, 1 kept, 2 lost).
  const groups = losses?.kind === 'merged' ? losses.together.map((g) => g.filter((m) => meanings.includes(m))).filter((g) => g.length > 1) : [];
  const groupOf = meanings.map((m) => groups.findIndex((g) => g.includes(m)));
  const digit = (s: number, g: number) => Math.floor(s / 3 ** g) % 3;
  const withDigit = (s: number, g: number, v: number) => s + (v - digit(s, g)) * 3 ** g;
  const states = losses?.kind === 'merged' ? 3 ** groups.length : 2;
  /** The state after column c is used (kept) or skipped (lost), or -1 when not allowed. */
  const step = (s: number, c: number, kept: boolean, placedAll: boolean): number => {
    if (!losses) return kept ? s : -1;
    if (losses.kind === 'edges') {
      if (kept) return placedAll ? -1 : 1;
      return s === 0 || placedAll ? s : -1; // lost only before the first cell or after the last
    }
    if (!kept && losses.keep.has(meanings[c])) return -1;
    const g = groupOf[c];
    if (g < 0) return s;
    const now = digit(s, g);
    const want = kept ? 1 : 2;
    return now === 0 || now === want ? withDigit(s, g, want) : -1;
  };
  const blank = (i: number) => cells[i].compact === '';
  const fits = (i: number, c: number) => fit(meanings[c], cells[i]) !== 'misfit';
  const key = (i: number, c: number, s: number) => (i * (width + 1) + c) * states + s;
  const memo = new Int8Array((n + 1) * (width + 1) * states); // 0 unknown, 1 yes, 2 no
  const canFinish = (i: number, c: number, s: number): boolean => {
    const k = key(i, c, s);
    if (memo[k] !== 0) return memo[k] === 1;
    let ok = false;
    if (i === n && c === width) ok = true;
    else {
      if (i < n && c < width && fits(i, c)) {
        const next = step(s, c, true, false);
        ok = next >= 0 && canFinish(i + 1, c + 1, next);
      }
      if (!ok && c < width) {
        const next = step(s, c, false, i === n);
        ok = next >= 0 && canFinish(i, c + 1, next);
      }
      if (!ok && i < n && dropBlanks && blank(i)) ok = canFinish(i + 1, c, s);
    }
    memo[k] = ok ? 1 : 2;
    return ok;
  };
  if (!canFinish(0, 0, 0)) return null;
  // Every column each cell with text takes in some fitting arrangement.
  const columnsOf: Set<number>[] = cells.map(() => new Set());
  const seen = new Uint8Array(memo.length);
  const stack: [number, number, number][] = [[0, 0, 0]];
  while (stack.length > 0) {
    const [i, c, s] = stack.pop()!;
    const k = key(i, c, s);
    if (seen[k]) continue;
    seen[k] = 1;
    if (i < n && c < width && fits(i, c)) {
      const next = step(s, c, true, false);
      if (next >= 0 && canFinish(i + 1, c + 1, next)) {
        columnsOf[i].add(c);
        stack.push([i + 1, c + 1, next]);
      }
    }
    if (c < width) {
      const next = step(s, c, false, i === n);
      if (next >= 0 && canFinish(i, c + 1, next)) stack.push([i, c + 1, next]);
    }
    if (i < n && dropBlanks && blank(i) && canFinish(i + 1, c, s)) stack.push([i + 1, c, s]);
  }
  if (cells.some((cell, i) => cell.compact !== '' && columnsOf[i].size > 1)) return null;
  // The arrangement: each cell as far left as a fitting arrangement allows.
  const values: Partial<Record<M, Cell>> = {};
  const used = new Set<number>();
  let offset = -1;
  for (let i = 0, c = 0, s = 0; i < n || c < width; ) {
    const kept = i < n && c < width && fits(i, c) ? step(s, c, true, false) : -1;
    if (kept >= 0 && canFinish(i + 1, c + 1, kept)) {
      values[meanings[c]] = cells[i];
      used.add(c);
      if (offset < 0) offset = c;
      i++;
      c++;
      s = kept;
      continue;
    }
    const lost = c < width ? step(s, c, false, i === n) : -1;
    if (lost >= 0 && canFinish(i, c + 1, lost)) {
      c++;
      s = lost;
      continue;
    }
    if (!(i < n && dropBlanks && blank(i))) throw new Error('alignCells: no way on from a state that can finish');
    i++; // a blank cell dropped
  }
  return { values, missing: meanings.filter((_, c) => !used.has(c)), offset: Math.max(offset, 0) };
}
