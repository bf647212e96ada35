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

/**
 * A row shorter than its columns: its cells, in order, on the one arrangement their content
 * fits. Every arrangement in which no cell lands in a column it does not fit is tried; when two
 * of them put a cell with text in different columns, which is right is a guess, and the answer is
 * null (the row is refused). A preference between fitting arrangements would be a guess too.
 */
export function alignTextRow<M extends string>(
  cells: Cell[],
  meanings: M[],
  fit: (meaning: M, cell: Cell) => Fit,
  losses: Losses<M>,
): TextAlignment<M> | null {
  const width = meanings.length;
  const n = cells.length;
  if (n > width || n === 0) return null;
  let found: number[] | null = null;
  let ambiguous = false;
  const positions: number[] = [];
  const visit = (cell: number, column: number): void => {
    if (ambiguous) return;
    if (cell === n) {
      if (!allowedLosses(positions, meanings, losses)) return;
      if (!found) found = [...positions];
      else if (!sameFilledPlaces(found, positions, cells)) ambiguous = true;
      return;
    }
    for (let c = column; c <= width - (n - cell); c++) {
      if (fit(meanings[c], cells[cell]) === 'misfit') continue; // a cell never goes where it does not fit
      positions.push(c);
      visit(cell + 1, c + 1);
      positions.pop();
    }
  };
  visit(0, 0);
  const chosen = found as number[] | null;
  if (!chosen || ambiguous) return null;
  const values: Partial<Record<M, Cell>> = {};
  chosen.forEach((column, i) => (values[meanings[column]] = cells[i]));
  const used = new Set(chosen);
  return { values, missing: meanings.filter((_, i) => !used.has(i)), offset: chosen[0] };
}

/** Two arrangements that put every cell with text in the same column differ only in where blanks go: no doubt. */
function sameFilledPlaces(a: number[], b: number[], cells: Cell[]): boolean {
  return cells.every((cell, i) => cell.compact === '' || a[i] === b[i]);
}

function allowedLosses<M extends string>(positions: number[], meanings: M[], losses: Losses<M>): boolean {
  const used = new Set(positions);
  const missing = meanings.map((m, i) => [m, i] as const).filter(([, i]) => !used.has(i));
  if (losses.kind === 'edges') {
    const first = positions[0];
    const last = positions[positions.length - 1];
    return missing.every(([, i]) => i < first || i > last);
  }
  if (missing.some(([m]) => losses.keep.has(m))) return false;
  const gone = new Set(missing.map(([m]) => m));
  return losses.together.every((group) => {
    const present = group.filter((m) => meanings.includes(m));
    const dropped = present.filter((m) => gone.has(m)).length;
    return dropped === 0 || dropped === present.length;
  });
}
