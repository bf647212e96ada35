/**
 * The one model every reader produces: a document's tables as rows of grid slots, merged
 * cells known as one cell covering several slots, every cell with its source position, and
 * the text outside the tables (title, narrative) in document order.
 *
 * Readers: flattened text and pipe tables (readers/text.ts), Word .docx (readers/docx.ts),
 * Excel .xlsx (readers/xlsx.ts) and web pages (readers/html.ts). The table logic
 * (layout/*.ts) runs on this model only, so every format is read by the same rules.
 */

export type SourceFormat = 'text' | 'pipe' | 'docx' | 'xlsx' | 'html';

export interface Cell {
  /**
   * Trimmed text; a label split across lines is joined (`资金拨付↵及时率` → `资金拨付及时率`), free text
   * keeps its line breaks as nothing, but two numbers on two lines stay two (`300↵280` → `300 280`).
   */
  text: string;
  /** The cell's lines, trimmed, blank ones left out, when it has two or more; undefined otherwise. */
  lines?: string[];
  /** Text with every white space removed, full-width digits made ASCII, `ー` read as `一`: what labels are matched against. */
  compact: string;
  raw: string;
  /**
   * The integer the contract's `line` columns hold: the line of a text or HTML file, the
   * paragraph of a Word document (every paragraph counted, in cells too), the row of a sheet.
   */
  line: number;
  /** Where exactly, language-neutral: `L12`, `T1.R3.C2 ¶45` (Word), `Sheet1!B7`, `T2.R7.C3 L123` (HTML). */
  ref: string;
  /** Text only: the cell starts after other text on its line (two rows fused on one line). */
  fused: boolean;
  /** Position in the run of all cells of a text table (-1 elsewhere and for a cell a repair added). */
  index: number;
  /** Rows and grid columns the cell covers (1 and 1 unless merged; always 1 in text, where merges are unknown). */
  rowSpan: number;
  colSpan: number;
}

export interface GridRow {
  /**
   * The row's slots, left to right. Where the reader knows merges (Word, Excel, HTML) there is
   * one slot per grid column and a merged cell fills every slot it covers (the same object);
   * in text a merged cell shows as blank cells, and a row may be shorter than its neighbours.
   */
  slots: Cell[];
  /** For each slot: true when its cell began in an earlier row (a vertical merge continues). */
  continued: boolean[];
  /** Position of the row's first cell. */
  line: number;
  ref: string;
  /** The physical table (0-based, in document order) the row belongs to. */
  table: number;
  /** Why a text row was put back together, or null when it was read as printed. */
  repair: string | null;
  /**
   * Text only, on a block's header row: most rows under it, as the blank lines print them, have
   * another number of cells than the header (the header does not describe them).
   */
  widthMismatch?: { header: number; rows: number };
  /**
   * Where merges are known: how many slots at the row's end the file gave no cell for. A row that
   * falls short of its table may have lost a cell merged down from above, its cells moved left.
   */
  padded?: number;
  /** What the row is (layout/classify.ts), when the reader already classified it. */
  kind?: import('./layout/classify.ts').RowKind;
}

export interface Paragraph {
  text: string;
  line: number;
  /** Index in `rows` of the first row after this paragraph (rows.length after the last table). */
  beforeRow: number;
}

export interface GridDocument {
  format: SourceFormat;
  /** How the bytes were decoded: `utf-8`, `gb18030`, … for text and HTML; the format for Word and Excel. */
  encoding: string;
  /** True when merged cells are known from the file (Word, Excel, HTML), false for text. */
  spansKnown: boolean;
  rows: GridRow[];
  /** Text outside the tables, in document order. */
  paragraphs: Paragraph[];
  /** Number of physical tables. */
  tableCount: number;
}

const WHITE = /\s+/g;
const WHITE_TEST = /\s/;
const RARE_CHARS = /[０-９ー]/;

/**
 * The form labels are matched in: no white space, full-width digits made ASCII-comparable,
 * and `ー` (U+30FC, a common typo in these reports) read as `一`.
 */
export function compactLabel(text: string): string {
  let compact = WHITE_TEST.test(text) ? text.replace(WHITE, '') : text;
  // The two rewrites are rare: test once before paying for them (this runs on every cell).
  if (RARE_CHARS.test(compact)) {
    compact = compact.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/ー/g, '一');
  }
  return compact;
}

const isDigit = (code: number) => (code >= 0x30 && code <= 0x39) || (code >= 0xff10 && code <= 0xff19);

/** A multi-line cell's lines, trimmed, blank ones left out (this runs on every multi-line cell: no regex). */
function linesOf(raw: string): string[] {
  const lines: string[] = [];
  for (let start = 0; ; ) {
    const end = raw.indexOf('\n', start);
    const line = (end < 0 ? raw.slice(start) : raw.slice(start, end)).trim();
    if (line !== '') lines.push(line);
    if (end < 0) return lines;
    start = end + 1;
  }
}

