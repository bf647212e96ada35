/**
 * The overview's key figures computed straight from the CSV files with papaparse: an
 * independent check of what DuckDB and the query modules show.
 */
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type Row = Record<string, string>;

/** The rows of `${dir}/${table}.csv`, keyed by the header line, blank lines skipped. */
export const readCsv = (dir: string, table: string): Row[] =>
  Papa.parse<Row>(readFileSync(join(dir, `${table}.csv`), 'utf8'), { header: true, skipEmptyLines: true }).data;

const num = (text: string | undefined): number | null => (text == null || text.trim() === '' ? null : Number(text));
const sum = (values: (number | null)[]): number => values.reduce<number>((total, v) => total + (v ?? 0), 0);

export interface ExpectedFigures {
  reports: number;
  cities: number;
  funds: number;
  budgetInitial: number;
  budgetAdjusted: number;
  executed: number;
  meanScore: number;
  findings: number;
}

export function expectedFigures(dir: string, keep: (report: Row) => boolean = () => true): ExpectedFigures {
  const reports = readCsv(dir, 'reports').filter(keep);
  const ids = new Set(reports.map((r) => r.report_id));
  const scores = reports.map((r) => num(r.total_score)).filter((v): v is number => v != null);
  return {
    reports: reports.length,
    cities: new Set(reports.map((r) => r.city).filter(Boolean)).size,
    funds: new Set(reports.map((r) => r.fund).filter(Boolean)).size,
    budgetInitial: sum(reports.map((r) => num(r.budget_initial))),
    budgetAdjusted: sum(reports.map((r) => num(r.budget_adjusted))),
    executed: sum(reports.map((r) => num(r.executed))),
    meanScore: sum(scores) / scores.length,
    findings: readCsv(dir, 'findings').filter((f) => ids.has(f.report_id)).length,
  };
}

/** The distinct non-blank values of a reports column, for the reports `keep` lets through. */
export const reportValues = (dir: string, column: string, keep: (report: Row) => boolean = () => true): string[] =>
  [...new Set(readCsv(dir, 'reports').filter(keep).map((r) => r[column]).filter(Boolean))].sort();

export const firstCity = (dir: string): string => readCsv(dir, 'reports').map((r) => r.city).filter(Boolean).sort().at(-1)!;
