/**
 * The score view's queries against the fixture (test/db/fixtures/dash-data) and the bundled
 * data (data/). Expected figures were worked out by hand from the CSV files:
 * fixture totals 000 98 (declared 100), 001 95 (declared 10), 002 99 (99), 003 100 (100),
 * 004 88 (declared 10); bundled totals 100, 100, 99, 100, 100 with 001 and 004 declaring 10.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_DATA_DIR } from '../../src/build/data-dir.ts';
import { openNodeDb, type NodeDb } from '../../src/build/node-db.ts';
import { scoreGradeCounts } from '../../src/queries/score-grade-counts.ts';
import { BUDGET_CATEGORY, scoreRates, type ScoreRateRow } from '../../src/queries/score-rates.ts';
import { scoreSummary } from '../../src/queries/score-summary.ts';
import { scoreTotals } from '../../src/queries/score-totals.ts';
import { openFixtureDb } from './helpers.ts';

const short = (id: string) => id.slice(0, 3);
/** `000 产出指标` → rate, for reading cells by hand. */
const cellMap = (rows: ScoreRateRow[]) => Object.fromEntries(rows.map((r) => [`${short(r.report_id)} ${r.category}`, r.rate]));

describe('score queries on the fixture', () => {
  let db: NodeDb;
  beforeAll(async () => {
    db = await openFixtureDb();
  });
  afterAll(() => db?.close());

  it('scoreTotals lists every report, best first, with mismatches flagged', async () => {
    const rows = await db.query(scoreTotals({}));
    expect(rows.map((r) => [short(r.report_id), r.total_score, r.declared_total_score, r.mismatch])).toEqual([
      ['003', 100, 100, false],
      ['002', 99, 99, false],
      ['000', 98, 100, true],
      ['001', 95, 10, true],
      ['004', 88, 10, true],
    ]);
    expect(rows[1]).toMatchObject({ project: '服务先进制造业高质量发展专项资金', city: '益阳市', year: 2022, grade: '优', total_weight: 100 });
    expect(rows[4].grade).toBe('良');
  });

  it('scoreTotals follows report and indicator filters', async () => {
    const zhuzhou = await db.query(scoreTotals({ city: ['株洲市'] }));
    expect(zhuzhou.map((r) => short(r.report_id))).toEqual(['003', '000', '001', '004']);
    // not_met indicators sit in 001 and 004 only.
    const missed = await db.query(scoreTotals({ status: ['not_met'] }));
    expect(missed.map((r) => short(r.report_id))).toEqual(['001', '004']);
    expect(await db.query(scoreTotals({ city: ["益阳市' OR '1'='1"] }))).toEqual([]);
  });

  it('scoreSummary gives mean, range, share of 优 and mismatches in one row', async () => {
    const [row] = await db.query(scoreSummary({}));
    // (98 + 95 + 99 + 100 + 88) / 5 = 96; 优: all but 004 (88).
    expect(row).toMatchObject({ reports: 5, scored: 5, mean_total_score: 96, min_total_score: 88, max_total_score: 100, mismatches: 3 });
    expect(row.excellent_share).toBeCloseTo(0.8, 9);
    const [none] = await db.query(scoreSummary({ city: ['益阳市'], project: ['企协专项'] }));
    expect(none).toMatchObject({ reports: 0, scored: 0, mean_total_score: null, excellent_share: null, mismatches: 0 });
  });

  it('scoreGradeCounts counts reports per grade, best first', async () => {
    expect(await db.query(scoreGradeCounts({}))).toEqual([{ grade: '优', reports: 4, rule_reports: 0 }, { grade: '良', reports: 1, rule_reports: 0 }]);
    expect(await db.query(scoreGradeCounts({ project: ['中小企业科专项'] }))).toEqual([{ grade: '良', reports: 1, rule_reports: 0 }]);
  });

  it('scoreRates divides each category\'s score by its weight', async () => {
    const rows = await db.query(scoreRates({}));
    const cells = cellMap(rows);
    expect(rows).toHaveLength(17); // 5 budget cells + 3 + 2 + 3 + 2 + 2 (report, 一级) pairs
    expect(cells['000 产出指标']).toBe(1); // (20 + 15) / (20 + 15)
    expect(cells['000 效益指标']).toBeCloseTo(0.9, 9); // 18 / 20
    expect(cells['001 效益指标']).toBeCloseTo(0.75, 9); // 15 / 20
    expect(cells['002 满意度指标']).toBeCloseTo(0.9, 9); // 9 / 10
    expect(cells['004 budget']).toBeCloseTo(0.955, 9); // 9.55 / 10
    expect(cells['004 产出指标']).toBeCloseTo(0.9, 9); // (25 + 20) / (30 + 20)
    expect(cells['004 效益指标']).toBeCloseTo(25 / 30, 9);
    expect(cells).not.toHaveProperty('001 满意度指标'); // no satisfaction indicator: no cell
    expect(rows.find((r) => short(r.report_id) === '004' && r.category === '产出指标')).toMatchObject({ weight: 50, score: 45 });
  });

  it('scoreRates narrows the categories to the 一级 filter, and picks reports by status', async () => {
    const outcomes = await db.query(scoreRates({ level1: ['效益指标'] }));
    expect(outcomes.map((r) => r.category)).toEqual(Array(5).fill('效益指标'));
    const missed = await db.query(scoreRates({ status: ['not_met'] }));
    expect(Object.keys(cellMap(missed)).sort()).toEqual(
      ['001 budget', '001 产出指标', '001 效益指标', '004 budget', '004 产出指标', '004 效益指标'].sort());
    const yiyang = await db.query(scoreRates({ city: ['益阳市'] }));
    expect(yiyang.map((r) => r.category).sort()).toEqual([BUDGET_CATEGORY, '产出指标', '效益指标', '满意度指标'].sort());
  });
});

