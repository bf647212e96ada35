/**
 * The figure queries that read the per-report aggregates (src/lib/db/dataset/aggregates.ts) give
 * what scanning the indicator and finding rows gives, on a generated dataset (npm run generate,
 * 1,200 reports: every status, 一级, merged groups, findings) under a sampled set of filter
 * combinations. The references below are the scans the aggregates replaced (issue 18 item 2),
 * written out here so that the two ways are computed independently.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeDb } from '../../src/build/node-db.ts';
import { openNodeDb } from '../../src/build/node-db.ts';
import { generate, parseArgs } from '../../src/cli/generate.ts';
import { citySummary } from '../../src/queries/city-summary.ts';
import { COMPARE_DIMENSIONS, compareMeasures } from '../../src/queries/compare-measures.ts';
import { filterOptions } from '../../src/queries/filter-options.ts';
import { FILTER_KEYS, indicatorCondition, reportCondition, reportOnlyCondition, type FilterKey, type Filters } from '../../src/queries/filters.ts';
import { findingsByCode } from '../../src/queries/findings-by-code.ts';
import { indicatorStatusByReport } from '../../src/queries/indicator-status-by-report.ts';
import { indicatorStatusCounts } from '../../src/queries/indicator-status-counts.ts';
import { overviewFigures } from '../../src/queries/overview-figures.ts';
import { fragment, sql, type Query, type SqlFragment } from '../../src/queries/query.ts';
import { reportList } from '../../src/queries/report-list.ts';
import { scoreRates } from '../../src/queries/score-rates.ts';

const root = path.resolve(import.meta.dirname, '../..');
let dir: string;
let db: NodeDb;
let combos: Filters[];

/** A report condition the old way: an EXISTS over the indicator rows. */
function scanningReportCondition(filters: Filters, alias = 'r'): SqlFragment {
  const reports = reportOnlyCondition(filters, alias);
  const indicators = indicatorCondition(filters, 'fi');
  return fragment(
    `(${reports.sql}) AND EXISTS (SELECT 1 FROM indicators fi WHERE fi.report_id = ${alias}.report_id AND ${indicators.sql})`,
    [...reports.params, ...indicators.params],
  );
}

