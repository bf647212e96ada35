/**
 * 复核: each report scored again by the published scoring rules of the project self-evaluation
 * table, to show where the department's own points go beyond what the rules allow. Pure: it takes
 * a report's contract rows and gives the rule's points; nothing here reads or writes a file.
 *
 * The rules, as the templates' notes print them (sources and wording in docs/scoring-rules.md):
 * - 预算执行: "执行率*该指标分值，最高不得超过分值上限" (北京 2016 项目支出绩效自评表, 得分计算方法;
 *   湖北's header `得分（20分*执行率）`); the rate is against 全年预算数 (湖北 2020: "预算数为调整后
 *   财政资金总额").
 * - 定量指标: "完成值达到指标值，记满分；未达到指标值，按 B/A 或 A/B*该指标分值记分。正向指标（即指标值为
 *   ≥*）… 全年实际值(B)/年度指标值(A)*该指标分值；反向指标（即指标值为≤*）… 年度指标值(A)/全年实际值(B)
 *   *该指标分值" (财预〔2020〕10号 notes as reprinted with the 2017 江西省政协 table); "得分最高不能超过
 *   该指标分值上限".
 * - 定性指标: three bands of the points (100–80 %, 80–50 %, 50–0 %, or 80–60 / 60–0 in 四川 2022),
 *   "合理确定分值": a judgement, so not rescored.
 * - "对于不适用部分评价对象的评价指标，不考核该指标，用适用指标得分汇总后按百分制对该项目折算计分".
 *
 * What the check does with them: the rule gives what a scoring unit (an indicator, or a merged
 * 分值/得分 group) may score at most; the 复核 score of the unit is its self-score capped there.
 * A self-score below the rule stays (the department's own deduction, which the qualitative bands
 * and its knowledge may justify): the check finds points claimed beyond the rules, and never adds any.
 */
import { gradeOf } from './grade.ts';
import { CLAIMED_REASONS } from './reasons.ts';
import type { FindingSink } from './findings.ts';
import type { IndicatorRow, ReportRow } from './types.ts';

/**
 * 自评 − 复核 from which a report counts as inflated (finding SELF_SCORE_INFLATED): one point, the
 * smallest step a 三级 indicator's score is given in (docs/scoring-rules.md); below it the gap is
 * the rounding of a group's shares or of a rate × points.
 */
export const INFLATED_GAP = 1;
/** A gap from which SELF_SCORE_INFLATED is an error even when the grade stays: five points. */
export const INFLATED_GAP_ERROR = 5;

/** How an indicator's (or the budget's) points were checked. */
export type RuleCode =
  | 'budget_rate' // 执行率 × 分值, capped at 分值
  | 'met_full' // the target is met: full points
  | 'ratio_up' // ≥ target missed: actual ÷ target × points
  | 'ratio_down' // ≤ target missed: target ÷ actual × points
  | 'ratio_equal' // = target missed: the smaller of the two ratios × points
  | 'ratio_range' // outside a range: the nearer bound against the actual × points
  | 'all_or_nothing' // a rank, a deadline or a yes/no target missed: no points
  | 'not_verifiable' // qualitative, relative, claimed or unknown: the self-score kept
  | 'not_applicable' // 不适用: left out, the rest scaled to the full points
  | 'no_points'; // the form gives the indicator no 分值: nothing to score against

export interface IndicatorRule {
  seq: number;
  /** What the rule allows the indicator (its share of a group's points in a group); null when it allows nothing checkable. */
  rule_score: number | null;
  rule: RuleCode;
  /** The arithmetic, language-neutral (`6 ÷ 10 × 20 = 12`); words come from the rule code. */
  rule_note: string | null;
}

