/**
 * Word .docx → grid. Reads word/document.xml as a stream of tags: paragraphs outside tables
 * become the document's paragraphs; every `w:tbl` (nested ones too, each its own table) becomes
 * rows of grid slots, with `w:gridSpan` (and the old `w:hMerge`) for cells merged across and
 * `w:vMerge` for cells merged down. A content control showing its placeholder (`w:showingPlcHdr`,
 * the grey 单击或点击此处输入文字。 of a template left unfilled) holds no text: its cell reads blank.
 * Every paragraph is numbered in document order, in cells too:
 * that number is a cell's `line`, and its position reads `T2.R5.C3 ¶45` (table, row and grid
 * column, 1-based).
 */
import { emptyCell, makeCell, type Cell, type GridDocument, type GridRow, type Paragraph } from '../grid.ts';
import { ReportParseError } from '../types.ts';
import { parseXml, readParts, type XmlTag } from './zip.ts';

interface CellBuild {
  text: string;
  firstParagraph: number;
  gridSpan: number;
  /** `restart` begins a cell merged down, `continue` carries on the one above. */
  vMerge: 'restart' | 'continue' | null;
  hMergeContinue: boolean;
}

interface TableBuild {
  index: number;
  rows: { cells: CellBuild[]; gridBefore: number }[];
}

/** Symbol-font characters (`w:sym`) that stand for comparison signs in targets. */
const SYMBOL_CHARS: Record<number, string> = { 0xb3: '≥', 0xa3: '≤', 0xb9: '≠', 0xbb: '≈', 0xb1: '±', 0xb4: '×', 0x3d: '=', 0x3e: '>', 0x3c: '<' };

/** Properties of runs, paragraphs, tables and sections, and cell borders: nothing read in them. */
const PROPERTIES = new Set(['w:rPr', 'w:pPr', 'w:tblPr', 'w:tblGrid', 'w:sectPr', 'w:tcBorders', 'w:tblPrEx', 'w:shd', 'w:tblStylePr']);

/** Tags whose content is not the document's text: deleted runs, field codes, alternate renderings, text boxes. */
const SKIPPED = new Set(['w:delText', 'w:instrText', 'mc:Fallback', 'w:txbxContent', 'w:del', 'w:moveFrom']);

export function readDocx(bytes: Uint8Array, file: string): GridDocument {
  const parts = readParts(bytes, file, (name) => name === 'word/document.xml', 'Word ');
  const xml = parts.get('word/document.xml');
  if (xml == null) throw new ReportParseError(file, '不是 Word 文档：缺少 word/document.xml / not a Word document: word/document.xml is missing');
  const rows: GridRow[] = [];
  const paragraphs: Paragraph[] = [];
  const tables: TableBuild[] = [];
  let tableCount = 0;
  let paragraph = 0;
  let outside = ''; // text of the paragraph open outside any table
  let outsideStart = 0;
  let skipping = 0;
  let inText = false;
  // Content controls (`w:sdt`) open now, innermost last: whether each shows its placeholder.
  const controls: { placeholder: boolean; showing: boolean }[] = [];
  let placeholders = 0; // how many of them are showing their placeholder text here
  const openCell = (): CellBuild | null => {
    const table = tables[tables.length - 1];
    const row = table?.rows[table.rows.length - 1];
    return row?.cells[row.cells.length - 1] ?? null;
  };
  const append = (text: string) => {
    if (placeholders > 0) return;
    const cell = tables.length ? openCell() : null;
    if (cell) cell.text += text;
    else if (!tables.length) outside += text;
  };
  parseXml(xml, 'word/document.xml', file, {
    skip: PROPERTIES,
    open(tag: XmlTag) {
      if (SKIPPED.has(tag.name)) skipping++;
      if (skipping) return;
      switch (tag.name) {
        case 'w:p': {
          paragraph++;
          const cell = tables.length ? openCell() : null;
          if (cell) {
            if (cell.firstParagraph === 0) cell.firstParagraph = paragraph;
            else cell.text += '\n';
          } else if (!tables.length) {
            outside = '';
            outsideStart = paragraph;
          }
          break;
        }
        case 'w:t':
          inText = true;
          break;
        case 'w:tab':
          append(' ');
          break;
        case 'w:br':
        case 'w:cr':
          append('\n');
          break;
        case 'w:sym': {
          const code = parseInt(tag.attr('w:char') ?? '', 16);
          if (Number.isFinite(code)) append(SYMBOL_CHARS[code & 0xff] ?? '');
          break;
        }
        case 'w:sdt':
          controls.push({ placeholder: false, showing: false });
          break;
        case 'w:showingPlcHdr': {
          const control = controls[controls.length - 1];
          if (control) control.placeholder = !/^(?:0|false|off)$/.test(tag.attr('w:val') ?? '');
          break;
        }
        case 'w:sdtContent': {
          const control = controls[controls.length - 1];
          if (control?.placeholder) {
            control.showing = true;
            placeholders++;
          }
          break;
        }
        case 'w:tbl':
          tables.push({ index: tableCount++, rows: [] });
          break;
        case 'w:tr':
          tables[tables.length - 1]?.rows.push({ cells: [], gridBefore: 0 });
          break;
        case 'w:gridBefore': {
          const table = tables[tables.length - 1];
          const row = table?.rows[table.rows.length - 1];
          if (row && !openCell()) row.gridBefore = clampSpan(tag.attr('w:val'));
          break;
        }
        case 'w:tc': {
          const table = tables[tables.length - 1];
          table?.rows[table.rows.length - 1]?.cells.push({ text: '', firstParagraph: 0, gridSpan: 1, vMerge: null, hMergeContinue: false });
          break;
        }
        case 'w:gridSpan': {
          const cell = openCell();
          if (cell) cell.gridSpan = clampSpan(tag.attr('w:val'));
          break;
        }
        case 'w:vMerge': {
          const cell = openCell();
          if (cell) cell.vMerge = tag.attr('w:val') === 'restart' ? 'restart' : 'continue';
          break;
        }
        case 'w:hMerge': {
          const cell = openCell();
          if (cell) cell.hMergeContinue = tag.attr('w:val') !== 'restart';
          break;
        }
      }
    },
    close(name: string) {
      if (SKIPPED.has(name)) {
        skipping--;
        return;
      }
      if (skipping) return;
      if (name === 'w:t') inText = false;
      else if (name === 'w:sdt') {
        if (controls.pop()?.showing) placeholders--;
      }
      else if (name === 'w:p' && !tables.length) {
        paragraphs.push({ text: outside, line: outsideStart, beforeRow: rows.length });
        outside = '';
      } else if (name === 'w:tbl') {
        const table = tables.pop()!;
        rows.push(...tableRows(table));
      }
    },
    text(text: string) {
      append(text);
    },
    wantText: () => inText && skipping === 0,
  });
  return { format: 'docx', encoding: 'docx', spansKnown: true, rows, paragraphs, tableCount };
}

