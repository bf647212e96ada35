/**
 * 复核 by the published rules (src/parser/rescore.ts, docs/scoring-rules.md). The expectations
 * for the bundled reports were worked out by hand from each report's table (the arithmetic is in
 * the comments); the fixtures cover each rule and its edges; the properties hold on every golden.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/parser/index.ts';
import { REASONS } from '../../src/parser/reasons.ts';
import { budgetRule, checkInflated, indicatorRule, rescoreReport } from '../../src/parser/rescore.ts';
import { FindingSink } from '../../src/parser/findings.ts';
import type { IndicatorRow } from '../../src/parser/types.ts';

const RAW = path.resolve(import.meta.dirname, '../../data/raw');
const seed = (prefix: string) => {
  const file = readdirSync(RAW).find((f) => f.startsWith(prefix))!;
  return parseReport(readFileSync(path.join(RAW, file)), file);
};

/** An indicator row as the parser writes it; only what the rules read matters. */
function indicator(partial: Partial<IndicatorRow>): IndicatorRow {
  return {
    report_id: 'r', seq: 1, level1: '产出指标', level2: '数量指标', level3: '指标', target_text: null, actual_text: null,
    weight: 10, score: 10, group_id: null, deviation: null, kind: 'quantity', target_op: '>=', target_value: null,
    target_value_max: null, target_unit: null, actual_value: null, actual_unit: null, status: 'met', status_reason: null,
    achievement: null, line: 1, level3_line: 1, level1_printed: null, level2_printed: null, group_weight: null, group_score: null,
    source_ref: null, ...partial,
  } as IndicatorRow;
}

describe('the bundled reports, worked by hand', () => {
  it('000 产业链专项: everything met or not checkable, 100 % executed — keeps its 100', () => {
    const parsed = seed('000');
    const { report } = rescoreReport(parsed.reports[0], parsed.indicators);
    // Checked: budget 10 + met indicators 15+10+10+5+5+10+10+5+10 = 90 of 100
    // (开展产业链现代化建设竞赛 5 and 新兴产业发展 5 restate their targets).
    expect(report).toMatchObject({ rule_total_score: 100, gap: 0, rule_coverage: 0.9, rule_grade: '优' });
  });

  it('001 企协专项: a full 20 on a group where 10场企业家沙龙 ended at 6 — 1.6 points above the rules', () => {
    const parsed = seed('001');
    const { report, indicators, excess } = rescoreReport(parsed.reports[0], parsed.indicators);
    // The group of five (20 points, 4 each): 3场 ≥ 2 → 4; 6 ÷ 10 × 4 = 2.4; 4场 ≥ 2 → 4; 24 ≥ 20 → 4;
    // 大学生暑期大厂大所行 has no target → keeps its share of the self-score, 20 ÷ 5 = 4. 18.4 allowed.
    expect(indicators.slice(0, 5).map((r) => r.rule_score)).toEqual([4, 2.4, 4, 4, 4]);
    expect(indicators[1]).toMatchObject({ rule: 'ratio_up', rule_note: '6 ÷ 10 × 4 = 2.4' });
    expect(indicators[4].rule).toBe('not_verifiable');
    // Budget 10 (100 %) + 18.4 + the rest kept as declared (10+10+10+10+10+5+5+10 = 70) = 98.4.
    expect(report).toMatchObject({ rule_total_score: 98.4, gap: 1.6, rule_grade: '优' });
    // Checked: the budget's 10 and four shares of 4 = 26 of 100.
    expect(report.rule_coverage).toBe(0.26);
    expect(excess).toEqual([{ seqs: [1, 2, 3, 4, 5], line: parsed.indicators[0].level3_line, declared: 20, allowed: 18.4 }]);
  });

  it('002 益阳: 99 declared, nothing beyond the rules; the relative and restated targets kept', () => {
    const parsed = seed('002');
    const { report } = rescoreReport(parsed.reports[0], parsed.indicators);
    // Checked: budget 10 + met 5+5+5+10 + 5+5+5+5 + 10 = 65; kept: deadline restated 5, relative 4 and 5, qualitative 5+5+10.
    expect(report).toMatchObject({ rule_total_score: 99, gap: 0, rule_coverage: 0.65 });
  });

  it('003 园区建设专项: 已完成 with no figure is claimed, not checked', () => {
    const parsed = seed('003');
    const { report, indicators } = rescoreReport(parsed.reports[0], parsed.indicators);
    // Checked: budget 10 + 15 (459 ≥ 385) + 10 (810.24) + 10 (10.4 % ≥ 10 %) + 5 (0 事故 ≤ 0) + 5 (100 %) = 55.
    expect(report).toMatchObject({ rule_total_score: 100, gap: 0, rule_coverage: 0.55 });
    expect(indicators[2].rule).toBe('not_verifiable'); // 完成率100% → 已完成
  });

  it('004 中小企业科专项: a group with one figure and two without keeps its 20', () => {
    const parsed = seed('004');
    const { report, indicators } = rescoreReport(parsed.reports[0], parsed.indicators);
    // Group of three (20 points): 80家 ≥ 50 → 6.67; the two without a target keep 6.67 each.
    expect(indicators.slice(0, 3).map((r) => r.rule_score)).toEqual([6.67, 6.67, 6.67]);
    // Checked: budget 10 + one share of 20/3 = 16.67 of 100.
    expect(report).toMatchObject({ rule_total_score: 100, gap: 0, rule_coverage: 0.17 });
  });
});

