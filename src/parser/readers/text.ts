/**
 * Text files → grid. Two layouts:
 * - Word tables flattened to text (the seeds): every cell starts with a TAB at the start of a
 *   line, a line without one continues the cell, blank lines end rows but also occur inside
 *   cells. Rows are cut at blank lines, except in the budget and indicator blocks, whose
 *   header row gives the column count: their cells are cut into rows of that many cells
 *   (segment.ts), the only reliable boundary there.
 * - Pipe tables, one row a line, cells between `|` (with or without the outer ones).
 * Merged cells are unknown in text: a merged label shows as blank cells in the rows below,
 * and a row whose merged cells were dropped is shorter than its header (the table reader
 * places such rows, or refuses them).
 */
import { splitTabCells, type TableToken } from '../cells.ts';
import { makeCell, textRow, type Cell, type GridDocument, type GridRow, type Paragraph } from '../grid.ts';
import { classifyRow, type RowKind } from '../layout/classify.ts';
import { segmentRows, type CellRun, type BreakKind } from '../segment.ts';

export type TextLayout = 'tab' | 'pipe' | 'none';

/** Fewest lines of a layout before a file is taken to be in it. */
const MIN_TAB_LINES = 20;
const MIN_PIPE_LINES = 5;

/** `/^[ \u3000]*\t/` written as a loop: it runs on every line of the file, and most lines are settled by their first character. */
function isTabCellLine(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 9) return true;
    if (c !== 0x20 && c !== 0x3000) return false;
  }
  return false;
}

/**
 * A row of a pipe table: at least one `|` between two cells, or `| a |`. With `outer`, the
 * table writes its rows between a leading and a trailing `|`; without, a line that starts with
 * `|` begins with an empty cell.
 */
function pipeCells(line: string, outer = true): string[] | null {
  if (line.indexOf('|') < 0) return null;
  let inner = line.trim();
  if (outer && inner.startsWith('|')) inner = inner.slice(1);
  if (outer && inner.endsWith('|')) inner = inner.slice(0, -1);
  const cells = inner.split('|');
  return cells.length >= 2 || line.trim().startsWith('|') ? cells : null;
}

/**
 * Whether the pipe rows of a file are written `| a | b |` or `a | b`. A bare row whose first
 * and last cells are empty looks like an outer one, so any row without the outer pipes makes
 * the whole file bare.
 */
function hasOuterPipes(lines: string[]): boolean {
  let outer = 0;
  let bare = 0;
  for (const line of lines) {
    if (!pipeCells(line) || PIPE_SEPARATOR.test(line)) continue;
    const trimmed = line.trim();
    if (trimmed.startsWith('|') && trimmed.endsWith('|')) outer++;
    else bare++;
  }
  return bare === 0 || outer > bare * 20;
}

const PIPE_SEPARATOR = /^[\s|:\-—=+]+$/;

export function detectTextLayout(lines: string[]): { layout: TextLayout; firstTabLine: number } {
  let tabLines = 0;
  let pipeLines = 0;
  let firstTabLine = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (isTabCellLine(line)) {
      tabLines++;
      if (firstTabLine < 0) firstTabLine = i;
    } else if (pipeCells(line) && !PIPE_SEPARATOR.test(line)) pipeLines++;
  }
  if (tabLines >= MIN_TAB_LINES && tabLines >= pipeLines) return { layout: 'tab', firstTabLine };
  if (pipeLines >= MIN_PIPE_LINES) return { layout: 'pipe', firstTabLine };
  return { layout: 'none', firstTabLine };
}

export function readText(text: string, encoding: string): GridDocument & { layout: TextLayout } {
  const lines = text.split('\n');
  const { layout, firstTabLine } = detectTextLayout(lines);
  if (layout === 'pipe') return { ...readPipe(lines, encoding), layout };
  if (layout === 'none') {
    const paragraphs = lines.map((t, i) => ({ text: t, line: i + 1, beforeRow: 0 }));
    return { format: 'text', encoding, spansKnown: false, rows: [], paragraphs, tableCount: 0, layout };
  }
  return { ...readTab(lines, firstTabLine, encoding), layout };
}

function readTab(lines: string[], first: number, encoding: string): GridDocument {
  const paragraphs: Paragraph[] = [];
  for (let i = 0; i < first; i++) paragraphs.push({ text: lines[i], line: i + 1, beforeRow: 0 });
  const run = toCellRun(splitTabCells(lines, first));
  return { format: 'text', encoding, spansKnown: false, rows: tabRows(run), paragraphs, tableCount: 1 };
}