function clampSpan(value: string | undefined): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, 64) : 1;
}

/** A table's rows as grid slots: a `continue` cell is the cell above it, in every slot it covers. */
function tableRows(table: TableBuild): GridRow[] {
  const t = table.index + 1;
  const grid: { slots: Cell[]; continued: boolean[]; line: number; ref: string; lengthGiven: number }[] = [];
  table.rows.forEach((row, r) => {
    const slots: Cell[] = [];
    const continued: boolean[] = [];
    let column = row.gridBefore;
    let lastOwn: Cell | null = null;
    const merged = new Set<Cell>(); // cells from the row above that reach down into this row
    for (const build of row.cells) {
      const ref = `T${t}.R${r + 1}.C${column + 1}`;
      let cell: Cell;
      let isContinued = false;
      const above = grid[r - 1]?.slots[column];
      if (build.hMergeContinue && lastOwn) {
        cell = lastOwn;
        cell.colSpan += build.gridSpan;
      } else if (build.vMerge === 'continue' && above) {
        cell = above;
        isContinued = true;
        if (!merged.has(cell)) cell.rowSpan++;
        merged.add(cell);
      } else {
        cell = makeCell(build.text, build.firstParagraph, build.firstParagraph ? `${ref} ¶${build.firstParagraph}` : ref);
        cell.colSpan = build.gridSpan;
        lastOwn = cell;
      }
      for (let k = 0; k < build.gridSpan; k++) {
        slots[column + k] = cell;
        continued[column + k] = isContinued;
      }
      column += build.gridSpan;
    }
    const first = slots.find((c) => c != null);
    grid.push({ slots, continued, line: first?.line ?? 0, ref: `T${t}.R${r + 1}`, lengthGiven: column });
  });
  const width = grid.reduce((w, row) => Math.max(w, row.slots.length), 0);
  return grid.map((row, r) => {
    const line = row.line || (grid[r - 1]?.line ?? 0);
    let padded = 0;
    for (let c = 0; c < width; c++) {
      if (!row.slots[c]) {
        row.slots[c] = emptyCell(line, `T${t}.R${r + 1}.C${c + 1}`);
        row.continued[c] = false;
      }
      padded = c >= row.lengthGiven ? padded + 1 : 0;
    }
    return { slots: row.slots, continued: row.continued, line, ref: row.ref, table: table.index, repair: null, padded };
  });
}