const scanning = {
  reports: (f: Filters) => sql<{ report_id: string }>('ref-reports')`
    SELECT report_id FROM reports r WHERE ${scanningReportCondition(f)} ORDER BY report_id`,
  statusCounts: (f: Filters) => sql('ref-status-counts')`
    SELECT i.status, COUNT(*)::INTEGER AS indicators FROM indicators i JOIN reports r ON r.report_id = i.report_id
    WHERE ${reportOnlyCondition(f)} AND ${indicatorCondition(f)} GROUP BY i.status ORDER BY i.status`,
  statusByReport: (f: Filters) => sql('ref-status-by-report')`
    SELECT r.report_id, i.status, COUNT(*)::INTEGER AS indicators FROM indicators i JOIN reports r ON r.report_id = i.report_id
    WHERE ${reportOnlyCondition(f)} AND ${indicatorCondition(f)} GROUP BY ALL ORDER BY ALL`,
  indicatorOptions: (f: Filters, key: 'level1' | 'status') => {
    const others = { ...f, [key]: undefined };
    return sql('ref-indicator-options')`
      SELECT CAST(i.${key} AS VARCHAR) AS value, COUNT(*)::INTEGER AS rows FROM indicators i JOIN reports r ON r.report_id = i.report_id
      WHERE i.${key} IS NOT NULL AND ${reportOnlyCondition(others)} AND ${indicatorCondition(others)} GROUP BY 1 ORDER BY 1`;
  },
  findingsByCode: (f: Filters) => sql('ref-findings-by-code')`
    SELECT f.code, CASE MIN(CASE f.severity WHEN 'error' THEN 1 WHEN 'warning' THEN 2 WHEN 'info' THEN 3 ELSE 4 END)
        WHEN 1 THEN 'error' WHEN 2 THEN 'warning' ELSE 'info' END AS severity,
      COUNT(*)::INTEGER AS findings, COUNT(DISTINCT f.report_id)::INTEGER AS reports
    FROM findings f JOIN reports r ON r.report_id = f.report_id WHERE ${scanningReportCondition(f)}
    GROUP BY f.code ORDER BY findings DESC, f.code`,
  findingCounts: (f: Filters) => sql<{ report_id: string; findings: number; errors: number }>('ref-finding-counts')`
    SELECT r.report_id, COUNT(f.report_id)::INTEGER AS findings, COUNT(*) FILTER (WHERE f.severity = 'error')::INTEGER AS errors
    FROM reports r LEFT JOIN findings f ON f.report_id = r.report_id WHERE ${scanningReportCondition(f)} GROUP BY r.report_id ORDER BY r.report_id`,
  scoreRates: (f: Filters) => sql('ref-score-rates')`
    SELECT i.report_id, i.level1 AS category, SUM(i.weight) AS weight, SUM(i.score) AS score
    FROM indicators i JOIN reports r ON r.report_id = i.report_id
    WHERE i.level1 IS NOT NULL AND ${scanningReportCondition(f)} AND ${indicatorCondition({ level1: f.level1 })}
    GROUP BY ALL ORDER BY ALL`,
  compare: (f: Filters, dimension: string) => sql('ref-compare')`
    WITH scope AS (SELECT r.*, r.${dimension} AS label FROM reports r WHERE r.${dimension} IS NOT NULL AND ${scanningReportCondition(f)}),
    ind AS (
      SELECT s.label, COUNT(*)::INTEGER AS indicators,
        COUNT(*) FILTER (WHERE i.status = 'met')::INTEGER AS met, COUNT(*) FILTER (WHERE i.status = 'partial')::INTEGER AS partial,
        COUNT(*) FILTER (WHERE i.status = 'not_met')::INTEGER AS not_met, COUNT(*) FILTER (WHERE i.status = 'claimed')::INTEGER AS claimed,
        COUNT(*) FILTER (WHERE i.status = 'unknown' OR i.status IS NULL)::INTEGER AS unknown,
        SUM(i.score) FILTER (WHERE i.level1 = '产出指标' AND i.weight IS NOT NULL) / NULLIF(SUM(i.weight) FILTER (WHERE i.level1 = '产出指标' AND i.score IS NOT NULL), 0) AS rate_output,
        SUM(i.score) FILTER (WHERE i.level1 = '效益指标' AND i.weight IS NOT NULL) / NULLIF(SUM(i.weight) FILTER (WHERE i.level1 = '效益指标' AND i.score IS NOT NULL), 0) AS rate_outcome,
        SUM(i.score) FILTER (WHERE i.level1 = '满意度指标' AND i.weight IS NOT NULL) / NULLIF(SUM(i.weight) FILTER (WHERE i.level1 = '满意度指标' AND i.score IS NOT NULL), 0) AS rate_satisfaction
      FROM indicators i JOIN scope s ON s.report_id = i.report_id WHERE ${indicatorCondition(f)} GROUP BY s.label
    ),
    fin AS (SELECT s.label, COUNT(*)::INTEGER AS findings, COUNT(*) FILTER (WHERE f.severity = 'error')::INTEGER AS errors FROM findings f JOIN scope s ON s.report_id = f.report_id GROUP BY s.label)
    SELECT l.label, COALESCE(ind.indicators, 0) AS indicators, COALESCE(met, 0) AS met, COALESCE(partial, 0) AS partial, COALESCE(not_met, 0) AS not_met,
      COALESCE(claimed, 0) AS claimed, COALESCE(unknown, 0) AS unknown, rate_output, rate_outcome, rate_satisfaction,
      COALESCE(fin.findings, 0) AS findings, COALESCE(fin.errors, 0) AS errors
    FROM (SELECT DISTINCT label FROM scope) l LEFT JOIN ind ON ind.label = l.label LEFT JOIN fin ON fin.label = l.label ORDER BY l.label`,
};

