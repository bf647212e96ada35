/**
 * Web pages (.html/.htm saved from a 决算公开 or 绩效公开 site) → grid. Parsed with htmlparser2
 * (a real HTML tokenizer that closes the `<td>`/`<tr>`/`<p>` a page leaves open); every
 * `<table>` is a table (nested ones too, each its own), `rowspan`/`colspan` place its cells,
 * `<br>` and block elements break lines inside a cell, and text outside the tables becomes the
 * document's paragraphs. What the page hides (`hidden`, an inline `display:none`) is left out,
 * as the printed page leaves it out. A cell's `line` is the line of the page where it starts; its position
 * reads `T2.R7.C3 L123`. The page's encoding is its BOM, else its `<meta charset>`, else
 * UTF-8 when the bytes are valid UTF-8, else GB18030 (which reads GBK and GB2312).
 */
import { Parser } from 'htmlparser2';
import { emptyCell, makeCell, placeSpans, rowCells, type Cell, type GridDocument, type GridRow, type Paragraph } from '../grid.ts';
import { ReportParseError } from '../types.ts';

interface CellBuild {
  text: string;
  line: number;
  rowSpan: number;
  colSpan: number;
}

interface TableBuild {
  index: number;
  rows: { cells: CellBuild[]; line: number; hidden?: boolean }[];
}

/** Elements that end a line of text (inside a cell, a new line; outside, a new paragraph). */
const BLOCKS = new Set(['p', 'div', 'br', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'title', 'blockquote', 'pre', 'section', 'article', 'header', 'footer', 'center', 'dd', 'dt', 'hr', 'caption', 'tr']);
/**
 * An element the page does not show: the `hidden` attribute or an inline `display:none` (what a
 * stylesheet hides by class cannot be known without the stylesheet, and is read).
 */
const isHidden = (attributes: Record<string, string>) => 'hidden' in attributes || /(?:^|;)\s*display\s*:\s*none\b/i.test(attributes.style ?? '');

/** Elements whose content is not text of the page. */
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'textarea', 'select', 'svg', 'object']);

export function readHtml(bytes: Uint8Array, file: string): GridDocument {
  const { text, encoding } = decodeHtml(bytes, file);
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineAt = (index: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const rows: GridRow[] = [];
  const paragraphs: Paragraph[] = [];
  const tables: TableBuild[] = [];
  let tableCount = 0;
  let skipping = 0;
  // Hidden elements are left out with all they hold, as the browser leaves them out: a hidden
  // cell moves the cells after it left, a hidden row is no row. `depth` counts the open elements
  // (htmlparser2 closes every element it opens, void and implied ones too).
  let depth = 0;
  let hiddenAt = -1; // the depth of the outermost hidden element open, -1 when none is
  let outside = '';
  let outsideLine = 0;
  const openCell = (): CellBuild | null => {
    const table = tables[tables.length - 1];
    const row = table?.rows[table.rows.length - 1];
    return row?.cells[row.cells.length - 1] ?? null;
  };
  const flushOutside = () => {
    if (outside.trim() !== '') paragraphs.push({ text: outside.replace(/\s+/g, ' ').trim(), line: outsideLine, beforeRow: rows.length });
    outside = '';
  };
  const lineBreak = () => {
    if (tables.length) {
      const cell = openCell();
      if (cell && cell.text !== '' && !cell.text.endsWith('\n')) cell.text += '\n';
    } else flushOutside();
  };
  const parser: Parser = new Parser({
    onopentag(name, attributes) {
      depth++;
      if (hiddenAt < 0 && isHidden(attributes)) {
        hiddenAt = depth;
        // A hidden row still takes its place in the rows that cells merged from above reach down into.
        if (name === 'tr' && tables.length && !skipping) tables[tables.length - 1].rows.push({ cells: [], line: lineAt(parser.startIndex), hidden: true });
      }
      if (hiddenAt >= 0) return;
      if (SKIPPED.has(name)) skipping++;
      if (skipping) return;
      const line = lineAt(parser.startIndex);
      if (name === 'table') {
        if (!tables.length) flushOutside();
        tables.push({ index: tableCount++, rows: [] });
      } else if (name === 'tr' && tables.length) {
        const table = tables[tables.length - 1];
        table.rows.push({ cells: [], line });
      } else if ((name === 'td' || name === 'th') && tables.length) {
        const table = tables[tables.length - 1];
        if (!table.rows.length) table.rows.push({ cells: [], line });
        table.rows[table.rows.length - 1].cells.push({ text: '', line, rowSpan: span(attributes.rowspan), colSpan: span(attributes.colspan) });
      } else if (BLOCKS.has(name)) lineBreak();
    },
    onclosetag(name) {
      const inHidden = hiddenAt >= 0;
      if (hiddenAt === depth) hiddenAt = -1;
      depth--;
      if (inHidden) return;
      if (SKIPPED.has(name)) {
        skipping = Math.max(0, skipping - 1);
        return;
      }
      if (skipping) return;
      if (name === 'table' && tables.length) {
        const table = tables.pop()!;
        rows.push(...tableRows(table));
      } else if (BLOCKS.has(name) && !(tables.length && name === 'tr')) lineBreak(); // a row's end is no line of its last cell
    },
    ontext(data) {
      if (skipping || hiddenAt >= 0) return;
      if (tables.length) {
        const cell = openCell();
        if (cell) cell.text += data.replace(/[\r\n\t]+/g, ' ');
        return;
      }
      if (outside.trim() === '') outsideLine = lineAt(parser.startIndex);
      outside += data;
    },
  }, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true });
  parser.write(text);
  parser.end();
  while (tables.length) rows.push(...tableRows(tables.pop()!));
  flushOutside();
  return { format: 'html', encoding, spansKnown: true, rows, paragraphs, tableCount };
}

