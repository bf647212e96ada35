/**
 * The reading half of an import, pure and run in a worker: report files go through the same
 * parser as the CLI (parseReport), contract CSV files and workbooks are checked row by row, then
 * the files are checked together (a report twice, rows of a report the import lacks). The rows
 * leave as the four contract tables in CSV chunks in the CLI's format (a chunk of 20,000 rows at a
 * time, as they are read, to a sink: the page loads each into DuckDB and IndexedDB before the
 * next is read), or as four whole CSV texts without a sink. Any problem throws ImportFailedError
 * with all of them: the import loads nothing (the page drops the chunks it took).
 */
import { parseReportFile, ReportParseError } from '../../parser/index.ts';
import { sniffFile } from '../../parser/readers/sniff.ts';
import { workbookSheetNames } from '../../parser/readers/xlsx.ts';
import { TABLE_NAMES, type TableName } from '../../parser/types.ts';
import { toCsv } from '../csv.ts';
import { completeRules } from './complete-rules.ts';
import { contractColumnName, tableOfSheetName } from '../column-labels.ts';
import { knownColumns, tableOfCsv, type ContractRow } from './contract-rows.ts';
import { ImportFailedError, ProblemList } from './import-problem.ts';
import { CSV_SLICE_BYTES, readContractCsv, readCsvHeaderCells, type ImportInput } from './read-csv.ts';
import { readContractWorkbook } from './read-xlsx.ts';
import { fileKindOf, type ImportFileKind } from './file-kind.ts';

export { fileKindOf, type ImportFileKind };

export type { ImportInput };

export interface ImportedFile {
  name: string;
  kind: ImportFileKind;
  /** Reports the file brings (0 for a CSV of indicators, say). */
  reports: number;
  /** Rows of all tables the file brings. */
  rows: number;
}

export interface PreparedImport {
  files: ImportedFile[];
  counts: Record<TableName, number>;
  /** report_id → the file it came from, to name it in later messages. */
  reportFiles: Record<string, string>;
}

/** An import read whole: each table as contract CSV (header = SCHEMA columns, as the CLI writes it). */
export interface WholeImport extends PreparedImport {
  csv: Record<TableName, string>;
}

/** Files done of all, the file being read, and for a large one the bytes read of it. */
export type ImportProgress = (done: number, total: number, file: string, bytes?: { read: number; size: number }) => void;

/** Rows of one table as contract CSV (its header line, then the rows), on their way to DuckDB. */
export interface TableChunk {
  table: TableName;
  csv: string;
  rows: number;
}

/** Takes each chunk as it is ready; the reading waits for it (the page loads it into DuckDB). */
export type ChunkSink = (chunk: TableChunk) => Promise<void>;

export const CHUNK_ROWS = 20_000;

/**
 * The rows of the four tables, passed on in chunks of `chunkRows` or, when `hold` is set, kept
 * until finish(): rows written before 复核 need all of a report's rows to be completed
 * (complete-rules.ts), and so such an import is held in memory as it was before streaming.
 */
class ChunkedTables {
  readonly counts = Object.fromEntries(TABLE_NAMES.map((table) => [table, 0])) as Record<TableName, number>;
  private readonly pending = Object.fromEntries(TABLE_NAMES.map((table) => [table, []])) as unknown as Record<TableName, ContractRow[]>;

  constructor(private readonly sink: ChunkSink, private readonly chunkRows: number, private readonly hold: boolean) {}

  async add(table: TableName, rows: readonly ContractRow[]): Promise<void> {
    const pending = this.pending[table];
    for (const row of rows) pending.push(row);
    this.counts[table] += rows.length;
    if (!this.hold && pending.length >= this.chunkRows) await this.flush(table);
  }

  /** Passes on the full chunks of `table`'s rows (every row, at the end), keeping the rest. */
  private async flush(table: TableName, all = false): Promise<void> {
    const pending = this.pending[table];
    let start = 0;
    for (; pending.length - start >= this.chunkRows || (all && start < pending.length); start += this.chunkRows) {
      const rows = pending.slice(start, start + this.chunkRows);
      await this.sink({ table, csv: toCsv(rows, knownColumns(table)), rows: rows.length });
    }
    pending.splice(0, start);
  }

  async finish(): Promise<void> {
    if (this.hold) completeRules(this.pending.reports, this.pending.indicators);
    for (const table of TABLE_NAMES) await this.flush(table, true);
  }
}

