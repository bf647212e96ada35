/**
 * The indicators view's queries against the fixture (test/db/fixtures/dash-data), the bundled
 * data (data/) and a fixture variant with a merged 分值/得分 group. Expected figures were worked
 * out by hand from the CSV files.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_DATA_DIR } from '../../src/build/data-dir.ts';
import { openNodeDb, type NodeDb } from '../../src/build/node-db.ts';
import { indicatorAchievement } from '../../src/queries/indicator-achievement.ts';
import { indicatorMisses } from '../../src/queries/indicator-misses.ts';
import { indicatorStatusByLevel } from '../../src/queries/indicator-status-by-level.ts';
import { indicatorStatusByReport } from '../../src/queries/indicator-status-by-report.ts';
import { FIXTURE_DIR, openFixtureDb } from './helpers.ts';

const id = (prefix: string) => ({ '000': '000_4b75f8664dbcb524', '001': '001_5411fd6863900e77', '002': '002_d677b793e52480fc', '003': '003_dc77c382bdb3a624', '004': '004_2c93dbd2e0833d26' })[prefix]!;

describe('indicator queries on the fixture', () => {
  let db: NodeDb;
  beforeAll(async () => {
    db = await openFixtureDb();
  });
  afterAll(() => db?.close());

  it('counts statuses per 一级 × 二级', async () => {
    const rows = await db.query(indicatorStatusByLevel({}));
    const of = (level1: string, level2: string) =>
      Object.fromEntries(rows.filter((r) => r.level1 === level1 && r.level2 === level2).map((r) => [r.status, r.indicators]));
    // 数量指标: 000 met, 001 not_met, 002 met, 003 met, 004 not_met.
    expect(of('产出指标', '数量指标')).toEqual({ met: 3, not_met: 2 });
    // 经济效益指标: 000 partial, 002 met, 004 partial.
    expect(of('效益指标', '经济效益指标')).toEqual({ met: 1, partial: 2 });
    expect(of('满意度指标', '服务对象满意度指标')).toEqual({ met: 1, partial: 1 });
    expect(rows.reduce((n, r) => n + r.indicators, 0)).toBe(15);
  });

  it('applies the status, 一级 and report filters', async () => {
    expect(await db.query(indicatorStatusByLevel({ status: ['not_met'] }))).toEqual([
      { level1: '产出指标', level2: '数量指标', status: 'not_met', indicators: 2 },
    ]);
    const yiyang = await db.query(indicatorStatusByLevel({ city: ['益阳市'], level1: ['效益指标'] }));
    expect(yiyang).toEqual([{ level1: '效益指标', level2: '经济效益指标', status: 'met', indicators: 1 }]);
  });

  it('counts statuses per report, with the project', async () => {
    const rows = await db.query(indicatorStatusByReport({}));
    const of = (report: string) => Object.fromEntries(rows.filter((r) => r.report_id === id(report)).map((r) => [r.status, r.indicators]));
    expect(of('000')).toEqual({ met: 3, partial: 1 });
    expect(of('001')).toEqual({ met: 1, not_met: 1, unknown: 1 });
    expect(of('004')).toEqual({ met: 1, not_met: 1, partial: 1 });
    expect(rows.find((r) => r.report_id === id('002'))).toMatchObject({ project: '服务先进制造业高质量发展专项资金', city: '益阳市', year: 2022 });
  });

  it('lists achievement ratios lowest first, cut at the limit, with the full count', async () => {
    const rows = await db.query(indicatorAchievement({}, 3));
    // 13 rows have an achievement; the lowest are 0.6 (沙龙), 0.8 (产值增长), 0.84 (专精特新).
    expect(rows.map((r) => [r.report_id, r.seq, r.achievement])).toEqual([
      [id('001'), 1, 0.6], [id('000'), 3, 0.8], [id('004'), 1, 0.84],
    ]);
    expect(rows[0]).toMatchObject({ level3: '举办沙龙场次', project: '企协专项', status: 'not_met', total: 13 });
    expect((await db.query(indicatorAchievement({ city: ['益阳市'] }))).map((r) => r.achievement)).toEqual([0.9777777777777777, 1, 1.2]);
    expect(() => indicatorAchievement({}, 0)).toThrow(/limit/);
  });

  it('lists misses and deductions: not met, then partly met, then other deductions, largest first', async () => {
    const rows = await db.query(indicatorMisses({}));
    expect(rows.map((r) => [r.report_id.slice(0, 3), r.seq, r.status, r.weight, r.score])).toEqual([
      ['004', 1, 'not_met', 30, 25],
      ['001', 1, 'not_met', 20, 20], // full score on a missed target
      ['004', 3, 'partial', 30, 25],
      ['000', 3, 'partial', 20, 18],
      ['002', 3, 'partial', 10, 9],
      ['001', 3, 'unknown', 20, 15],
    ]);
    // Deducted: 5 + 5 + 2 + 1 + 5 = 18 points on 5 rows; every row gives a reason.
    expect(rows[0]).toMatchObject({ total: 6, deductions: 5, points_deducted: 18, without_reason: 0, group_size: 1, deviation: '客观原因' });
    expect(await db.query(indicatorMisses({ city: ['益阳市'] }))).toHaveLength(1);
    expect((await db.query(indicatorMisses({ status: ['not_met'] }))).map((r) => r.seq)).toEqual([1, 1]);
  });
});

describe('indicator queries on the bundled data', () => {
  const present = existsSync(join(BUNDLED_DATA_DIR, 'indicators.csv'));
  let db: NodeDb;
  beforeAll(async () => {
    if (present) db = await openNodeDb(BUNDLED_DATA_DIR);
  });
  afterAll(() => db?.close());

  it.skipIf(!present)('counts 60 indicators: 27 met, 1 not met, 23 claimed, 9 undetermined', async () => {
    const rows = await db.query(indicatorStatusByLevel({}));
    const byStatus: Record<string, number> = {};
    const byLevel1: Record<string, number> = {};
    for (const r of rows) {
      byStatus[r.status] = (byStatus[r.status] ?? 0) + r.indicators;
      byLevel1[r.level1!] = (byLevel1[r.level1!] ?? 0) + r.indicators;
    }
    expect(byStatus).toEqual({ met: 27, not_met: 1, claimed: 23, unknown: 9 });
    expect(byLevel1).toEqual({ 产出指标: 34, 效益指标: 21, 满意度指标: 5 });
  });

  it.skipIf(!present)('finds the salons held 6 of 10 with full marks, and 规模以上工业增加值 5 → 4 without a reason', async () => {
    const rows = await db.query(indicatorMisses({}));
    expect(rows).toHaveLength(2);
    // The salons share a merged 20-point group of five rows, scored 20.
    expect(rows[0]).toMatchObject({
      report_id: id('001'), seq: 2, level3: '10场企业家沙龙', status: 'not_met', weight: 20, score: 20, group_size: 5,
      target_text: null, target_value: 10, deviation: null,
    });
    expect(rows[1]).toMatchObject({ report_id: id('002'), level3: '规模以上工业增加值', status: 'unknown', weight: 5, score: 4, deviation: null });
    expect(rows[0]).toMatchObject({ total: 2, deductions: 1, points_deducted: 1, without_reason: 2 });
  });

  it.skipIf(!present)('has 25 achievement ratios, from 60% (salons) to 200%', async () => {
    const rows = await db.query(indicatorAchievement({}, 100));
    expect(rows).toHaveLength(25);
    expect(rows[0]).toMatchObject({ level3: '10场企业家沙龙', achievement: 0.6 });
    expect(rows.at(-1)).toMatchObject({ level3: '2场产业链供需对接活动', achievement: 2 });
  });
});

describe('a merged 分值/得分 group with a deduction', () => {
  let dir: string;
  let db: NodeDb;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'indicators-group-'));
    for (const table of ['reports', 'budget_lines', 'findings']) copyFileSync(join(FIXTURE_DIR, `${table}.csv`), join(dir, `${table}.csv`));
    const header = readFileSync(join(FIXTURE_DIR, 'indicators.csv'), 'utf8').split('\n')[0];
    const rid = id('003');
    // Two rows share 分值 50 / 得分 45, printed on the first; both met their targets.
    writeFileSync(join(dir, 'indicators.csv'), [
      header,
      `${rid},1,产出指标,数量指标,园区建设项目,5个,5个,50,45,${rid}#1,,quantity,>=,5,,个,5,个,met,,1,101,产出指标(分),数量指标,50,45`,
      `${rid},2,产出指标,数量指标,园区配套项目,3个,3个,,,${rid}#1,,quantity,>=,3,,个,3,个,met,,1,102,产出指标(分),数量指标,50,45`,
      `${rid},3,效益指标,可持续影响指标,园区可持续发展,持续,持续,50,50,,,qualitative,,,,,,,unknown,,,103,效益指标(分),可持续影响指标,50,50`,
      '',
    ].join('\n'));
    db = await openNodeDb(dir);
  });
  afterAll(() => {
    db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists the group once, on its first row, with the group figures', async () => {
    const rows = await db.query(indicatorMisses({}));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ seq: 1, weight: 50, score: 45, group_size: 2, deductions: 1, points_deducted: 5, without_reason: 1 });
  });
});