/** `rowspan`/`colspan` as the browser reads them: a whole number from 1; `0` or junk is 1. */
function span(value: string | undefined): number {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 1000) : 1;
}

function tableRows(table: TableBuild): GridRow[] {
  const t = table.index + 1;
  const built = table.rows.map((row, r) => {
    const cells: Cell[] = row.cells.map((build) => {
      const cell = makeCell(build.text.replace(/\u00a0/g, ' '), build.line, '');
      cell.rowSpan = build.rowSpan;
      cell.colSpan = build.colSpan;
      return cell;
    });
    return { cells, line: row.line, ref: `T${t}.R${r + 1} L${row.line}` };
  });
  const placed = placeSpans(built, table.index, (r, c) => emptyCell(built[r].line, `T${t}.R${r + 1}.C${c + 1} L${built[r].line}`));
  // A cell's grid column is known once the merges from the rows above are placed.
  placed.forEach((row, r) => {
    row.slots.forEach((cell, c) => {
      if (!row.continued[c] && (c === 0 || row.slots[c - 1] !== cell)) cell.ref = `T${t}.R${r + 1}.C${c + 1} L${cell.line}`;
    });
  });
  return table.rows.some((row) => row.hidden) ? withoutHiddenRows(placed, table) : placed;
}

/**
 * Hidden rows were placed with the others, so that the cells merged down across them cover the
 * right rows; now they go, and a merged cell spans the rows still shown.
 */
function withoutHiddenRows(placed: GridRow[], table: TableBuild): GridRow[] {
  const shown = placed.filter((_, r) => !table.rows[r].hidden);
  const rowsOf = new Map<Cell, number>();
  for (const row of shown) for (const cell of rowCells(row)) rowsOf.set(cell, (rowsOf.get(cell) ?? 0) + 1);
  for (const [cell, rows] of rowsOf) cell.rowSpan = rows;
  return shown;
}

const META_CHARSET = /<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_-]{2,20})/i;

/** Decodes a page by its BOM, its declared charset, or its bytes; a page that is neither is refused. */
export function decodeHtml(bytes: Uint8Array, file: string): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  let head = '';
  for (let i = 0; i < Math.min(bytes.length, 4096); i++) head += String.fromCharCode(bytes[i]);
  const declared = META_CHARSET.exec(head)?.[1]?.toLowerCase() ?? null;
  const label = declared && /^(gb2312|gbk|gb18030|x-gbk|cp936|euc-cn|hz-gb-2312)$/.test(declared) ? 'gb18030' : declared;
  if (label && label !== 'utf-8' && label !== 'utf8') {
    try {
      return { text: new TextDecoder(label).decode(bytes), encoding: label };
    } catch {
      // a charset the platform does not know: fall through to sniffing the bytes
    }
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    if (label === 'utf-8' || label === 'utf8') {
      throw new ReportParseError(file, '网页声明为 UTF-8，但内容不是有效的 UTF-8 / the page declares UTF-8 but its bytes are not valid UTF-8');
    }
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}