/**
 * Lines joined without a space: labels split across lines (`项目支` / `出名称`) must join that way,
 * and Chinese free text never breaks mid-word with one. Where a line ends in a digit and the next
 * begins with one, a space keeps them apart: `300↵280` (two budgets, Alt+Enter in Excel, two
 * paragraphs in Word, `<br>` in a page) is two numbers, and joined it would be the number 300280,
 * which the table does not print. So a cell whose lines hold two numbers never reads as one:
 * `300 280`, like `300万元280万元`, is no number to parseNumberCell, and the figure is refused.
 */
function joinLines(lines: string[]): string {
  let text = lines[0] ?? '';
  for (let i = 1; i < lines.length; i++) {
    const glued = isDigit(text.charCodeAt(text.length - 1)) && isDigit(lines[i].charCodeAt(0));
    text += glued ? ` ${lines[i]}` : lines[i];
  }
  return text;
}

/** A cell from its raw text, its lines joined as joinLines says. */
export function makeCell(raw: string, line: number, ref: string, fused = false): Cell {
  let text: string;
  let lines: string[] | undefined;
  if (raw.indexOf('\n') < 0) text = raw.trim();
  else {
    const all = linesOf(raw);
    text = joinLines(all);
    if (all.length > 1) lines = all;
  }
  return { text, lines, compact: compactLabel(text), raw, line, ref, fused, index: -1, rowSpan: 1, colSpan: 1 };
}

export const emptyCell = (line: number, ref = `L${line}`): Cell => ({
  text: '', lines: undefined, compact: '', raw: '', line, ref, fused: false, index: -1, rowSpan: 1, colSpan: 1,
});

/** The distinct cells of a row, left to right (a merged cell once). */
export function rowCells(row: GridRow): Cell[] {
  const cells: Cell[] = [];
  for (let i = 0; i < row.slots.length; i++) if (i === 0 || row.slots[i] !== row.slots[i - 1]) cells.push(row.slots[i]);
  return cells;
}

/** The distinct cells of a row that begin in it (not continuations of a cell from a row above). */
export function ownCells(row: GridRow): Cell[] {
  const cells: Cell[] = [];
  for (let i = 0; i < row.slots.length; i++) {
    if (row.continued[i]) continue;
    if (i > 0 && row.slots[i] === row.slots[i - 1]) continue;
    cells.push(row.slots[i]);
  }
  return cells;
}

/** Text rows continue no cell (merges are unknown in text): one shared array of `false` serves them all. */
const NO_CONTINUATION: boolean[] = [];

/** A row of text cells as given (no merges known). */
export function textRow(cells: Cell[], table: number, repair: string | null = null, kind?: GridRow['kind']): GridRow {
  const first = cells[0];
  const row: GridRow = { slots: cells, continued: NO_CONTINUATION, line: first?.line ?? 0, ref: first?.ref ?? '', table, repair };
  if (kind) row.kind = kind;
  return row;
}

/**
 * Builds rows from a table whose merges are known, given as the reader sees them: each row a list
 * of cells with spans, where a slot covered by a cell from a row above is left out (HTML's model).
 * Fills every slot a cell covers, marks continuations, and pads short rows with blank cells so
 * that every row of the table has the same number of slots.
 */
export function placeSpans(
  rows: { cells: Cell[]; line: number; ref: string }[],
  table: number,
  blank: (rowIndex: number, column: number) => Cell,
): GridRow[] {
  const grid: (Cell | undefined)[][] = [];
  const starts: boolean[][] = [];
  rows.forEach((row, r) => {
    grid[r] ??= [];
    starts[r] ??= [];
    let column = 0;
    for (const cell of row.cells) {
      while (grid[r][column] !== undefined) column++;
      for (let dr = 0; dr < cell.rowSpan; dr++) {
        const target = r + dr;
        if (target >= rows.length) break;
        grid[target] ??= [];
        starts[target] ??= [];
        for (let dc = 0; dc < cell.colSpan; dc++) {
          if (grid[target][column + dc] === undefined) {
            grid[target][column + dc] = cell;
            starts[target][column + dc] = dr === 0;
          }
        }
      }
      column += cell.colSpan;
    }
  });
  const width = grid.reduce((w, row) => Math.max(w, row?.length ?? 0), 0);
  return rows.map((row, r) => {
    const slots: Cell[] = [];
    const continued: boolean[] = [];
    let padded = 0;
    for (let c = 0; c < width; c++) {
      const cell = grid[r]?.[c];
      slots.push(cell ?? blank(r, c));
      continued.push(cell !== undefined && starts[r][c] === false);
      padded = cell === undefined ? padded + 1 : 0;
    }
    return { slots, continued, line: row.line, ref: row.ref, table, repair: null, padded };
  });
}
