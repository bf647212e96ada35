/**
 * The “current filtered data” export: the four tables restricted by the URL filters, checked
 * against counts worked out from the CSV files with papaparse.
 */
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_DATA_DIR } from '../../src/build/data-dir.ts';
import { openNodeDb, type NodeDb } from '../../src/build/node-db.ts';
import { filteredBudgetLines } from '../../src/queries/filtered-budget-lines.ts';
import { filteredFindings } from '../../src/queries/filtered-findings.ts';
import { filteredIndicators } from '../../src/queries/filtered-indicators.ts';
import { filteredReports } from '../../src/queries/filtered-reports.ts';
import type { Filters } from '../../src/queries/filters.ts';

type Row = Record<string, string>;
const readCsv = (table: string): Row[] =>
  Papa.parse<Row>(readFileSync(join(BUNDLED_DATA_DIR, `${table}.csv`), 'utf8'), { header: true, skipEmptyLines: true }).data;
const csv = { reports: readCsv('reports'), budget_lines: readCsv('budget_lines'), indicators: readCsv('indicators'), findings: readCsv('findings') };

let db: NodeDb;
beforeAll(async () => {
  db = await openNodeDb(BUNDLED_DATA_DIR);
});
afterAll(() => db?.close());

async function exported(filters: Filters) {
  return {
    reports: await db.query(filteredReports(filters)),
    budget_lines: await db.query(filteredBudgetLines(filters)),
    indicators: await db.query(filteredIndicators(filters)),
    findings: await db.query(filteredFindings(filters)),
  };
}

describe('filtered data queries', () => {
  it('without filters: every row of every table, with every column of the CSV and its origin', async () => {
    const all = await exported({});
    for (const table of ['reports', 'budget_lines', 'indicators', 'findings'] as const) {
      expect(all[table]).toHaveLength(csv[table].length);
      expect(Object.keys(all[table][0])).toEqual([...Object.keys(csv[table][0]), 'origin']);
      expect(new Set(all[table].map((row) => row.origin))).toEqual(new Set(['bundled']));
    }
    expect(all.indicators.slice(0, 2).map((row) => [row.report_id, row.seq])).toEqual([[csv.indicators[0].report_id, 1], [csv.indicators[0].report_id, 2]]);
  });

  it('a report filter (city) keeps that city’s reports and their rows in every table', async () => {
    const ids = new Set(csv.reports.filter((r) => r.city === '益阳市').map((r) => r.report_id));
    const data = await exported({ city: ['益阳市'] });
    expect(data.reports.map((r) => r.report_id)).toEqual([...ids]);
    expect(data.budget_lines).toHaveLength(csv.budget_lines.filter((b) => ids.has(b.report_id)).length);
    expect(data.indicators).toHaveLength(csv.indicators.filter((i) => ids.has(i.report_id)).length);
    expect(data.findings).toHaveLength(csv.findings.filter((f) => ids.has(f.report_id)).length);
    expect(data.budget_lines.map((b) => b.line)).toEqual(['total', 'appropriation', 'carryover', 'other']);
  });

  it('an indicator filter (status) keeps matching indicators, and the reports that have one', async () => {
    const missed = csv.indicators.filter((i) => i.status === 'not_met');
    const ids = new Set(missed.map((i) => i.report_id));
    const data = await exported({ status: ['not_met'] });
    expect(data.indicators.map((i) => i.level3)).toEqual(missed.map((i) => i.level3));
    expect(data.reports.map((r) => r.report_id)).toEqual([...ids].sort());
    expect(data.findings).toHaveLength(csv.findings.filter((f) => ids.has(f.report_id)).length);
  });

  it('report and indicator filters together', async () => {
    const zhuzhou = new Set(csv.reports.filter((r) => r.city === '株洲市').map((r) => r.report_id));
    const data = await exported({ city: ['株洲市'], level1: ['效益指标'] });
    expect(data.indicators).toHaveLength(csv.indicators.filter((i) => zhuzhou.has(i.report_id) && i.level1 === '效益指标').length);
    expect(data.indicators.every((i) => i.level1 === '效益指标')).toBe(true);
  });
});
