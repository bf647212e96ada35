/**
 * Excel .xlsx → grid. Each visible sheet is one table: its cells at their rows and columns,
 * merged ranges (`<mergeCells>`) as one cell over every slot they cover, blank rows left out,
 * the grid ending at the last row and column with text (placeCells), hidden rows and columns
 * left out as the printed sheet leaves them out (withoutHidden).
 * Numbers are read at their stored precision and their displayed magnitude (number-format.ts):
 * 37.24, not a rounded 37.2; a percentage-formatted number as the percentage it stores (0.8619
 * → `86.19%`); 3000000 shown as `300.0000` by `0!.0000` (元 shown as 万元) as 300.0000, never
 * as 3000000; a date-formatted one as its date. A cell whose format shows digits in a way that
 * cannot be made certain is refused, naming it. A cell's position reads `Sheet1!B7`; its `line`
 * is the sheet row.
 */
import { emptyCell, makeCell, type Cell, type GridDocument, type GridRow } from '../grid.ts';
import { ReportParseError } from '../types.ts';
import { builtinFormat, formatNumber, formatOfCode, GENERAL, type ValueFormat } from './number-format.ts';
import { parseXml, readParts, tagsOnly, type XmlTag } from './zip.ts';

interface Sheet {
  name: string;
  path: string;
}

interface RawCell {
  row: number;
  col: number;
  text: string;
  /** Its position in the sheet (`Sheet1!B7`), kept when hidden columns move it left in the grid. */
  ref: string;
}

export function readXlsx(bytes: Uint8Array, file: string): GridDocument {
  const parts = readParts(bytes, file, (name) => name.startsWith('xl/') && name.endsWith('.xml') || name.endsWith('.rels'), 'Excel ');
  const sheets = workbookSheets(parts, file);
  const shared = sharedStrings(parts, file);
  const formats = cellFormats(parts, file);
  const rows: GridRow[] = [];
  sheets.forEach((sheet, index) => {
    const xml = parts.get(sheet.path);
    if (xml == null) throw new ReportParseError(file, `工作表“${sheet.name}”缺少数据（${sheet.path}）/ the sheet “${sheet.name}” has no data part (${sheet.path})`);
    rows.push(...sheetRows(xml, sheet, index, shared, formats, file));
  });
  return { format: 'xlsx', encoding: 'xlsx', spansKnown: true, rows, paragraphs: [], tableCount: sheets.length };
}

/** The names of a workbook's visible sheets, in order (to tell a contract workbook from a report). */
export function workbookSheetNames(bytes: Uint8Array, file: string): string[] {
  const parts = readParts(bytes, file, (name) => name === 'xl/workbook.xml' || name === 'xl/_rels/workbook.xml.rels', 'Excel ');
  return workbookSheets(parts, file).map((s) => s.name);
}

function workbookSheets(parts: Map<string, string>, file: string): Sheet[] {
  const workbook = parts.get('xl/workbook.xml');
  if (workbook == null) throw new ReportParseError(file, '不是 Excel 工作簿：缺少 xl/workbook.xml / not an Excel workbook: xl/workbook.xml is missing');
  const targets = new Map<string, string>();
  const rels = parts.get('xl/_rels/workbook.xml.rels');
  if (rels) {
    parseXml(rels, 'xl/_rels/workbook.xml.rels', file, tagsOnly((tag) => {
      if (tag.name !== 'Relationship') return;
      const target = tag.attr('Target') ?? '';
      targets.set(tag.attr('Id') ?? '', target.startsWith('/') ? target.slice(1) : `xl/${target}`);
    }));
  }
  const sheets: Sheet[] = [];
  parseXml(workbook, 'xl/workbook.xml', file, tagsOnly((tag) => {
    if (tag.name !== 'sheet' || tag.attr('state') === 'hidden' || tag.attr('state') === 'veryHidden') return;
    const id = tag.attr('r:id') ?? '';
    sheets.push({ name: tag.attr('name') ?? `Sheet${sheets.length + 1}`, path: targets.get(id) ?? `xl/worksheets/sheet${sheets.length + 1}.xml` });
  }));
  return sheets;
}

/** The shared string table: rich text runs joined, phonetic guides (`rPh`) left out. */
function sharedStrings(parts: Map<string, string>, file: string): string[] {
  const xml = parts.get('xl/sharedStrings.xml');
  if (xml == null) return [];
  const strings: string[] = [];
  let current = '';
  let inText = false;
  let phonetic = 0;
  parseXml(xml, 'xl/sharedStrings.xml', file, {
    open(tag) {
      if (tag.name === 'si') current = '';
      else if (tag.name === 'rPh') phonetic++;
      else if (tag.name === 't') inText = true;
    },
    close(name) {
      if (name === 'si') strings.push(current);
      else if (name === 'rPh') phonetic--;
      else if (name === 't') inText = false;
    },
    text(text) {
      current += text;
    },
    wantText: () => inText && phonetic === 0,
  });
  return strings;
}