export interface ReportRule {
  /** The self-score capped at what the rules allow, unit by unit; null when the form gives no points. */
  rule_total_score: number | null;
  /** Share of the points (budget and indicators) whose rule could be checked, 0–1. */
  rule_coverage: number | null;
  rule_grade: string | null;
  /** The budget's points under its rule, or the self-score where the rate or points are missing. */
  rule_budget_score: number | null;
  budget_rule: RuleCode | null;
  budget_note: string | null;
  /** Self-score minus 复核 score (≥ 0). */
  gap: number | null;
}

export interface Rescored {
  report: ReportRule;
  indicators: IndicatorRule[];
  /** The scoring units whose self-score goes beyond the rule, largest first. */
  excess: { seqs: number[]; line: number; declared: number; allowed: number }[];
}

const round2 = (v: number) => Math.round((v + Number.EPSILON) * 100) / 100;
const fmt = (v: number) => String(round2(v));
const NOT_APPLICABLE = /^(?:不适用|不涉及|无此项)$/;


/** What the rule allows an indicator out of `points`, or null when its rule cannot be checked. */
export function indicatorRule(row: IndicatorRow, points: number): { allowed: number; rule: RuleCode; note: string | null } | null {
  const compact = (t: string | null) => (t ?? '').replace(/\s/g, '');
  if (NOT_APPLICABLE.test(compact(row.actual_text)) || NOT_APPLICABLE.test(compact(row.target_text))) return { allowed: 0, rule: 'not_applicable', note: null };
  // Claimed, not shown: an actual that restates the target or the name, or says done with no figure.
  if (row.status === 'claimed' || (row.status_reason != null && CLAIMED_REASONS.has(row.status_reason))) return null;
  if (row.status === 'met') return { allowed: points, rule: 'met_full', note: `${fmt(points)}` };
  if (row.status !== 'not_met' && row.status !== 'partial') return null;
  const target = row.target_value;
  const actual = row.actual_value;
  if (row.kind === 'rank' || row.kind === 'deadline') {
    return row.status === 'not_met' ? { allowed: 0, rule: 'all_or_nothing', note: '0' } : null;
  }
  if (row.kind !== 'quantity' && row.kind !== 'frequency' && row.kind !== 'range') return null;
  if (target == null || actual == null || actual < 0) return null;
  const capped = (ratio: number) => Math.max(0, Math.min(points, ratio * points));
  switch (row.target_op) {
    case '>=': {
      if (target <= 0) return { allowed: points, rule: 'met_full', note: `${fmt(points)}` };
      const allowed = capped(actual / target);
      return { allowed, rule: 'ratio_up', note: `${fmt(actual)} ÷ ${fmt(target)} × ${fmt(points)} = ${fmt(allowed)}` };
    }
    case '<=': {
      if (actual <= target) return { allowed: points, rule: 'met_full', note: `${fmt(points)}` };
      const allowed = capped(target / actual);
      return { allowed, rule: 'ratio_down', note: `${fmt(target)} ÷ ${fmt(actual)} × ${fmt(points)} = ${fmt(allowed)}` };
    }
    case '=': {
      if (actual === target) return { allowed: points, rule: 'met_full', note: `${fmt(points)}` };
      if (actual === 0 || target === 0) return { allowed: 0, rule: 'ratio_equal', note: '0' };
      const [small, large] = actual < target ? [actual, target] : [target, actual];
      const allowed = capped(small / large);
      return { allowed, rule: 'ratio_equal', note: `${fmt(small)} ÷ ${fmt(large)} × ${fmt(points)} = ${fmt(allowed)}` };
    }
    case 'between': {
      const max = row.target_value_max;
      if (max == null) return null;
      if (actual >= target && actual <= max) return { allowed: points, rule: 'met_full', note: `${fmt(points)}` };
      const [num, den] = actual < target ? [actual, target] : [max, actual];
      if (den === 0) return { allowed: 0, rule: 'ratio_range', note: '0' };
      const allowed = capped(num / den);
      return { allowed, rule: 'ratio_range', note: `${fmt(num)} ÷ ${fmt(den)} × ${fmt(points)} = ${fmt(allowed)}` };
    }
    default:
      return null;
  }
}

