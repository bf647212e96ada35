/**
 * Where the self-evaluation tables of a document are. Every row is classified by its header
 * words; a table begins at its title, header fields, budget block or indicator header, and
 * ends at its 总分 row, at a row after the table proper (评价结论, 项目负责人), or where the next
 * table begins. A document may hold several tables (one report each), and one table may run
 * over several physical tables (a Word table split at a page).
 */
import { ownCells, rowCells, type GridDocument } from '../grid.ts';
import { classifyRow, indicatorHeaderWords, looksLikeIndicatorRow, type RowKind } from './classify.ts';
import { DICTIONARY, type NotProjectReport } from './dictionary.ts';
import headers from './headers.json';

export interface Region {
  /** Rows [start, end) of the document. */
  start: number;
  end: number;
  /** Set when the table is of a kind that is not a project report (a department's whole spending, a target declaration). */
  notProject: { kind: NotProjectReport; words: string; line: number; ref: string } | null;
  /** Set when the table goes on in another physical table of another width: its columns cannot be lined up. */
  broken?: { line: number; ref: string; table: number; width: number; was: number };
  /** The lines just before the table and its title rows: what its title and year are read from. */
  preamble: { text: string; line: number; ref: string }[];
}

const OPENS: ReadonlySet<RowKind> = new Set(['title', 'field', 'budgetHeader', 'indicatorHeader', 'goals']);
const NOT_PROJECT_WORDS = Object.entries(headers.notProjectReports).flatMap(([kind, words]) =>
  words.map((word) => ({ kind: kind as NotProjectReport, word })));
/** The words long enough to name a form inside a title cell (部门整体支出绩效自评表…). */
const TITLE_WORDS = NOT_PROJECT_WORDS.filter(({ word }) => word.length >= 8);

export function classifyRows(doc: GridDocument): RowKind[] {
  return doc.rows.map((row) => row.kind ?? classifyRow(ownCells(row)));
}

interface OpenTable {
  start: number;
  budget: boolean;
  /** Row of the indicator header, -1 before it. */
  indicators: number;
  fields: boolean;
  goals: boolean;
  broken?: Region['broken'];
}

/** Whether a row that can open a table begins another one than the table open before it. */
function startsAnother(kinds: RowKind[], open: OpenTable, i: number): boolean {
  switch (kinds[i]) {
    // A header repeated at a page break, or over the next goal block, is the same table; one with
    // other columns inside a table not yet closed by its 总分 is refused with the table, not read apart.
    case 'indicatorHeader': return false;
    case 'budgetHeader': return open.budget || open.indicators >= 0;
    case 'field': return (open.budget || open.goals || open.indicators >= 0) && kinds[i - 1] !== 'field';
    // A second title before any part of the table (a list of the tables, then the first table's own title): the table starts there.
    case 'title': return true;
    case 'goals': return open.goals || open.indicators >= 0;
    default: return false;
  }
}

export function locateTables(doc: GridDocument, kinds: RowKind[]): Region[] {
  const regions: { start: number; end: number; broken?: Region['broken'] }[] = [];
  let open: OpenTable | null = null;
  const close = (end: number) => {
    if (open) regions.push({ start: open.start, end, ...(open.broken ? { broken: open.broken } : {}) });
    open = null;
  };
  for (let i = 0; i < doc.rows.length; i++) {
    const kind = kinds[i];
    const table: OpenTable | null = open;
    if (table && table.indicators >= 0 && doc.rows[i].table !== doc.rows[i - 1].table) {
      // A new physical table after the indicator rows (a table split at a page, or converted page by
      // page): the same table when it goes on with rows or repeats the header. As wide, it is read
      // on; of another width, its columns cannot be lined up with the header's, and the table is
      // refused whole rather than read in part.
      const row = doc.rows[i];
      const sameWidth = row.slots.length === doc.rows[table.indicators].slots.length;
      const repeatsHeader = kind === 'indicatorHeader' && indicatorHeaderWords(ownCells(row)) === indicatorHeaderWords(ownCells(doc.rows[table.indicators]));
      const goesOn = repeatsHeader || (kind === 'other' && (sameWidth || looksLikeIndicatorRow(ownCells(row))));
      if (!goesOn) close(i);
      else if (!sameWidth) table.broken ??= { line: row.line, ref: row.ref, table: row.table + 1, width: row.slots.length, was: doc.rows[table.indicators].slots.length };
    }
    if (OPENS.has(kind)) {
      if (open && startsAnother(kinds, open, i)) close(i);
      const now: OpenTable = open ?? { start: i, budget: false, indicators: -1, fields: false, goals: false };
      open = now;
      if (kind === 'budgetHeader') now.budget = true;
      if (kind === 'indicatorHeader' && now.indicators < 0) now.indicators = i;
      if (kind === 'field') now.fields = true;
      if (kind === 'goals') now.goals = true;
    } else if (kind === 'total' && open && (open as OpenTable).indicators >= 0 && !indicatorRowFollows(doc, kinds, i)) {
      close(i + 1); // rows after the table proper (评价结论, 项目负责人) may come before its 总分 (云南) or after it
    }
  }
  close(doc.rows.length);
  // A title or a field row alone (no block) is not a table.
  const tables = regions.filter((r) => kinds.slice(r.start, r.end).some((k) => k === 'budgetHeader' || k === 'indicatorHeader'));
  return tables.map((region, k) => {
    const preamble = preambleOf(doc, kinds, region, k === 0 ? 0 : tables[k - 1].end);
    return { ...region, preamble, notProject: notProjectOf(doc, kinds, region, preamble) };
  });
}