/** Joins chunks back into one CSV text per table (what prepareImport returns without a sink). */
function collectingSink(): { sink: ChunkSink; csv: Record<TableName, string> } {
  const parts = Object.fromEntries(TABLE_NAMES.map((table) => [table, [] as string[]])) as Record<TableName, string[]>;
  const csv = {} as Record<TableName, string>;
  const sink: ChunkSink = async ({ table, csv: text }) => {
    // Every chunk starts with the header line: the first one keeps it.
    parts[table].push(parts[table].length === 0 ? text : text.slice(text.indexOf('\r\n') + 2));
  };
  Object.defineProperties(csv, Object.fromEntries(TABLE_NAMES.map((table) => [table, {
    enumerable: true,
    get: () => (parts[table].length === 0 ? toCsv([], knownColumns(table)) : parts[table].join('')),
  }])));
  return { sink, csv };
}

/** Where each report came from, and the first row of each (file, report) among the other tables. */
class Origins {
  readonly reports: { id: string; file: string; line?: number }[] = [];
  readonly children = new Map<string, { file: string; line?: number; id: string }>();

  add(table: TableName, file: string, rows: readonly ContractRow[], lines?: readonly number[]): void {
    rows.forEach((row, index) => {
      const id = String(row.report_id);
      const line = lines?.[index];
      if (table === 'reports') this.reports.push({ id, file, line });
      else {
        const key = `${file}\u0000${id}`;
        if (!this.children.has(key)) this.children.set(key, { file, line, id });
      }
    });
  }
}

/** Reads and checks `inputs`; the tables come back whole, as CSV texts (tests, the CLI-like uses). */
export async function prepareImport(inputs: readonly ImportInput[], onProgress?: ImportProgress): Promise<WholeImport> {
  const { sink, csv } = collectingSink();
  return { ...(await readImport(inputs, sink, true, onProgress, {})), csv };
}

/**
 * Reads and checks `inputs`, handing the rows to `sink` a chunk at a time as they are read (the
 * page): memory stays that of a chunk whatever the size of the files.
 */
export async function streamImport(inputs: readonly ImportInput[], sink: ChunkSink, onProgress?: ImportProgress,
  sizes: ReadSizes = {}): Promise<PreparedImport> {
  return readImport(inputs, sink, await needsCompletion(inputs), onProgress, sizes);
}

/** Rows per chunk handed on, and bytes per slice of a CSV file read (smaller in tests). */
export interface ReadSizes {
  chunkRows?: number;
  sliceBytes?: number;
}

async function readImport(inputs: readonly ImportInput[], sink: ChunkSink, hold: boolean, onProgress: ImportProgress | undefined,
  { chunkRows = CHUNK_ROWS, sliceBytes = CSV_SLICE_BYTES }: ReadSizes): Promise<PreparedImport> {
  const problems = new ProblemList();
  const tables = new ChunkedTables(sink, chunkRows, hold);
  const origins = new Origins();
  const files: ImportedFile[] = [];
  // Once a problem is found the import will load nothing: rows are no longer passed on.
  const accept = async (table: TableName, file: string, rows: readonly ContractRow[], lines?: readonly number[]) => {
    origins.add(table, file, rows, lines);
    if (problems.length === 0) await tables.add(table, rows);
  };
  for (const [index, input] of inputs.entries()) {
    onProgress?.(index, inputs.length, input.name);
    const named = fileKindOf(input.name);
    if (named === 'csv') {
      const result = await readContractCsv(input, problems, (table, rows, lines) => accept(table, input.name, rows, lines),
        (read, size) => onProgress?.(index, inputs.length, input.name, { read, size }), sliceBytes);
      files.push({ name: input.name, kind: 'csv', reports: result?.table === 'reports' ? result.rows : 0, rows: result?.rows ?? 0 });
      continue;
    }
    const bytes = await input.load();
    const kind = named === 'xlsx' && !isContractWorkbook(bytes, input.name) ? 'report' : named;
    if (kind === 'report') {
      await readReportFile(bytes, input.name, accept, files, problems, named === 'xlsx');
      continue;
    }
    const sheets = kind === 'xlsx' ? await readContractWorkbook(bytes, input.name, problems) : [];
    for (const sheet of sheets) await accept(sheet.table, sheet.file, sheet.rows, sheet.lines);
    files.push({
      name: input.name,
      kind,
      reports: sheets.reduce((sum, t) => sum + (t.table === 'reports' ? t.rows.length : 0), 0),
      rows: sheets.reduce((sum, t) => sum + t.rows.length, 0),
    });
  }
  onProgress?.(inputs.length, inputs.length, '');
  checkTogether(origins, problems);
  if (problems.length > 0) throw new ImportFailedError(problems.finish());
  await tables.finish();
  const reportFiles = Object.fromEntries(origins.reports.map(({ id, file }) => [id, file]));
  return { files, counts: tables.counts, reportFiles };
}