describe('each rule', () => {
  it('≥ target missed: actual ÷ target × points; met or exceeded: full points, never more', () => {
    expect(indicatorRule(indicator({ status: 'not_met', target_value: 10, actual_value: 6 }), 20)).toMatchObject({ allowed: 12, rule: 'ratio_up', note: '6 ÷ 10 × 20 = 12' });
    expect(indicatorRule(indicator({ status: 'met', target_value: 10, actual_value: 100 }), 20)).toMatchObject({ allowed: 20, rule: 'met_full' });
  });

  it('≤ target missed: target ÷ actual × points', () => {
    expect(indicatorRule(indicator({ status: 'not_met', target_op: '<=', target_value: 8, actual_value: 10 }), 10)).toMatchObject({ allowed: 8, rule: 'ratio_down', note: '8 ÷ 10 × 10 = 8' });
  });

  it('zero targets: ≤ 0 with incidents gives nothing; ≥ 0 is always met', () => {
    expect(indicatorRule(indicator({ status: 'not_met', target_op: '<=', target_value: 0, actual_value: 2 }), 5)).toMatchObject({ allowed: 0 });
    expect(indicatorRule(indicator({ status: 'not_met', target_op: '>=', target_value: 0, actual_value: 0 }), 5)).toMatchObject({ allowed: 5, rule: 'met_full' });
  });

  it('= target missed either way: the smaller ratio; a range: the nearer bound', () => {
    expect(indicatorRule(indicator({ status: 'not_met', target_op: '=', target_value: 100, actual_value: 98 }), 10)).toMatchObject({ allowed: 9.8, rule: 'ratio_equal' });
    expect(indicatorRule(indicator({ status: 'not_met', target_op: '=', target_value: 100, actual_value: 125 }), 10)).toMatchObject({ allowed: 8, rule: 'ratio_equal' });
    expect(indicatorRule(indicator({ status: 'not_met', kind: 'range', target_op: 'between', target_value: 30, target_value_max: 50, actual_value: 60 }), 10))
      .toMatchObject({ allowed: 50 / 60 * 10, rule: 'ratio_range' });
  });

  it('ranks and deadlines missed: nothing; qualitative, relative, claimed or unknown: not rescored', () => {
    expect(indicatorRule(indicator({ status: 'not_met', kind: 'rank', target_op: '<=', target_value: 3, actual_value: 5 }), 10)).toMatchObject({ allowed: 0, rule: 'all_or_nothing' });
    expect(indicatorRule(indicator({ status: 'not_met', kind: 'deadline' }), 10)).toMatchObject({ allowed: 0, rule: 'all_or_nothing' });
    expect(indicatorRule(indicator({ status: 'unknown', kind: 'qualitative' }), 10)).toBeNull();
    expect(indicatorRule(indicator({ status: 'unknown', kind: 'relative', actual_value: 6.8 }), 10)).toBeNull();
    expect(indicatorRule(indicator({ status: 'met', status_reason: REASONS.doneWithoutNumber }), 10)).toBeNull();
  });

  it('budget: 执行率 × 分值, capped at 分值', () => {
    expect(budgetRule({ budget_weight: 10, execution_rate: 0.9 })).toMatchObject({ allowed: 9, note: '90% × 10 = 9' });
    expect(budgetRule({ budget_weight: 20, execution_rate: 1.2 })).toMatchObject({ allowed: 20 });
    expect(budgetRule({ budget_weight: null, execution_rate: 0.9 })).toBeNull();
  });
});