/**
 * The budget's points: 执行率 × 分值, capped at 分值 (an execution rate above 100 % earns no more).
 * Null when the form gives no budget points or no rate.
 */
export function budgetRule(report: Pick<ReportRow, 'budget_weight' | 'execution_rate'>): { allowed: number; note: string } | null {
  const { budget_weight: points, execution_rate: rate } = report;
  if (points == null || rate == null || rate < 0) return null;
  const allowed = Math.min(points, rate * points);
  return { allowed, note: `${fmt(rate * 100)}% × ${fmt(points)} = ${fmt(allowed)}` };
}

/**
 * A merged 分值/得分 group is scored as a whole (the form gives its members no points of their
 * own): each member counts for an equal share of the group's points, scored by its own rule; a
 * member whose rule cannot be checked keeps its equal share of the group's self-score.
 */
function scoringUnits(rows: IndicatorRow[]): IndicatorRow[][] {
  const units: IndicatorRow[][] = [];
  const byGroup = new Map<string, IndicatorRow[]>();
  for (const row of rows) {
    if (row.group_id == null) units.push([row]);
    else {
      let unit = byGroup.get(row.group_id);
      if (!unit) {
        unit = [];
        byGroup.set(row.group_id, unit);
        units.push(unit);
      }
      unit.push(row);
    }
  }
  return units;
}

export function rescoreReport(report: Pick<ReportRow, 'budget_weight' | 'budget_score' | 'execution_rate' | 'total_weight' | 'total_score'>, rows: IndicatorRow[]): Rescored {
  const rules = new Map<number, IndicatorRule>();
  const excess: Rescored['excess'] = [];
  let total = 0;
  let points = 0;
  let checked = 0;
  let missingPoints = false;
  let notApplicable = 0;

  const budget = budgetRule(report);
  let ruleBudget: number | null = report.budget_score;
  if (report.budget_weight != null) {
    points += report.budget_weight;
    if (budget) {
      checked += report.budget_weight;
      ruleBudget = report.budget_score == null ? round2(budget.allowed) : Math.min(report.budget_score, round2(budget.allowed));
      if (report.budget_score != null && report.budget_score > budget.allowed + 0.005) {
        excess.push({ seqs: [], line: 0, declared: report.budget_score, allowed: round2(budget.allowed) });
      }
    }
  }
  total += ruleBudget ?? 0;

  for (const unit of scoringUnits(rows)) {
    const leader = unit[0];
    const unitPoints = leader.group_id == null ? leader.weight : leader.group_weight;
    const declared = leader.group_id == null ? leader.score : leader.group_score;
    if (unitPoints == null) {
      missingPoints = true;
      for (const row of unit) rules.set(row.seq, { seq: row.seq, rule_score: null, rule: 'no_points', rule_note: null });
      total += declared ?? 0;
      continue;
    }
    points += unitPoints;
    const share = unitPoints / unit.length;
    const declaredShare = declared == null ? null : declared / unit.length;
    let allowed = 0;
    let unitChecked = 0;
    let unitNotApplicable = 0;
    for (const row of unit) {
      const rule = indicatorRule(row, share);
      if (rule?.rule === 'not_applicable') {
        unitNotApplicable += share;
        rules.set(row.seq, { seq: row.seq, rule_score: null, rule: 'not_applicable', rule_note: null });
      } else if (rule) {
        allowed += rule.allowed;
        unitChecked += share;
        rules.set(row.seq, { seq: row.seq, rule_score: round2(rule.allowed), rule: rule.rule, rule_note: rule.note });
      } else {
        allowed += declaredShare ?? 0;
        rules.set(row.seq, { seq: row.seq, rule_score: declaredShare == null ? null : round2(declaredShare), rule: 'not_verifiable', rule_note: null });
      }
    }
    notApplicable += unitNotApplicable;
    checked += unitChecked;
    // The unit's 复核 score: its self-score capped at what the rules allow (no self-score: the rule's).
    const unitRule = declared == null ? allowed : Math.min(declared, allowed);
    total += unitRule;
    if (declared != null && declared > allowed + 0.005 && unitChecked > 0) {
      excess.push({ seqs: unit.map((r) => r.seq), line: leader.level3_line, declared, allowed: round2(allowed) });
    }
  }

  const noPoints = points === 0 || (missingPoints && checked === 0);
  // 不适用 indicators left out: the rest scaled to the full points (百分制折算).
  const applicable = points - notApplicable;
  const scaled = notApplicable > 0 && applicable > 0 ? (total * points) / applicable : total;
  const ruleTotal = noPoints ? null : round2(scaled);
  const gap = ruleTotal == null || report.total_score == null ? null : round2(Math.max(0, report.total_score - ruleTotal));
  excess.sort((a, b) => b.declared - b.allowed - (a.declared - a.allowed));
  return {
    report: {
      rule_total_score: ruleTotal,
      rule_coverage: noPoints || applicable <= 0 ? null : round2(checked / applicable),
      rule_grade: gradeOf(ruleTotal),
      rule_budget_score: ruleBudget,
      budget_rule: report.budget_weight == null ? null : budget ? 'budget_rate' : 'not_verifiable',
      budget_note: budget?.note ?? null,
      gap,
    },
    indicators: rows.map((row) => rules.get(row.seq)!),
    excess,
  };
}

