/**
 * The parser's public entry: the bytes of one report file in, one report per
 * self-evaluation table out (the four contract tables), and a refusal with its cause for each
 * table that cannot be read with certainty.
 * Pure: no DOM, no node:*, no DuckDB, so the CLI and the browser's import share it.
 *
 * Stages: sniff the format → read it into a grid (readers/) → find the tables in the grid
 * (layout/locate.ts) → place each table's columns by their header words (layout/read-table.ts)
 * → build the contract rows and findings (report.ts) → check the placed table (layout/gate.ts).
 */
import { readDocument } from './readers/read-document.ts';
import { classifyRows, locateTables } from './layout/locate.ts';
import { readRegion } from './layout/read-table.ts';
import { checkPlacement } from './layout/gate.ts';
import { noTableError } from './layout/no-table.ts';
import { buildReport } from './report.ts';
import { documentText, refsOfLines } from './readers/document-text.ts';
import type { SourceFormat } from './grid.ts';
import { ReportParseError, type MessageLang, type NormalizedTables } from './types.ts';

export { ReportParseError } from './types.ts';
export type * from './types.ts';

export interface ParsedReport extends NormalizedTables {
  /** How the file was read: `utf-8`, `gb18030`, … for text and web pages; `docx`, `xlsx` for Office files. */
  encoding: string;
}

export interface ParsedFile {
  file: string;
  format: SourceFormat;
  encoding: string;
  /** One per table read, in the file's order. */
  reports: ParsedReport[];
  /** One per table that could not be read with certainty, with its cause and position. */
  refusals: ReportParseError[];
}

/** The source file's stem, which is the report's stable id (`stem#2` for the second table of a file). */
export function reportIdOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return base.replace(/\.[^.]*$/, '');
}

/**
 * Every self-evaluation table of a file. Throws ReportParseError when the file as a whole
 * cannot be read (not a format the parser knows, or no self-evaluation table in it).
 */
export interface ParseOptions {
  /** The language of `findings.message` (the code and `findings.params` say the same in every language); zh unless asked. */
  lang?: MessageLang;
}

export function parseReportFile(bytes: Uint8Array, fileName: string, { lang = 'zh' }: ParseOptions = {}): ParsedFile {
  const file = fileName.split(/[\\/]/).pop() ?? fileName;
  const doc = readDocument(bytes, file);
  const kinds = classifyRows(doc.grid);
  const regions = locateTables(doc.grid, kinds);
  if (regions.length === 0) throw noTableError(doc, file);
  const stem = reportIdOf(file);
  const body = doc.text ?? documentText(doc.grid);
  const reports: ParsedReport[] = [];
  const refusals: ReportParseError[] = [];
  regions.forEach((region, k) => {
    try {
      const table = readRegion(doc.grid, kinds, region, file);
      const reportId = regions.length > 1 ? `${stem}#${k + 1}` : stem;
      const tables = buildReport({
        reportId, sourceFile: file, text: body, preamble: region.preamble, table, narrative: regions.length === 1,
        format: doc.grid.format, tableRef: doc.grid.rows[region.start]?.ref ?? null, refOfLine: refsOfLines(doc.grid), encodingRepairs: doc.repairs, lang,
      });
      checkPlacement(tables, table, doc.grid, file);
      reports.push({ ...tables, encoding: doc.grid.encoding });
    } catch (error) {
      if (!(error instanceof ReportParseError)) throw error;
      refusals.push(regions.length > 1 ? withTableNumber(error, k + 1, regions.length) : error);
    }
  });
  return { file, format: doc.grid.format, encoding: doc.grid.encoding, reports, refusals };
}

/** `第 2 个自评表（共 3 个）` in a refusal of one table of several. */
function withTableNumber(error: ReportParseError, n: number, of: number): ReportParseError {
  const message = error.message.slice(error.message.indexOf(': ') + 2);
  return new ReportParseError(error.file, `第 ${n} 个自评表（共 ${of} 个）：${message.replace(' / ', ` / table ${n} of ${of}: `)}`, error.line, error.ref);
}

/**
 * A file expected to hold readable tables only: all its reports' rows together. Throws the
 * first refusal when a table of it cannot be read.
 */
export function parseReport(bytes: Uint8Array, fileName: string, options: ParseOptions = {}): ParsedReport {
  const parsed = parseReportFile(bytes, fileName, options);
  if (parsed.refusals.length > 0) throw parsed.refusals[0];
  if (parsed.reports.length === 1) return parsed.reports[0];
  const out: ParsedReport = { ...emptyTables(), encoding: parsed.encoding };
  for (const report of parsed.reports) {
    out.reports.push(...report.reports);
    out.budget_lines.push(...report.budget_lines);
    out.indicators.push(...report.indicators);
    out.findings.push(...report.findings);
  }
  return out;
}

/** Empty tables, to fold many reports into. */
export function emptyTables(): NormalizedTables {
  return { reports: [], budget_lines: [], indicators: [], findings: [] };
}