describe('a report', () => {
  const base = { budget_weight: 10, budget_score: 10, execution_rate: 1, total_weight: 100, total_score: 100 };

  it('caps each unit\'s self-score at the rule, and keeps a self-score below it', () => {
    const rows = [
      indicator({ seq: 1, weight: 50, score: 50, status: 'not_met', target_value: 10, actual_value: 5, level3_line: 7 }), // allowed 25
      indicator({ seq: 2, weight: 40, score: 30, status: 'met', target_value: 10, actual_value: 12 }), // allowed 40, self 30 stays
    ];
    const { report, excess } = rescoreReport({ ...base, total_score: 90 }, rows);
    expect(report).toMatchObject({ rule_total_score: 10 + 25 + 30, gap: 25, rule_grade: '中', rule_coverage: 1 });
    expect(excess).toEqual([{ seqs: [1], line: 7, declared: 50, allowed: 25 }]);
  });

  it('scores a merged group as a whole: one miss in four costs its share', () => {
    const rows = [1, 2, 3, 4].map((seq) => indicator({
      seq, weight: seq === 1 ? 20 : null, score: seq === 1 ? 20 : null, group_id: 'r#1', group_weight: 20, group_score: 20,
      status: seq === 3 ? 'not_met' : 'met', target_value: 10, actual_value: seq === 3 ? 5 : 10,
    }));
    const { report, indicators } = rescoreReport({ ...base, total_weight: 30, total_score: 30 }, rows);
    expect(indicators.map((r) => r.rule_score)).toEqual([5, 5, 2.5, 5]);
    expect(report).toMatchObject({ rule_total_score: 10 + 17.5, gap: 2.5 });
  });

  it('leaves a not-applicable indicator out and scales the rest to the full points', () => {
    const rows = [
      indicator({ seq: 1, weight: 45, score: 45, status: 'met', target_value: 1, actual_value: 1 }),
      indicator({ seq: 2, weight: 45, score: 45, status: 'unknown', actual_text: '不适用' }),
    ];
    const { report, indicators } = rescoreReport(base, rows);
    expect(indicators[1].rule).toBe('not_applicable');
    // (10 + 45) × 100 ÷ (100 − 45) = 100.
    expect(report).toMatchObject({ rule_total_score: 100, rule_coverage: 1 });
  });

  it('gives no 复核 score to a form without points', () => {
    const rows = [indicator({ weight: null, score: null, status: 'met' })];
    const { report } = rescoreReport({ ...base, budget_weight: null, budget_score: null, total_weight: null, total_score: null }, rows);
    expect(report).toMatchObject({ rule_total_score: null, rule_coverage: null, rule_grade: null, gap: null });
  });
});

