/**
 * The findings view's queries against the fixture (test/db/fixtures/dash-data: 7 findings) and
 * the bundled data (data/: 47 findings). Expected figures were read off the CSV files by hand.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_DATA_DIR } from '../../src/build/data-dir.ts';
import { openNodeDb, type NodeDb } from '../../src/build/node-db.ts';
import { findingsCount } from '../../src/queries/findings-count.ts';
import { findingsFacets, type FindingsFacetRow } from '../../src/queries/findings-facets.ts';
import { findingsPage } from '../../src/queries/findings-page.ts';
import { findingsReports } from '../../src/queries/findings-reports.ts';
import { findingMessage } from '../../src/lib/findings/finding-message.ts';
import { openFixtureDb } from './helpers.ts';

const R000 = '000_4b75f8664dbcb524';
const R001 = '001_5411fd6863900e77';
const R002 = '002_d677b793e52480fc';
const R003 = '003_dc77c382bdb3a624';
const R004 = '004_2c93dbd2e0833d26';
const ALL = { pageIndex: 0, pageSize: 100 };

const facet = (rows: FindingsFacetRow[], name: 'code' | 'severity') =>
  rows.filter((r) => r.facet === name).map((r) => [r.value, r.findings]);

describe('findings queries (fixture)', () => {
  let db: NodeDb;
  beforeAll(async () => {
    db = await openFixtureDb();
  });
  afterAll(() => db?.close());

  it('counts every finding and the reports having one', async () => {
    expect(await db.query(findingsCount({}, {}))).toEqual([{ findings: 7, reports: 5 }]);
  });

  it('lists errors first by default, then by source file and line', async () => {
    const rows = await db.query(findingsPage({}, {}, [], ALL));
    expect(rows.map((r) => [r.report_id, r.code, r.line])).toEqual([
      [R001, 'TOTAL_SCORE_MISMATCH', 252],
      [R004, 'TOTAL_SCORE_MISMATCH', 261],
      [R001, 'FULL_SCORE_TARGET_MISSED', 120],
      [R002, 'BUDGET_ADJUSTED', 90],
      [R003, 'FIELD_MISSING', 43],
      [R004, 'DEDUCTION_WITHOUT_REASON', 200],
      [R000, 'BUDGET_POINTS_MISPLACED', 54],
    ]);
    expect(rows[0]).toMatchObject({ source_file: `${R001}.txt`, project: '企协专项', city: '株洲市', severity: 'error', field: 'declared_total_score' });
    expect(rows[0].expected).toBeNull(); // blank stays blank
    // A dataset of contract version 1 has no params: the message shows as stored, in either language.
    expect(rows[0].params).toBeNull();
    expect(findingMessage(rows[0], 'en')).toBe('总分与计算值不符。');
  });

  it('filters by code, severity and report (OR within one, AND across)', async () => {
    const mismatch = await db.query(findingsPage({}, { code: ['TOTAL_SCORE_MISMATCH'] }, [], ALL));
    expect(mismatch.map((r) => [r.report_id, r.line])).toEqual([[R001, 252], [R004, 261]]);
    expect(await db.query(findingsCount({}, { severity: ['warning'] }))).toEqual([{ findings: 4, reports: 4 }]);
    expect(await db.query(findingsCount({}, { severity: ['warning', 'info'] }))).toEqual([{ findings: 5, reports: 5 }]);
    const r004 = await db.query(findingsPage({}, { report: [R004] }, [{ id: 'line', desc: false }], ALL));
    expect(r004.map((r) => [r.code, r.line])).toEqual([['DEDUCTION_WITHOUT_REASON', 200], ['TOTAL_SCORE_MISMATCH', 261]]);
    expect(await db.query(findingsCount({}, { report: [R004], severity: ['error'] }))).toEqual([{ findings: 1, reports: 1 }]);
  });

  it('applies the dashboard filters through the report', async () => {
    expect(await db.query(findingsCount({ city: ['益阳市'] }, {}))).toEqual([{ findings: 1, reports: 1 }]);
    // not_met indicators only in 企协专项 (001) and 中小企业科专项 (004): 2 + 2 findings.
    expect(await db.query(findingsCount({ status: ['not_met'] }, {}))).toEqual([{ findings: 4, reports: 2 }]);
    const quoted = findingsCount({}, { code: ["X' OR '1'='1"] });
    expect(quoted.sql).not.toContain("'1'='1");
    expect(await db.query(quoted)).toEqual([{ findings: 0, reports: 0 }]);
  });

  it('sorts by a whitelisted column in either direction, blanks last', async () => {
    const lines = async (desc: boolean) =>
      (await db.query(findingsPage({}, {}, [{ id: 'line', desc }], ALL))).map((r) => r.line);
    expect(await lines(false)).toEqual([43, 54, 90, 120, 200, 252, 261]);
    expect(await lines(true)).toEqual([261, 252, 200, 120, 90, 54, 43]);
    const bySeverityDesc = await db.query(findingsPage({}, {}, [{ id: 'severity', desc: true }], ALL));
    expect(bySeverityDesc.map((r) => r.severity)).toEqual(['info', 'warning', 'warning', 'warning', 'warning', 'error', 'error']);
    const byCode = await db.query(findingsPage({}, {}, [{ id: 'code', desc: false }, { id: 'line', desc: true }], ALL));
    expect(byCode.map((r) => r.code).slice(0, 3)).toEqual(['BUDGET_ADJUSTED', 'BUDGET_POINTS_MISPLACED', 'DEDUCTION_WITHOUT_REASON']);
    expect(byCode.at(-1)).toMatchObject({ code: 'TOTAL_SCORE_MISMATCH', line: 252 });
    // 来源 sorts by file, then line, both in the chosen direction.
    const bySource = await db.query(findingsPage({}, {}, [{ id: 'source', desc: true }], ALL));
    expect(bySource.map((r) => [r.report_id, r.line])).toEqual(
      [[R004, 261], [R004, 200], [R003, 43], [R002, 90], [R001, 252], [R001, 120], [R000, 54]]);
  });

  it('rejects a sort column outside the whitelist and a bad page', () => {
    expect(() => findingsPage({}, {}, [{ id: 'line; DROP TABLE findings', desc: false }], ALL)).toThrow(/unknown sort column/);
    expect(() => findingsPage({}, {}, [{ id: 'report_id', desc: false }], ALL)).toThrow(/unknown sort column/);
    expect(() => findingsPage({}, {}, [{ id: 'toString', desc: false }], ALL)).toThrow(/unknown sort column/);
    expect(() => findingsPage({}, {}, [], { pageIndex: 0, pageSize: 0 })).toThrow(/page size/);
    expect(() => findingsPage({}, {}, [], { pageIndex: -1, pageSize: 10 })).toThrow(/page index/);
    expect(() => findingsPage({}, {}, [], { pageIndex: 1.5, pageSize: 10 })).toThrow(/page index/);
  });

  it('pages with LIMIT/OFFSET in the same order', async () => {
    const page = (pageIndex: number) => db.query(findingsPage({}, {}, [{ id: 'line', desc: false }], { pageIndex, pageSize: 3 }));
    expect((await page(0)).map((r) => r.line)).toEqual([43, 54, 90]);
    expect((await page(1)).map((r) => r.line)).toEqual([120, 200, 252]);
    expect((await page(2)).map((r) => r.line)).toEqual([261]);
    expect(await page(3)).toEqual([]);
  });

  it('counts by severity and by code, each facet ignoring its own filter', async () => {
    const all = await db.query(findingsFacets({}, {}));
    expect(facet(all, 'severity')).toEqual([['warning', 4], ['error', 2], ['info', 1]]);
    expect(facet(all, 'code')[0]).toEqual(['TOTAL_SCORE_MISMATCH', 2]);
    expect(facet(all, 'code')).toHaveLength(6);
    expect(all.find((r) => r.facet === 'code' && r.value === 'BUDGET_POINTS_MISPLACED')?.severity).toBe('info');

    const oneCode = await db.query(findingsFacets({}, { code: ['TOTAL_SCORE_MISMATCH'] }));
    expect(facet(oneCode, 'severity')).toEqual([['error', 2]]);
    expect(facet(oneCode, 'code')).toHaveLength(6); // the other codes stay clickable

    const warnings = await db.query(findingsFacets({}, { severity: ['warning'] }));
    expect(facet(warnings, 'severity')).toHaveLength(3);
    expect(facet(warnings, 'code').map(([code]) => code).sort()).toEqual(
      ['BUDGET_ADJUSTED', 'DEDUCTION_WITHOUT_REASON', 'FIELD_MISSING', 'FULL_SCORE_TARGET_MISSED']);
  });

  it('lists the reports having findings, under the dashboard filters', async () => {
    const rows = await db.query(findingsReports({}));
    expect(rows.map((r) => [r.report_id, r.findings])).toEqual([[R000, 1], [R001, 2], [R002, 1], [R003, 1], [R004, 2]]);
    expect(rows[4]).toMatchObject({ project: '中小企业科专项', city: '株洲市', source_file: `${R004}.txt` });
    expect((await db.query(findingsReports({ city: ['益阳市'] }))).map((r) => r.report_id)).toEqual([R002]);
    // Under a severity, only the reports with such findings are offered, with those counts; the
    // report choice itself does not narrow the list.
    const errors = await db.query(findingsPage({}, { severity: ['error'] }, [], ALL));
    const withErrors = await db.query(findingsReports({}, { severity: ['error'], report: [R000] }));
    expect(withErrors.map((r) => r.report_id)).toEqual([...new Set(errors.map((r) => r.report_id))].sort());
    expect(withErrors.reduce((sum, r) => sum + r.findings, 0)).toBe(errors.length);
  });
});

describe.skipIf(!existsSync(join(BUNDLED_DATA_DIR, 'findings.csv')))('findings queries (bundled data)', () => {
  let db: NodeDb;
  beforeAll(async () => {
    db = await openNodeDb(BUNDLED_DATA_DIR);
  });
  afterAll(() => db?.close());

  it('has 48 findings: 3 errors, 38 warnings, 7 notes', async () => {
    expect(await db.query(findingsCount({}, {}))).toEqual([{ findings: 48, reports: 5 }]);
    const facets = await db.query(findingsFacets({}, {}));
    // The 38th warning: SELF_SCORE_INFLATED, 企协专项's group of five (20 claimed, 18.4 by the rules).
    expect(facet(facets, 'severity')).toEqual([['warning', 38], ['info', 7], ['error', 3]]);
    // 实际值无法核验: 2 in 000, 8 in 001, 4 in 002, 9 in 004.
    expect(facet(facets, 'code')[0]).toEqual(['ACTUAL_UNVERIFIABLE', 23]);
  });

  it('finds the two 总分 mismatches: report 001 line 250 and 004 line 259', async () => {
    const rows = await db.query(findingsPage({}, { code: ['TOTAL_SCORE_MISMATCH'] }, [], ALL));
    expect(rows.map((r) => [r.report_id, r.line, r.expected, r.found])).toEqual([[R001, 250, '100', '10'], [R004, 259, '100', '10']]);
    // Each with the params its message is rendered from, in either language.
    expect(findingMessage(rows[0], 'zh')).toBe('总分填报 10，各项得分合计 100');
    expect(findingMessage(rows[0], 'en')).toBe('declared total score 10, but the scores add up to 100');
  });
});