/** Turns tokens into cells (once) and records blank lines and fused-row markers between them. */
function toCellRun(tokens: TableToken[]): CellRun {
  const cells: Cell[] = [];
  const breakBefore: BreakKind[] = [];
  let pendingBlank = false;
  for (const token of tokens) {
    if (token.kind === 'blank') {
      pendingBlank = true;
      continue;
    }
    breakBefore.push(token.fused ? 'fused' : pendingBlank ? 'blank' : 'none');
    const cell = makeCell(token.raw, token.line, `L${token.line}`, token.fused);
    cell.index = cells.length;
    cells.push(cell);
    pendingBlank = false;
  }
  return { cells, breakBefore };
}

/** The run cut at every blank line and fused-row marker: rows as printed, before the blocks are re-cut. */
function candidateRows(run: CellRun): [number, number][] {
  const bounds: [number, number][] = [];
  let start = 0;
  for (let i = 1; i <= run.cells.length; i++) {
    if (i === run.cells.length || run.breakBefore[i] !== 'none') {
      bounds.push([start, i]);
      start = i;
    }
  }
  return bounds;
}

/** Rows that end a block's body: the next part of the table begins. */
const ENDS_BUDGET: ReadonlySet<RowKind> = new Set(['goals', 'indicatorHeader', 'field', 'budgetHeader', 'title', 'section', 'trailer']);
const ENDS_INDICATORS: ReadonlySet<RowKind> = new Set(['total', 'trailer', 'field', 'budgetHeader', 'indicatorHeader', 'title', 'section', 'goals']);

function tabRows(run: CellRun): GridRow[] {
  const candidates = candidateRows(run);
  const kinds = candidates.map(([s, e]) => classifyRow(run.cells.slice(s, e)));
  const rows: GridRow[] = [];
  for (let k = 0; k < candidates.length; ) {
    const [start, end] = candidates[k];
    const kind = kinds[k];
    const ends = kind === 'budgetHeader' ? ENDS_BUDGET : kind === 'indicatorHeader' ? ENDS_INDICATORS : null;
    const header = textRow(run.cells.slice(start, end), 0, null, kind);
    rows.push(header);
    k++;
    if (!ends) continue;
    // The block's body: every candidate row up to the next part, cut again by the header's width.
    let stop = k;
    while (stop < candidates.length && !ends.has(kinds[stop])) stop++;
    const mismatch = widthMismatch(candidates.slice(k, stop), end - start);
    if (mismatch) header.widthMismatch = mismatch;
    if (stop > k) {
      const from = candidates[k][0];
      const to = candidates[stop - 1][1];
      const body: CellRun = { cells: run.cells.slice(from, to), breakBefore: run.breakBefore.slice(from, to) };
      // No row inside a block is a part of its own: the next part ends the block.
      for (const row of segmentRows(body, end - start)) rows.push(textRow(row.cells, 0, row.repair, 'other'));
    }
    k = stop;
  }
  return rows;
}

/**
 * Blank lines also fall inside cells, so a block's rows as printed are often cut short; but
 * when more of them share one other width than have the header's, the header is not theirs.
 */
function widthMismatch(rows: [number, number][], width: number): GridRow['widthMismatch'] {
  const counts = new Map<number, number>();
  for (const [s, e] of rows) counts.set(e - s, (counts.get(e - s) ?? 0) + 1);
  let mode = width;
  for (const [length, count] of counts) if (count > (counts.get(mode) ?? 0)) mode = length;
  return mode !== width && (counts.get(mode) ?? 0) >= 3 ? { header: width, rows: mode } : undefined;
}

/** `| a | b |` rows, one table row per line; lines between tables are paragraphs. */
function readPipe(lines: string[], encoding: string): GridDocument {
  const rows: GridRow[] = [];
  const paragraphs: Paragraph[] = [];
  let tableCount = 0;
  let inTable = false;
  const outer = hasOuterPipes(lines);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const pieces = pipeCells(line, outer);
    if (!pieces) {
      inTable = false;
      if (line.trim() !== '') paragraphs.push({ text: line, line: i + 1, beforeRow: rows.length });
      continue;
    }
    if (PIPE_SEPARATOR.test(line)) continue;
    if (!inTable) tableCount++;
    inTable = true;
    rows.push(textRow(pieces.map((raw) => makeCell(raw, i + 1, `L${i + 1}`)), tableCount - 1));
  }
  return { format: 'pipe', encoding, spansKnown: false, rows, paragraphs, tableCount };
}
