/**
 * One file of the ingest, read and parsed into what the main thread needs of it: its rows as
 * CSV lines, its report ids (for the check across files), the line it prints and its refusals.
 * Runs in the worker threads (parse-worker.ts) and, with `--jobs 1`, in the main thread: the
 * same code, so the same bytes.
 */
import { readFile } from 'node:fs/promises';
import { parseReportFile, ReportParseError, type ParsedFile, type ParsedReport } from '../../parser/index.ts';
import type { MessageLang } from '../../parser/types.ts';
import { formatRows, type CsvRows } from '../csv-table-writer.ts';

export type FileOutcome =
  | {
      ok: true;
      /** The report ids of the tables read, in the file's order. */
      reportIds: string[];
      /** What the ✓ line says after the name (empty when no table was read). */
      summary: string;
      rows: CsvRows;
      /** The messages of the tables refused. */
      refusals: string[];
    }
  | { ok: false; message: string };

export async function parseFile(file: string, name: string, lang: MessageLang): Promise<FileOutcome> {
  try {
    return parseBytes(new Uint8Array(await readFile(file)), name, lang);
  } catch (error) {
    return failed(error, name);
  }
}

export function parseBytes(bytes: Uint8Array, name: string, lang: MessageLang): FileOutcome {
  try {
    const parsed = parseReportFile(bytes, name, { lang });
    return {
      ok: true,
      reportIds: parsed.reports.map((report) => report.reports[0].report_id),
      summary: parsed.reports.length > 0 ? describe(parsed) : '',
      rows: formatRows(parsed.reports),
      refusals: parsed.refusals.map((refusal) => refusal.message),
    };
  } catch (error) {
    return failed(error, name);
  }
}

function failed(error: unknown, name: string): FileOutcome {
  return { ok: false, message: error instanceof ReportParseError ? error.message : `${name}: ${(error as Error).message}` };
}

/** `15 indicators, 11 findings (utf-8)`, or per table for a file of several. */
function describe(parsed: ParsedFile): string {
  const count = (report: ParsedReport) => `${report.indicators.length} indicators, ${report.findings.length} findings`;
  const tables = parsed.reports.length + parsed.refusals.length;
  const what = parsed.reports.length === 1 && tables === 1 ? count(parsed.reports[0])
    : `${parsed.reports.length} of ${tables} tables read: ${parsed.reports.map((r) => `${r.reports[0].report_id} (${count(r)})`).join('; ')}`;
  return `${what} (${parsed.format === 'text' || parsed.format === 'pipe' || parsed.format === 'html' ? parsed.encoding : parsed.format})`;
}