describe('SELF_SCORE_INFLATED', () => {
  const report = (budgetScore: number, rate: number) => ({ budget_weight: 10, budget_score: budgetScore, execution_rate: rate, total_weight: 30 });
  const run = (r: ReturnType<typeof report>, rows: IndicatorRow[]) => {
    const total = r.budget_score + rows.reduce((sum, row) => sum + (row.score ?? 0), 0);
    const full = { ...r, total_score: total, grade: total >= 90 ? '优' : total >= 80 ? '良' : total >= 60 ? '中' : '差' };
    const rescored = rescoreReport(full, rows);
    const sink = new FindingSink('r');
    checkInflated(full, rows, rescored, 7, sink);
    return sink.rows;
  };
  const met = indicator({ seq: 2, weight: 20, score: 20, level3_line: 12, status: 'met' });

  it('names the budget at its total row when 执行率 × 分值 allows less than it claims', () => {
    // 80 % spent, 10 of 10 claimed: 8 allowed; 30 → 28, 2 points above, the grade (差, on 30 points) the same: a warning.
    const rows = run(report(10, 0.8), [met]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ code: 'SELF_SCORE_INFLATED', field: 'reports.budget_score', expected: '8', found: '10', line: 7, severity: 'warning' });
    expect(JSON.parse(rows[0].params!)).toEqual({ variant: 'budget', declared: 10, allowed: 8, total: 30, rule: 28, gap: 2 });
    expect(rows[0].message).toBe('预算执行自评 10 分，按执行率 × 分值最多 8 分（全表自评 30 分，复核 28 分，高出 2 分）');
  });

  it('stays silent under one point, and is a warning while the grade holds and the gap is under five', () => {
    expect(run(report(10, 0.95), [met])).toEqual([]); // 9.5 allowed: half a point
    const salons = indicator({ seq: 3, level3: '沙龙', weight: 10, score: 10, target_op: '>=', target_value: 10, actual_value: 8, status: 'not_met', level3_line: 20 });
    const big = indicator({ seq: 4, weight: 80, score: 80, status: 'met', level3_line: 30 });
    const rows = run({ ...report(10, 1), total_weight: 100 }, [salons, big]);
    // 100 → 98 (8 ÷ 10 × 10): 优 both ways, 2 points: a warning at the indicator's line.
    expect(rows.map((f) => [f.severity, f.line, f.expected, f.found])).toEqual([['warning', 20, '8', '10']]);
    expect(rows[0].message).toBe('第 3 个指标“沙龙”自评 10 分，按评分规则最多 8 分（全表自评 100 分，复核 98 分，高出 2 分）');
  });
});

describe('properties on every golden report', () => {
  const GOLDEN = path.resolve(import.meta.dirname, 'output');
  const files = readdirSync(GOLDEN).filter((f) => f.endsWith('.json'));
  type Parsed = ReturnType<typeof parseReport>;
  /** A golden holds one report's tables, or (a file of several tables) each table's and the refusals. */
  const reportsOf = (file: string): Parsed[] => {
    const golden = JSON.parse(readFileSync(path.join(GOLDEN, file), 'utf8'));
    return 'refusals' in golden ? golden.reports : [golden];
  };
  const cases = files.flatMap((file) => reportsOf(file).filter((p) => p.reports?.length).map((p) => [p.reports[0].report_id, p] as const));

  it.each(cases)('%s: 0 ≤ rule score ≤ points, the total at most the full points and the self-score, met everywhere keeps the total', (_id, parsed) => {
    const [r] = parsed.reports;
    const { report, indicators } = rescoreReport(r, parsed.indicators);
    indicators.forEach((rule, i) => {
      const row = parsed.indicators[i];
      const points = row.group_id == null ? row.weight : row.group_weight;
      if (rule.rule_score == null || points == null) return;
      expect(rule.rule_score).toBeGreaterThanOrEqual(0);
      expect(rule.rule_score).toBeLessThanOrEqual(points + 0.01);
    });
    if (report.rule_total_score != null) {
      expect(report.rule_total_score).toBeLessThanOrEqual(Math.max(100, r.total_weight ?? 100) + 0.01);
      if (r.total_score != null) expect(report.rule_total_score).toBeLessThanOrEqual(r.total_score + 0.01);
    }
    const allMet = parsed.indicators.every((row) => row.status === 'met') && (r.execution_rate ?? 0) >= 1;
    if (allMet && r.total_score != null) expect(report.rule_total_score).toBe(r.total_score);
  });
});