/** What each cell style (`s`) shows a number as, from styles.xml (number-format.ts). */
function cellFormats(parts: Map<string, string>, file: string): ValueFormat[] {
  const xml = parts.get('xl/styles.xml');
  if (xml == null) return [];
  const custom = new Map<number, ValueFormat>();
  const styles: ValueFormat[] = [];
  let inCellXfs = false;
  parseXml(xml, 'xl/styles.xml', file, {
    open(tag) {
      if (tag.name === 'numFmt') custom.set(Number(tag.attr('numFmtId')), formatOfCode(tag.attr('formatCode') ?? ''));
      else if (tag.name === 'cellXfs') inCellXfs = true;
      else if (tag.name === 'xf' && inCellXfs) {
        const id = Number(tag.attr('numFmtId') ?? 0);
        styles.push(custom.get(id) ?? builtinFormat(id));
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
    text() {},
    wantText: () => false,
  });
  return styles;
}

/**
 * A stored number as text: the shortest form that is the same double (no float noise, no
 * rounding), at the magnitude its format shows; a date-formatted one as its date. Null when the
 * format places the digits in a way that cannot be made certain.
 */
function numberText(value: string, format: ValueFormat): string | null {
  const n = Number(value);
  if (!Number.isFinite(n)) return value;
  if (format.date) {
    if (n <= 0 || n >= 2958466) return String(n);
    const date = new Date(Math.round((n - 25569) * 86400000)); // Excel's serial day 25569 is 1970-01-01
    return date.toISOString().slice(0, 10);
  }
  return formatNumber(n, format);
}

const columnIndex = (letters: string): number => {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
};

const columnName = (index: number): string => {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
};

const parseRef = (ref: string): { row: number; col: number } | null => {
  const match = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(ref);
  return match ? { col: columnIndex(match[1]), row: Number(match[2]) - 1 } : null;
};

const MAX_ROWS = 100_000;
const MAX_COLUMNS = 200;

function sheetRows(xml: string, sheet: Sheet, index: number, shared: string[], formats: ValueFormat[], file: string): GridRow[] {
  const cells: RawCell[] = [];
  const merges: Merge[] = [];
  let cell: { ref: { row: number; col: number } | null; type: string; style: number; value: string; inline: string } | null = null;
  let reading: 'v' | 't' | null = null;
  let rowNumber = 0;
  let nextColumn = 0;
  // Rows and columns hidden in the sheet (hidden, or of no height or width): not on the printed page.
  const hiddenRows = new Set<number>();
  const hiddenColumns = new Uint8Array(MAX_COLUMNS);
  const hiddenCells: RawCell[] = [];
  let rowHidden = false;
  const isTrue = (value: string | undefined) => value === '1' || value === 'true';
  const quoted = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet.name) ? sheet.name : `'${sheet.name.replace(/'/g, "''")}'`;
  const refOf = (row: number, col: number) => `${quoted}!${columnName(col)}${row + 1}`;
  parseXml(xml, sheet.path, file, {
    open(tag: XmlTag) {
      switch (tag.name) {
        case 'row':
          rowNumber = Number(tag.attr('r') ?? rowNumber + 1);
          nextColumn = 0;
          rowHidden = isTrue(tag.attr('hidden')) || (isTrue(tag.attr('customHeight')) && Number(tag.attr('ht')) === 0);
          if (rowHidden) hiddenRows.add(rowNumber - 1);
          break;
        case 'col': {
          if (!isTrue(tag.attr('hidden')) && Number(tag.attr('width')) !== 0) break;
          const min = Math.max(1, Number(tag.attr('min')));
          const max = Math.min(MAX_COLUMNS, Number(tag.attr('max') ?? min));
          for (let c = min; c <= max; c++) hiddenColumns[c - 1] = 1;
          break;
        }
        case 'c': {
          const ref = parseRef(tag.attr('r') ?? '') ?? { row: rowNumber - 1, col: nextColumn };
          cell = { ref, type: tag.attr('t') ?? 'n', style: Number(tag.attr('s') ?? 0), value: '', inline: '' };
          nextColumn = ref.col + 1;
          break;
        }
        case 'v':
          reading = 'v';
          break;
        case 't':
          if (cell) reading = 't';
          break;
        case 'mergeCell': {
          const [from, to] = (tag.attr('ref') ?? '').split(':');
          const a = parseRef(from ?? '');
          const b = parseRef(to ?? from ?? '');
          if (a && b) merges.push({ top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) });
          break;
        }
      }
    },
    close(name: string) {
      if (name === 'v' || name === 't') reading = null;
      else if (name === 'c' && cell?.ref) {
        const text = cellText(cell, shared, formats);
        const { row, col } = cell.ref;
        const hidden = rowHidden || hiddenColumns[col] === 1;
        if (text == null && !hidden) {
          const code = formats[cell.style]?.code ?? '';
          throw new ReportParseError(file, `单元格 ${refOf(cell.ref.row, cell.ref.col)} 的数字格式“${code}”改变了所显示的数字，无法确定表上印的是多少（存储值 ${cell.value}）/ cell ${refOf(cell.ref.row, cell.ref.col)}: its number format “${code}” changes the number shown in a way that cannot be made certain (stored value ${cell.value})`);
        }
        // A cell of spaces shows nothing: it neither fills a row nor widens the grid.
        if (text != null && text.trim() !== '' && row < MAX_ROWS && col < MAX_COLUMNS) (hidden ? hiddenCells : cells).push({ row, col, text, ref: refOf(row, col) });
        cell = null;
      }
    },
    text(text: string) {
      if (reading === 'v') cell!.value += text;
      else cell!.inline += text;
    },
    wantText: () => cell != null && reading != null,
  });
  if (hiddenRows.size === 0 && hiddenColumns.indexOf(1) < 0) return placeCells(cells, merges, sheet, index, file, refOf, `${quoted}!`, hiddenRows);
  const visible = withoutHidden(cells, hiddenCells, merges, hiddenRows, hiddenColumns);
  return placeCells(visible.cells, visible.merges, sheet, index, file, (row, col) => refOf(row, visible.columnAt[col] ?? col), `${quoted}!`, hiddenRows);
}

