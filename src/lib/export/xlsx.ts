/**
 * A minimal Excel workbook (.xlsx, Office Open XML): one sheet per table, a bold frozen header
 * row, column widths from the content, numbers as numbers and text as inline strings. Excel does
 * not evaluate an inline string when it opens the file, yet one that looks like a formula becomes
 * one when someone edits the cell or saves the sheet as CSV: headers and text are neutralized as
 * in the CSV export (neutralize.ts). Text longer than Excel's 32,767 characters per cell is cut
 * and ends with `…` (the CSV export holds it whole). Zipped with fflate's synchronous `zipSync`:
 * its asynchronous `zip` (which write-excel-file uses) starts Workers from blob: URLs, which the
 * site's CSP (`worker-src 'self'`) blocks, so large sheets would never finish. fflate is loaded
 * only when a workbook is written.
 */
import { headerCells, type ExportTable } from './export-table.ts';
import { neutralizeFormula } from './neutralize.ts';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Excel's limits: rows per sheet, characters per cell, characters per sheet name. */
const MAX_ROWS = 1_048_576;
const MAX_CELL_TEXT = 32_767;
const MAX_SHEET_NAME = 31;

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

// Characters XML 1.0 cannot hold at all (control characters other than TAB, LF, CR).
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

export const escapeXml = (text: string): string =>
  text.replace(INVALID_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A, B, …, Z, AA, AB, … */
export function columnLetter(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** Sheet names Excel accepts: no []:*?/\, at most 31 characters, unique (case-insensitive). */
export function sheetNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((raw, index) => {
    const base = raw.replace(/[[\]:*?/\\]/g, '_').replace(/^'+|'+$/g, '').trim().slice(0, MAX_SHEET_NAME) || `Sheet${index + 1}`;
    let name = base;
    for (let k = 2; used.has(name.toLowerCase()); k++) name = `${base.slice(0, MAX_SHEET_NAME - String(k).length - 1)}_${k}`;
    used.add(name.toLowerCase());
    return name;
  });
}

/** What ends a text cut to Excel's limit: the cell says that it holds less than the source. */
export const CUT_MARK = '…';

/**
 * Text within Excel's limit per cell, which counts UTF-16 code units (as a JS string does). A
 * longer text ends with CUT_MARK where it was cut, never between the halves of a surrogate pair
 * (an emoji, a rare CJK character), which alone would be no character at all.
 */
export function cutCellText(text: string): string {
  if (text.length <= MAX_CELL_TEXT) return text;
  let end = MAX_CELL_TEXT - CUT_MARK.length;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return text.slice(0, end) + CUT_MARK;
}

function cellXml(ref: string, value: unknown, style = ''): string {
  if (value == null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? `<c r="${ref}"${style}><v>${value}</v></c>` : '';
  if (typeof value === 'boolean') return `<c r="${ref}"${style} t="b"><v>${value ? 1 : 0}</v></c>`;
  const raw = typeof value === 'object' ? JSON.stringify(value) : String(value);
  // What XML cannot hold goes first, so that the guard sees the text as Excel will; the cut
  // comes before escaping, so that it never splits an entity.
  const text = escapeXml(cutCellText(neutralizeFormula(raw.replace(INVALID_XML, ''))));
  return `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${text}</t></is></c>`;
}

/** Display width of a text in Excel's character units: CJK characters take two. */
const textWidth = (text: string): number => [...text].reduce((sum, ch) => sum + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);

function columnWidths(table: ExportTable): number[] {
  const header = headerCells(table);
  return table.columns.map((column, k) => {
    let width = textWidth(header[k]);
    for (const row of table.rows.slice(0, 200)) {
      const value = row[column];
      if (value != null) width = Math.max(width, textWidth(typeof value === 'number' ? String(value) : String(value)));
    }
    return Math.min(60, Math.max(8, width + 2));
  });
}

export function sheetXml(table: ExportTable): string {
  if (table.rows.length + 1 > MAX_ROWS) throw new Error(`${table.name}: ${table.rows.length} rows exceed Excel's ${MAX_ROWS - 1} per sheet`);
  const letters = table.columns.map((_, k) => columnLetter(k));
  const header = headerCells(table).map((label, k) => cellXml(`${letters[k]}1`, label, ' s="1"')).join('');
  const rows = table.rows.map((row, r) =>
    `<row r="${r + 2}">${table.columns.map((column, k) => cellXml(`${letters[k]}${r + 2}`, row[column])).join('')}</row>`);
  const cols = columnWidths(table).map((width, k) => `<col min="${k + 1}" max="${k + 1}" width="${width}" customWidth="1"/>`).join('');
  return XML_HEAD +
    `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
    (cols ? `<cols>${cols}</cols>` : '') +
    `<sheetData><row r="1">${header}</row>${rows.join('')}</sheetData></worksheet>`;
}

const STYLES = XML_HEAD + `<styleSheet xmlns="${MAIN_NS}">` +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

/** The files inside the workbook, by path: XML text (pure, so tests can read it). */
export function workbookFiles(tables: readonly ExportTable[]): Record<string, string> {
  if (tables.length === 0) throw new Error('a workbook needs at least one table');
  const names = sheetNames(tables.map((table) => table.name));
  const files: Record<string, string> = {};
  const sheetType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
  files['[Content_Types].xml'] = XML_HEAD + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    tables.map((_, k) => `<Override PartName="/xl/worksheets/sheet${k + 1}.xml" ContentType="${sheetType}"/>`).join('') +
    '</Types>';
  files['_rels/.rels'] = XML_HEAD + `<Relationships xmlns="${PKG_REL_NS}">` +
    `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  files['xl/workbook.xml'] = XML_HEAD + `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets>` +
    names.map((name, k) => `<sheet name="${escapeXml(name)}" sheetId="${k + 1}" r:id="rId${k + 1}"/>`).join('') +
    '</sheets></workbook>';
  files['xl/_rels/workbook.xml.rels'] = XML_HEAD + `<Relationships xmlns="${PKG_REL_NS}">` +
    tables.map((_, k) => `<Relationship Id="rId${k + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${k + 1}.xml"/>`).join('') +
    `<Relationship Id="rId${tables.length + 1}" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`;
  files['xl/styles.xml'] = STYLES;
  tables.forEach((table, k) => (files[`xl/worksheets/sheet${k + 1}.xml`] = sheetXml(table)));
  return files;
}

/** The workbook as bytes (a zip archive). */
export async function xlsxBytes(tables: readonly ExportTable[]): Promise<Uint8Array> {
  const { zipSync, strToU8 } = await import('fflate');
  const files = workbookFiles(tables);
  return zipSync(Object.fromEntries(Object.entries(files).map(([path, text]) => [path, strToU8(text)])), { level: 6 });
}

export async function xlsxBlob(tables: readonly ExportTable[]): Promise<Blob> {
  const bytes = await xlsxBytes(tables);
  // A fresh ArrayBuffer-backed copy: Blob takes no views of shared memory.
  return new Blob([new Uint8Array(bytes)], { type: XLSX_MIME });
}
