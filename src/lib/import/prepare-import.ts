/**
 * The reading half of an import, pure and run in a worker: report files go through the same
 * parser as the CLI (parseReport), contract CSV files and workbooks are checked row by row, then
 * the files are checked together (a report twice, rows of a report the import lacks). The result
 * is the four contract tables as CSV text in the CLI's format, which DuckDB loads and IndexedDB
 * keeps. Any problem throws ImportFailedError with all of them: the import loads nothing.
 */
import { parseReportFile, ReportParseError } from '../../parser/index.ts';
import { sniffFile } from '../../parser/readers/sniff.ts';
import { workbookSheetNames } from '../../parser/readers/xlsx.ts';
import { SCHEMA } from '../../parser/schema.ts';
import { TABLE_NAMES, type TableName } from '../../parser/types.ts';
import { toCsv } from '../csv.ts';
import { completeRules } from './complete-rules.ts';
import { tableOfSheetName } from '../column-labels.ts';
import type { ContractRow } from './contract-rows.ts';
import { ImportFailedError, ProblemList } from './import-problem.ts';
import { readContractCsv, type CsvTable } from './read-csv.ts';
import { readContractWorkbook } from './read-xlsx.ts';
import { fileKindOf, type ImportFileKind } from './file-kind.ts';

export { fileKindOf, type ImportFileKind };

export interface ImportInput {
  name: string;
  load(): Promise<Uint8Array>;
}

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
  /** Each table as contract CSV (header = SCHEMA columns, as the CLI writes it). */
  csv: Record<TableName, string>;
  counts: Record<TableName, number>;
  /** report_id → the file it came from, to name it in later messages. */
  reportFiles: Record<string, string>;
}

export type ImportProgress = (done: number, total: number, file: string) => void;

interface Collected {
  rows: Record<TableName, ContractRow[]>;
  /** Where each report row came from, for duplicate messages. */
  reportOrigins: { id: string; file: string; line?: number }[];
  /** Child rows, by table, with the file and line they came from. */
  children: { file: string; line?: number; id: string }[];
}

export async function prepareImport(inputs: readonly ImportInput[], onProgress?: ImportProgress): Promise<PreparedImport> {
  const problems = new ProblemList();
  const collected: Collected = { rows: { reports: [], budget_lines: [], indicators: [], findings: [] }, reportOrigins: [], children: [] };
  const files: ImportedFile[] = [];
  for (const [index, input] of inputs.entries()) {
    onProgress?.(index, inputs.length, input.name);
    const bytes = await input.load();
    const kind = fileKindOf(input.name) === 'xlsx' && !isContractWorkbook(bytes, input.name) ? 'report' : fileKindOf(input.name);
    if (kind === 'report') {
      readReportFile(bytes, input.name, collected, files, problems, fileKindOf(input.name) === 'xlsx');
      continue;
    }
    const tables = kind === 'csv' ? [readContractCsv(bytes, input.name, problems)].filter((t): t is CsvTable => t !== null)
      : kind === 'xlsx' ? await readContractWorkbook(bytes, input.name, problems)
      : [];
    for (const table of tables) collect(collected, table);
    files.push({
      name: input.name,
      kind,
      reports: tables.reduce((sum, t) => sum + (t.table === 'reports' ? t.rows.length : 0), 0),
      rows: tables.reduce((sum, t) => sum + t.rows.length, 0),
    });
  }
  onProgress?.(inputs.length, inputs.length, '');
  checkTogether(collected, problems);
  if (problems.length > 0) throw new ImportFailedError(problems.finish());
  completeRules(collected.rows.reports, collected.rows.indicators);

  const csv = {} as Record<TableName, string>;
  const counts = {} as Record<TableName, number>;
  for (const table of TABLE_NAMES) {
    csv[table] = toCsv(collected.rows[table], SCHEMA[table].map((c) => c.name));
    counts[table] = collected.rows[table].length;
  }
  const reportFiles = Object.fromEntries(collected.reportOrigins.map(({ id, file }) => [id, file]));
  return { files, csv, counts, reportFiles };
}

/**
 * A report file through the CLI's parser: one report for each self-evaluation table of it, and a
 * problem for each table it refuses (the import then loads nothing, as for any other problem).
 */
function readReportFile(bytes: Uint8Array, name: string, collected: Collected, files: ImportedFile[], problems: ProblemList, workbook = false): void {
  try {
    const parsed = parseReportFile(bytes, name);
    for (const report of parsed.reports) {
      for (const table of TABLE_NAMES) collected.rows[table].push(...(report[table] as unknown as ContractRow[]));
      collected.reportOrigins.push({ id: report.reports[0].report_id, file: name });
    }
    for (const refusal of parsed.refusals) problems.add({ kind: 'unreadable', file: name, found: refusal.message });
    const rows = parsed.reports.reduce((sum, report) => sum + TABLE_NAMES.reduce((n, table) => n + report[table].length, 0), 0);
    files.push({ name, kind: 'report', reports: parsed.reports.length, rows });
  } catch (error) {
    // A workbook with no table of either kind: say both, since it could have been meant as either.
    if (workbook && error instanceof ReportParseError && /no self-evaluation table|no table in this file/.test(error.message)) {
      problems.add({ kind: 'noSheetsNorTable', file: name });
      return;
    }
    const message = error instanceof ReportParseError ? error.message : `${name}: ${(error as Error).message}`;
    problems.add({ kind: 'unreadable', file: name, found: message });
  }
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

function collect(collected: Collected, { table, file, rows, lines }: CsvTable): void {
  collected.rows[table].push(...rows);
  rows.forEach((row, index) => {
    const id = String(row.report_id);
    if (table === 'reports') collected.reportOrigins.push({ id, file, line: lines[index] });
    else collected.children.push({ file, line: lines[index], id });
  });
}

/** A report twice in the import, and rows that belong to no report of the import. */
function checkTogether({ reportOrigins, children }: Collected, problems: ProblemList): void {
  const first = new Map<string, { file: string; line?: number }>();
  for (const origin of reportOrigins) {
    const earlier = first.get(origin.id);
    if (earlier) {
      const other = earlier.line != null ? `${earlier.file}:${earlier.line}` : earlier.file;
      problems.add({ kind: 'duplicateInImport', file: origin.file, line: origin.line, found: origin.id, expected: other });
    } else first.set(origin.id, origin);
  }
  const named = new Set<string>(); // one message per report and file, at its first row
  for (const child of children) {
    const key = `${child.file}\u0000${child.id}`;
    if (first.has(child.id) || named.has(key)) continue;
    named.add(key);
    problems.add({ kind: 'orphan', file: child.file, line: child.line, found: child.id });
  }
}