/** Rows equal, numbers to 1e-9 relative (sums of sums may round in another order). */
function expectSameRows(actual: readonly unknown[], expected: readonly unknown[], what: string): void {
  expect(actual.length, what).toBe(expected.length);
  actual.forEach((row, i) => {
    const other = expected[i] as Record<string, unknown>;
    for (const [key, value] of Object.entries(other)) {
      const mine = (row as Record<string, unknown>)[key];
      if (typeof value === 'number' && typeof mine === 'number' && !Number.isInteger(value)) {
        expect(Math.abs(mine - value), `${what} row ${i} ${key}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(value)));
      } else expect(mine, `${what} row ${i} ${key}`).toEqual(value);
    }
  });
}

const pick = <T extends object>(rows: readonly T[], keys: readonly (keyof T)[]) => rows.map((row) => Object.fromEntries(keys.map((k) => [k, row[k]])));
/** Code-point order, as DuckDB's ORDER BY without ICU. */
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byLabel = <T extends { label: string | null }>(rows: T[]) => [...rows].sort((a, b) => byCodePoint(String(a.label), String(b.label)));
const run = <T>(q: Query<T>) => db.query(q);

/** A small seeded generator, so that the sampled combinations are the same on every run. */
function sampler(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state % n;
  };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'aggregate-queries-'));
  await generate(parseArgs(['--reports', '1200', '--seed', '7', '--format', 'csv', '--out', dir], root), () => {});
  db = await openNodeDb(path.join(dir, 'current'));
  const options = await db.query(filterOptions());
  const values = (key: FilterKey): (string | number)[] => options.filter((o) => o.dimension === key).map((o) => (key === 'year' ? Number(o.value) : o.value));
  const random = sampler(18);
  // Filters' values as the URL layer gives them: years as numbers, the rest as text.
  const some = (key: FilterKey, n: number): never[] => {
    const all = values(key);
    return [...new Set(Array.from({ length: n }, () => all[random(all.length)]))] as never[];
  };
  combos = [
    {},
    { level1: some('level1', 1) },
    { status: ['not_met'] },
    { status: ['claimed', 'partial'] },
    { level1: some('level1', 1), status: ['not_met'] },
    { city: some('city', 1), status: ['partial'] },
    { year: some('year', 1), level1: some('level1', 2) },
  ];
  for (let i = 0; i < 17; i++) {
    const keys = new Set(Array.from({ length: 1 + random(3) }, () => FILTER_KEYS[random(FILTER_KEYS.length)]));
    combos.push(Object.fromEntries([...keys].map((key) => [key, some(key, 1 + random(2))])) as Filters);
  }
}, 180_000);

afterAll(async () => {
  db?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('queries over the per-report aggregates equal the scans of indicators and findings', () => {
  it('keeps the same reports under each filter combination, and the combinations keep some', async () => {
    let nonEmpty = 0;
    for (const f of combos) {
      const kept = await run(sql<{ report_id: string }>('reports')`SELECT report_id FROM reports r WHERE ${reportCondition(f)} ORDER BY report_id`);
      expect(kept, JSON.stringify(f)).toEqual(await run(scanning.reports(f)));
      if (kept.length > 0) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThan(combos.length / 2);
  });

  it('counts indicators by status, by report × status and in the 一级/status filter lists alike', async () => {
    for (const f of combos) {
      const what = JSON.stringify(f);
      const counts = await run(indicatorStatusCounts(f));
      expectSameRows([...counts].sort((a, b) => byCodePoint(String(a.status), String(b.status))), await run(scanning.statusCounts(f)), `status counts ${what}`);
      expectSameRows(pick(await run(indicatorStatusByReport(f)), ['report_id', 'status', 'indicators']), await run(scanning.statusByReport(f)), `by report ${what}`);
      const options = await run(filterOptions(f));
      for (const key of ['level1', 'status'] as const) {
        expectSameRows(pick(options.filter((o) => o.dimension === key), ['value', 'rows']), await run(scanning.indicatorOptions(f, key)), `${key} options ${what}`);
      }
    }
  });

  it('counts findings by code and per report, and in the overview, alike', async () => {
    for (const f of combos) {
      const what = JSON.stringify(f);
      expectSameRows(await run(findingsByCode(f)), await run(scanning.findingsByCode(f)), `by code ${what}`);
      const perReport = await run(scanning.findingCounts(f));
      expectSameRows(pick(await run(reportList(f)), ['report_id', 'findings', 'errors']), perReport, `report list ${what}`);
      const [figures] = await run(overviewFigures(f));
      expect(figures.findings, what).toBe(perReport.reduce((sum, r) => sum + r.findings, 0));
      const cities = await run(citySummary(f));
      expect(cities.reduce((sum, c) => sum + c.findings, 0), what).toBe(figures.findings);
    }
  });

  it('gives the same 一级 score rates and compare columns', async () => {
    for (const f of combos) {
      const what = JSON.stringify(f);
      const rates = (await run(scoreRates(f))).filter((row) => row.category !== 'budget');
      expectSameRows(pick(rates, ['report_id', 'category', 'weight', 'score']), await run(scanning.scoreRates(f)), `score rates ${what}`);
      for (const dimension of COMPARE_DIMENSIONS) {
        const columns = ['label', 'indicators', 'met', 'partial', 'not_met', 'claimed', 'unknown', 'rate_output', 'rate_outcome', 'rate_satisfaction', 'findings', 'errors'] as const;
        expectSameRows(pick(byLabel(await run(compareMeasures(dimension, f))), [...columns]), await run(scanning.compare(f, dimension)), `compare ${dimension} ${what}`);
      }
    }
  }, 60_000);
});