/**
 * Whether the import holds rows written before 复核 (a reports or indicators CSV without the rule
 * columns, or any contract workbook, which is read whole anyway): those are completed together at
 * the end (complete-rules.ts). Read from the CSV files' header lines.
 */
async function needsCompletion(inputs: readonly ImportInput[]): Promise<boolean> {
  for (const input of inputs) {
    const kind = fileKindOf(input.name);
    if (kind === 'xlsx') return true;
    if (kind !== 'csv') continue;
    const header = await readCsvHeaderCells(input);
    const table = tableOfCsv(input.name, header);
    if (!table) continue;
    const names = new Set(header.map((cell) => contractColumnName(table, cell.trim())));
    if (table === 'reports' && !names.has('rule_total_score')) return true;
    if (table === 'indicators' && !names.has('rule')) return true;
  }
  return false;
}

/**
 * A report file through the CLI's parser: one report for each self-evaluation table of it, and a
 * problem for each table it refuses (the import then loads nothing, as for any other problem).
 */
async function readReportFile(bytes: Uint8Array, name: string, accept: (table: TableName, file: string, rows: readonly ContractRow[]) => Promise<void>,
  files: ImportedFile[], problems: ProblemList, workbook = false): Promise<void> {
  let parsed: ReturnType<typeof parseReportFile>;
  try {
    parsed = parseReportFile(bytes, name);
  } catch (error) {
    // A workbook with no table of either kind: say both, since it could have been meant as either.
    if (workbook && error instanceof ReportParseError && /no self-evaluation table|no table in this file/.test(error.message)) {
      problems.add({ kind: 'noSheetsNorTable', file: name });
      return;
    }
    const message = error instanceof ReportParseError ? error.message : `${name}: ${(error as Error).message}`;
    problems.add({ kind: 'unreadable', file: name, found: message });
    return;
  }
  for (const refusal of parsed.refusals) problems.add({ kind: 'unreadable', file: name, found: refusal.message });
  for (const report of parsed.reports) {
    for (const table of TABLE_NAMES) await accept(table, name, report[table] as unknown as ContractRow[]);
  }
  const rows = parsed.reports.reduce((sum, report) => sum + TABLE_NAMES.reduce((n, table) => n + report[table].length, 0), 0);
  files.push({ name, kind: 'report', reports: parsed.reports.length, rows });
}

/**
 * A workbook of the contract's tables (a sheet named reports, indicators…, as the export writes
 * it), or a self-evaluation table kept as a sheet: the sheets' names tell.
 */
function isContractWorkbook(bytes: Uint8Array, name: string): boolean {
  try {
    if (sniffFile(bytes, name) === 'docx') return false; // a Word file named .xlsx: a report, read as Word
    return workbookSheetNames(bytes, name).some((sheet) => tableOfSheetName(sheet) !== null);
  } catch {
    return true; // not a readable workbook: the workbook reader names the problem
  }
}

/** A report twice in the import, and rows that belong to no report of the import. */
function checkTogether(origins: Origins, problems: ProblemList): void {
  const first = new Map<string, { file: string; line?: number }>();
  for (const origin of origins.reports) {
    const earlier = first.get(origin.id);
    if (earlier) {
      const other = earlier.line != null ? `${earlier.file}:${earlier.line}` : earlier.file;
      problems.add({ kind: 'duplicateInImport', file: origin.file, line: origin.line, found: origin.id, expected: other });
    } else first.set(origin.id, origin);
  }
  // One message per report and file, at its first row.
  for (const child of origins.children.values()) {
    if (first.has(child.id)) continue;
    problems.add({ kind: 'orphan', file: child.file, line: child.line, found: child.id });
  }
}
