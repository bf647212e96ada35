/**
 * The report view's queries against the bundled data (data/, the five seed reports) and the
 * hand-made fixture. Expected figures were read by hand from the CSV files.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_DATA_DIR } from '../../src/build/data-dir.ts';
import { openNodeDb, type NodeDb } from '../../src/build/node-db.ts';
import { reportBudgetLines } from '../../src/queries/report-budget-lines.ts';
import { reportFindings } from '../../src/queries/report-findings.ts';
import { reportHeader } from '../../src/queries/report-header.ts';
import { reportIndicators } from '../../src/queries/report-indicators.ts';
import { reportList } from '../../src/queries/report-list.ts';
import { openFixtureDb } from './helpers.ts';

const QIXIE = '001_5411fd6863900e77';
const YIYANG = '002_d677b793e52480fc';
const present = existsSync(join(BUNDLED_DATA_DIR, 'reports.csv'));

describe('report queries bind the id as a parameter', () => {
  it('never puts the id into the SQL text', () => {
    for (const make of [reportHeader, reportBudgetLines, reportIndicators, reportFindings]) {
      const query = make("x' OR '1'='1");
      expect(query.sql).not.toContain("'1'='1");
      expect(query.params).toEqual(["x' OR '1'='1"]);
    }
  });
});

describe.skipIf(!present)('report queries on the bundled data', () => {
  let db: NodeDb;
  beforeAll(async () => {
    db = await openNodeDb(BUNDLED_DATA_DIR);
  });
  afterAll(() => db?.close());

  it('reads the header of 企协专项 with 总分 printed 10 against 100 computed', async () => {
    const rows = await db.query(reportHeader(QIXIE));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      project: '企协专项', project_name_printed: '“国企带民企，大手牵小手”（企协）', city: '株洲市', year: 2022,
      department: '市工信局', implementer: '市中小微企业服务发展中心', source_file: `${QIXIE}.txt`,
      budget_adjusted: 83.5, total_weight: 100, total_score: 100, declared_total_score: 10, grade: '优',
      // 5 TARGET_MISSING + 8 ACTUAL_UNVERIFIABLE + FULL_SCORE_TARGET_MISSED + TOTAL_SCORE_MISMATCH + SELF_SCORE_INFLATED
      findings: 16, errors: 2,
      // 复核: the group of five is allowed 18.4 of its 20 (6 ÷ 10 × 4 = 2.4 for the salons).
      rule_total_score: 98.4, rule_gap: 1.6, rule_grade: '优',
    });
  });

  it('finds no header for an unknown id, even one that looks like SQL', async () => {
    expect(await db.query(reportHeader('no-such-report'))).toEqual([]);
    expect(await db.query(reportHeader("x' OR '1'='1"))).toEqual([]);
  });

  it('lists the funding rows in the paper order, 年初 752 cut to 全年 593.04 for Yiyang', async () => {
    const rows = await db.query(reportBudgetLines(YIYANG));
    expect(rows.map((r) => r.line)).toEqual(['total', 'appropriation', 'carryover', 'other']);
    expect(rows[0]).toMatchObject({
      line_label: '年度资金总额', budget_initial: 752, budget_adjusted: 593.04, executed: 593.04,
      weight: 10, score: 10, execution_rate_declared: 1, execution_rate: 1, source_line: 80,
    });
    expect(rows[2]).toMatchObject({ line_label: '上年结转资金', budget_initial: null, executed: null });
  });

  it('returns the 13 indicators of 企协专项 in order, five sharing one 20-point group', async () => {
    const rows = await db.query(reportIndicators(QIXIE));
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    const group = rows.filter((r) => r.group_id === `${QIXIE}#1`);
    expect(group.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(group.every((r) => r.level2 === '数量指标' && r.group_weight === 20 && r.group_score === 20)).toBe(true);
    // The merged cell's figures sit on the group's first row only.
    expect(group.map((r) => r.weight)).toEqual([20, null, null, null, null]);
    expect(rows[1]).toMatchObject({ level3: '10场企业家沙龙', status: 'not_met', level3_line: 124, line: 121, level1_printed: '产出指标(50分)' });
    expect(rows[4]).toMatchObject({ status: 'unknown', status_reason: '无目标值' });
    expect(rows[12].level1_printed).toBe('满意度指标（10分）');
  });

  it('puts errors first, FULL_SCORE_TARGET_MISSED at line 124', async () => {
    const rows = await db.query(reportFindings(QIXIE));
    expect(rows).toHaveLength(16);
    expect(rows.find((r) => r.code === 'SELF_SCORE_INFLATED')).toMatchObject({ severity: 'warning', line: 110, expected: '18.4', found: '20' });
    expect(rows.slice(0, 2).map((r) => [r.code, r.severity, r.line])).toEqual([
      ['FULL_SCORE_TARGET_MISSED', 'error', 124],
      ['TOTAL_SCORE_MISMATCH', 'error', 250],
    ]);
    expect(rows.slice(2).every((r) => r.severity !== 'error')).toBe(true);
  });

  it('lists every report with its budget, score and findings count', async () => {
    const rows = await db.query(reportList({}));
    expect(rows.map((r) => r.report_id)).toEqual([
      '000_4b75f8664dbcb524', QIXIE, YIYANG, '003_dc77c382bdb3a624', '004_2c93dbd2e0833d26',
    ]);
    expect(rows.map((r) => r.findings)).toEqual([4, 16, 11, 5, 12]);
    expect(rows.map((r) => r.errors)).toEqual([0, 2, 0, 0, 1]);
    expect(rows.reduce((sum, r) => sum + (r.budget_adjusted ?? 0), 0)).toBeCloseTo(4410.88, 6);
    expect(rows[2]).toMatchObject({ city: '益阳市', budget_adjusted: 593.04, total_score: 99, grade: '优' });
  });
});

describe('reportList filters and search (fixture)', () => {
  let db: NodeDb;
  beforeAll(async () => {
    db = await openFixtureDb();
  });
  afterAll(() => db?.close());

  it('applies report and indicator filters', async () => {
    expect((await db.query(reportList({ city: ['益阳市'] }))).map((r) => r.report_id)).toEqual([YIYANG]);
    // not_met indicators: 企协专项 and 中小企业科专项.
    expect((await db.query(reportList({ status: ['not_met'] }))).map((r) => r.project)).toEqual(['企协专项', '中小企业科专项']);
    expect(await db.query(reportList({ city: ['益阳市'], project: ['企协专项'] }))).toEqual([]);
  });

  it('counts each report\'s findings, zero when it has none', async () => {
    const rows = await db.query(reportList({}));
    expect(rows.map((r) => r.findings)).toEqual([1, 2, 1, 1, 2]);
    expect(rows.map((r) => r.errors)).toEqual([0, 1, 0, 0, 1]);
  });

  it('searches names case-insensitively as plain text', async () => {
    expect((await db.query(reportList({}, ' 企协 '))).map((r) => r.report_id)).toEqual([QIXIE]);
    expect((await db.query(reportList({}, '园区发展科'))).map((r) => r.project)).toEqual(['园区建设专项']);
    expect(await db.query(reportList({}, '.TXT'))).toHaveLength(5);
    // `%` and quotes are text, not patterns or SQL.
    expect(await db.query(reportList({}, '%'))).toEqual([]);
    expect(await db.query(reportList({}, "' OR 1=1 --"))).toEqual([]);
    expect(await db.query(reportList({ city: ['株洲市'] }, '益阳'))).toEqual([]);
  });
});