/** The contract's 复核 columns of a report (reports.rule_*), from rescoreReport's result. */
export const reportRuleColumns = ({ report }: Rescored) => ({
  rule_total_score: report.rule_total_score,
  rule_coverage: report.rule_coverage,
  rule_grade: report.rule_grade,
  rule_gap: report.gap,
  rule_budget_score: report.rule_budget_score,
});

/** The contract's 复核 columns of each indicator (indicators.rule_score / rule / rule_note), in row order. */
export const indicatorRuleColumns = ({ indicators }: Rescored) =>
  indicators.map((rule) => ({ rule_score: rule.rule_score, rule: rule.rule, rule_note: rule.rule_note }));

/**
 * SELF_SCORE_INFLATED: one finding for each scoring unit whose self-score goes beyond the rules,
 * when the report's 自评 − 复核 reaches INFLATED_GAP; an error when the grade changes or the gap
 * reaches INFLATED_GAP_ERROR, else a warning. Each points at the unit's line (the budget's at its
 * 年度资金总额 row) and names the report's totals, so one finding reads on its own.
 */
export function checkInflated(
  report: Pick<ReportRow, 'total_score' | 'grade'>,
  rows: readonly IndicatorRow[],
  rescored: Rescored,
  budgetLine: number | null,
  findings: FindingSink,
): void {
  const { gap, rule_total_score: rule, rule_grade: ruleGrade } = rescored.report;
  if (gap == null || rule == null || report.total_score == null || gap < INFLATED_GAP - 0.005) return;
  const severity = ruleGrade !== report.grade || gap >= INFLATED_GAP_ERROR ? 'error' : 'warning';
  const totals = { total: round2(report.total_score), rule, gap };
  for (const unit of rescored.excess) {
    const amounts = { declared: round2(unit.declared), allowed: unit.allowed };
    if (unit.seqs.length === 0) {
      findings.add('SELF_SCORE_INFLATED', severity, 'reports.budget_score', fmt(unit.allowed), fmt(unit.declared),
        { variant: 'budget', ...amounts, ...totals }, budgetLine);
      continue;
    }
    const leader = rows.find((row) => row.seq === unit.seqs[0])!;
    const named: Record<string, string | number> = unit.seqs.length === 1 ? { seq: leader.seq, name: leader.level3 } : { variant: 'group', count: unit.seqs.length, name: leader.level3 };
    findings.add('SELF_SCORE_INFLATED', severity, 'indicators.score', fmt(unit.allowed), fmt(unit.declared), { ...named, ...amounts, ...totals }, unit.line);
  }
}
