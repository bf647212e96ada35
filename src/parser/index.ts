/**
 * The parser's public entry: bytes of one report file in, the four contract tables out.
 * Pure: no DOM, no node:*, no DuckDB, so the CLI and the browser's import share it.
 */
import { splitCells } from './cells.ts';
import { decodeReport, type TextEncoding } from './decode.ts';
import { buildReport } from './report.ts';
import { readTable } from './table.ts';
import { ReportParseError, type NormalizedTables } from './types.ts';

export { ReportParseError } from './types.ts';
export type * from './types.ts';

export interface ParsedReport extends NormalizedTables {
  encoding: TextEncoding;
}

/** The source file's stem, which is the report's stable id. */
export function reportIdOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return base.replace(/\.[^.]*$/, '');
}

export function parseReport(bytes: Uint8Array, fileName: string): ParsedReport {
  const file = fileName.split(/[\\/]/).pop() ?? fileName;
  const { text, encoding } = decodeReport(bytes, file);
  const { preamble, tokens, layout } = splitCells(text);
  if (layout === 'none') {
    const hint = /绩效自评表|一级指标|三级指标/.test(text)
      ? '找到了自评表的字样，但表格的单元格没有用 TAB 或 “|” 分隔（可能是空格分隔或一格一行），无法确定各列 / table words found but cells are not TAB- or |-separated: columns cannot be made certain'
      : '没有找到项目支出绩效自评表 / no self-evaluation table in this file';
    throw new ReportParseError(file, hint);
  }
  const table = readTable(tokens, file);
  const tables = buildReport({ reportId: reportIdOf(file), sourceFile: file, text, preamble, table });
  return { reports: tables.reports, budget_lines: tables.budget_lines, indicators: tables.indicators, findings: tables.findings, encoding };
}

/** Empty tables, to fold many reports into. */
export function emptyTables(): NormalizedTables {
  return { reports: [], budget_lines: [], indicators: [], findings: [] };
}