/**
 * Hidden rows and columns are left out of the grid, as the printed table leaves them out: an
 * old indicator hidden under the 满意度 block is not an eleventh indicator. A hidden column's
 * cells go, and the columns right of it move left (each cell keeps its own `Sheet1!D7`); a
 * hidden row's cells go (placeCells never makes the row). A merge keeps the part still shown,
 * its text moved to that part's first row and column when its own first one is hidden.
 */
function withoutHidden(cells: RawCell[], hiddenCells: RawCell[], merges: Merge[], hiddenRows: Set<number>, hiddenColumns: Uint8Array) {
  const gridColumn = new Int32Array(MAX_COLUMNS).fill(-1);
  const columnAt: number[] = [];
  for (let c = 0; c < MAX_COLUMNS; c++) {
    if (hiddenColumns[c] === 1) continue;
    gridColumn[c] = columnAt.length;
    columnAt.push(c);
  }
  const shownCells: RawCell[] = cells.map((c) => ({ ...c, col: gridColumn[c.col] }));
  const hiddenText = new Map(hiddenCells.map((c) => [c.row * MAX_COLUMNS + c.col, c]));
  const shownMerges: Merge[] = [];
  for (const m of merges) {
    let top = m.top;
    let bottom = Math.min(m.bottom, MAX_ROWS - 1);
    let left = m.left;
    let right = Math.min(m.right, MAX_COLUMNS - 1);
    while (top <= bottom && hiddenRows.has(top)) top++;
    while (bottom >= top && hiddenRows.has(bottom)) bottom--;
    while (left <= right && hiddenColumns[left] === 1) left++;
    while (right >= left && hiddenColumns[right] === 1) right--;
    if (top > bottom || left > right) continue; // wholly hidden
    const own = hiddenText.get(m.top * MAX_COLUMNS + m.left);
    if (own && (top !== m.top || left !== m.left)) shownCells.push({ ...own, row: top, col: gridColumn[left] });
    shownMerges.push({ top, bottom, left: gridColumn[left], right: gridColumn[right] });
  }
  return { cells: shownCells, merges: shownMerges, columnAt };
}

/** How many grid slots a sheet may fill: far beyond any report (a few hundred rows by a few dozen columns). */
const MAX_SLOTS = 2_000_000;

type Merge = { top: number; left: number; bottom: number; right: number };

/**
 * A sheet's cells as grid rows, built sparsely: only rows that show something are made, and the
 * grid ends at the last row and column that hold text of their own. Trailing blank rows and
 * columns, cells holding only spaces, and the parts of a merge that reach beyond the last text
 * carry nothing, so they cost nothing: one stray cell far below or right of the table makes one
 * more row, not a grid of empty slots up to it. A sheet whose rows with text are so many and so
 * wide that they would fill millions of slots is no self-evaluation table, and is refused.
 */