const bundled = existsSync(join(BUNDLED_DATA_DIR, 'reports.csv'));

describe.skipIf(!bundled)('score queries on the bundled data (data/)', () => {
  let db: NodeDb;
  beforeAll(async () => {
    db = await openNodeDb(BUNDLED_DATA_DIR);
  });
  afterAll(() => db?.close());

  it('totals 100, 100, 99, 100, 100 (mean 99.8), with 001 and 004 declaring 10', async () => {
    const rows = await db.query(scoreTotals({}));
    expect(rows.map((r) => [short(r.report_id), r.total_score])).toEqual([
      ['000', 100], ['001', 100], ['003', 100], ['004', 100], ['002', 99],
    ]);
    expect(rows.filter((r) => r.mismatch).map((r) => [short(r.report_id), r.declared_total_score])).toEqual([['001', 10], ['004', 10]]);
    const [summary] = await db.query(scoreSummary({}));
    expect(summary).toMatchObject({ reports: 5, min_total_score: 99, max_total_score: 100, excellent_share: 1, mismatches: 2 });
    expect(summary.mean_total_score).toBeCloseTo(99.8, 9);
    expect(await db.query(scoreGradeCounts({}))).toEqual([{ grade: '优', reports: 5, rule_reports: 5 }]);
  });

  it('复核: only 001 goes beyond the rules, by 1.6 of its 100 (rescore.test.ts works it by hand)', async () => {
    const rows = await db.query(scoreTotals({}));
    expect(rows.map((r) => [short(r.report_id), r.rule_total_score, r.rule_gap])).toEqual([
      ['000', 100, 0], ['001', 98.4, 1.6], ['003', 100, 0], ['004', 100, 0], ['002', 99, 0],
    ]);
    const [summary] = await db.query(scoreSummary({}));
    expect(summary.inflated).toBe(1);
    expect(summary.mean_rule_gap).toBeCloseTo(1.6 / 5, 9);
    expect(summary.mean_rule_coverage).toBeCloseTo((0.9 + 0.26 + 0.65 + 0.55 + 0.17) / 5, 9);
    // A filter leaving 001 out leaves no gap.
    const [yiyang] = await db.query(scoreSummary({ city: ['益阳市'] }));
    expect(yiyang).toMatchObject({ inflated: 0, mean_rule_gap: 0 });
  });

  it('counts merged groups once: every category full except Yiyang\'s 效益指标 (29 / 30)', async () => {
    const rows = await db.query(scoreRates({}));
    expect(rows).toHaveLength(20); // 5 reports × (budget + 3 一级)
    const cells = cellMap(rows);
    expect(cells['001 产出指标']).toBe(1); // a group of five rows shares 20 points
    expect(rows.find((r) => short(r.report_id) === '004' && r.category === '产出指标')).toMatchObject({ weight: 50, score: 50 });
    expect(cells['002 效益指标']).toBeCloseTo(29 / 30, 9); // 4 + 5 + 5 + 5 + 10 of 5 + 5 + 5 + 5 + 10
    expect(rows.filter((r) => r.rate !== 1)).toHaveLength(1);
  });
});