/**
 * A 总分 row with an indicator's row after it in the same physical table is not the table's end
 * (a 总分 printed under the header, a row out of order): the table reader refuses it whole.
 */
function indicatorRowFollows(doc: GridDocument, kinds: RowKind[], total: number): boolean {
  for (let j = total + 1; j < doc.rows.length && doc.rows[j].table === doc.rows[total].table; j++) {
    if (kinds[j] !== 'other') return false;
    const cells = ownCells(doc.rows[j]);
    if (cells.every((c) => c.compact === '')) continue;
    return looksLikeIndicatorRow(cells);
  }
  return false;
}

/** Paragraphs since the previous table, and the table's rows of one text before its first part (its title, its year). */
function preambleOf(doc: GridDocument, kinds: RowKind[], region: { start: number; end: number }, previousEnd: number): Region['preamble'] {
  const lines: Region['preamble'] = [];
  for (const p of doc.paragraphs) {
    if (p.beforeRow >= previousEnd && p.beforeRow <= region.start) lines.push({ text: p.text, line: p.line, ref: doc.format === 'docx' ? `¶${p.line}` : `L${p.line}` });
  }
  for (let i = previousEnd; i < region.end && i < doc.rows.length; i++) {
    if (kinds[i] !== 'title' && kinds[i] !== 'other') {
      if (i >= region.start) break;
      continue;
    }
    // A row of a few cells (`2022年度项目支出绩效自评表 | 部门：… | 公开14表`): its cells kept apart by ` | `, so that a title is read from one cell.
    const cells = ownCells(doc.rows[i]).filter((c) => c.text !== '');
    if (cells.length >= 1 && cells.length <= 3) lines.push({ text: cells.map((c) => c.text).join(' | '), line: cells[0].line, ref: cells[0].ref });
  }
  return lines.sort((a, b) => a.line - b.line);
}

const HEAD_ROWS = 6;
/** A title of a project's self-evaluation form. */
const PROJECT_TITLE = /项目(?:支出)?绩效(?:自评|自我评价)表/;
const TITLE_LENGTH = 80;

function notProjectOf(doc: GridDocument, kinds: RowKind[], region: { start: number; end: number }, preamble: Region['preamble']): Region['notProject'] {
  // The nearest title names the table: a line above it naming another form (a list of attachments) does not.
  const near = preamble.slice(-4).reverse();
  for (const { text, line, ref } of near) {
    if (text.length > TITLE_LENGTH) continue; // a title, not a paragraph of the narrative
    const compact = text.replace(/\s/g, '');
    const found = NOT_PROJECT_WORDS.find(({ word }) => compact.includes(word));
    if (found) return { kind: found.kind, words: found.word, line, ref };
    if (PROJECT_TITLE.test(compact)) break;
  }
  // Its title rows and header rows: a department's table names its own columns (年度主要任务…).
  for (let i = region.start; i < region.end; i++) {
    if (i - region.start >= HEAD_ROWS && kinds[i] === 'other') continue;
    for (const cell of rowCells(doc.rows[i])) {
      if (cell.compact.length > 40 || cell.compact.length < 3) continue;
      const kind = DICTIONARY.notProjectReport(cell.compact);
      const inTitle = cell.compact.length >= 8 ? TITLE_WORDS.find(({ word }) => cell.compact.includes(word)) : undefined;
      if (kind || inTitle) return { kind: kind ?? inTitle!.kind, words: cell.text, line: cell.line, ref: cell.ref };
    }
  }
  return null;
}