function placeCells(cells: RawCell[], merges: Merge[], sheet: Sheet, index: number, file: string, refOf: (row: number, col: number) => string, prefix: string, hiddenRows: Set<number>): GridRow[] {
  let height = 0;
  let width = 0;
  // Loops, not Math.max(...list): a spread of a large sheet's cells overflows the call stack.
  for (const c of cells) {
    if (c.row >= height) height = c.row + 1;
    if (c.col >= width) width = c.col + 1;
  }
  if (height === 0 || width === 0) return [];
  const shown = new Uint8Array(height + 1); // rows with text of their own, then (by a running sum) those a merge of text reaches
  for (const c of cells) shown[c.row] = 1;
  const own = new Map<number, Cell>(); // by row * width + col
  for (const raw of cells) own.set(raw.row * width + raw.col, makeCell(raw.text, raw.row + 1, raw.ref));
  const kept: Merge[] = [];
  const reach = new Int32Array(height + 1);
  for (const m of merges) {
    if (m.top >= height || m.left >= width) continue;
    const clipped = { top: m.top, left: m.left, bottom: Math.min(m.bottom, height - 1), right: Math.min(m.right, width - 1) };
    kept.push(clipped);
    if (own.has(m.top * width + m.left)) {
      reach[clipped.top]++;
      reach[clipped.bottom + 1]--;
    }
  }
  let rowCount = 0;
  for (let r = 0, covering = 0; r < height; r++) {
    covering += reach[r];
    if (covering > 0 && !hiddenRows.has(r)) shown[r] = 1; // a merge of text shows in its rows that are not hidden
    rowCount += shown[r];
  }
  if (rowCount * width > MAX_SLOTS) {
    throw new ReportParseError(file, `工作表“${sheet.name}”有 ${rowCount} 行内容、${width} 列（到 ${refOf(height - 1, width - 1)}），远超一张自评表：不予读取 / the sheet “${sheet.name}” has ${rowCount} rows with text over ${width} columns (up to ${refOf(height - 1, width - 1)}), far more than a self-evaluation table: not read`);
  }
  const slotsOf = new Map<number, { slots: (Cell | undefined)[]; continued: boolean[] }>();
  for (let r = 0; r < height; r++) if (shown[r]) slotsOf.set(r, { slots: new Array<Cell | undefined>(width), continued: new Array<boolean>(width).fill(false) });
  for (const [key, cell] of own) slotsOf.get(Math.floor(key / width))!.slots[key % width] = cell;
  let work = 0;
  for (const m of kept) {
    const top = own.get(m.top * width + m.left) ?? emptyCell(m.top + 1, refOf(m.top, m.left));
    let hidden = 0;
    for (const r of hiddenRows) if (r >= m.top && r <= m.bottom) hidden++;
    top.rowSpan = m.bottom - m.top + 1 - hidden;
    top.colSpan = m.right - m.left + 1;
    for (let r = m.top; r <= m.bottom; r++) {
      const row = slotsOf.get(r);
      if (!row) continue;
      work += m.right - m.left + 1;
      if (work > MAX_SLOTS) throw new ReportParseError(file, `工作表“${sheet.name}”的合并单元格过多或互相重叠，不予读取 / the sheet “${sheet.name}” has too many or overlapping merged ranges: not read`);
      for (let c = m.left; c <= m.right; c++) {
        row.slots[c] = top;
        row.continued[c] = r !== m.top;
      }
    }
  }
  const rows: GridRow[] = [];
  for (const [r, row] of slotsOf) { // rows in order: they were added so
    const slots: Cell[] = [];
    let filled = false; // false when the row's only text lies under a merge that starts elsewhere (Excel shows the merge's own)
    for (let c = 0; c < width; c++) {
      const slot = row.slots[c] ?? emptyCell(r + 1, refOf(r, c));
      slots.push(slot);
      if (slot.compact !== '') filled = true;
    }
    if (filled) rows.push({ slots, continued: row.continued, line: r + 1, ref: `${prefix}${r + 1}:${r + 1}`, table: index, repair: null });
  }
  return rows;
}

function cellText(cell: { type: string; style: number; value: string; inline: string }, shared: string[], formats: ValueFormat[]): string | null {
  switch (cell.type) {
    case 's':
      return shared[Number(cell.value)] ?? '';
    case 'inlineStr':
      return cell.inline;
    case 'str':
    case 'e':
    case 'd':
      return cell.value;
    case 'b':
      return cell.value === '1' ? 'TRUE' : 'FALSE';
    default:
      return cell.value === '' ? '' : numberText(cell.value, formats[cell.style] ?? GENERAL);
  }
}
