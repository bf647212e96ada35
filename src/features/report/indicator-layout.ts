/**
 * Where the paper table merges cells: consecutive rows with the same 一级 (as printed) share one
 * 一级 cell, rows with the same 二级 inside it one 二级 cell, and the rows of a merged 分值/得分
 * group (group_id) one 分值 and one 得分 cell. Pure, so the rowspans are tested without a DOM.
 */
import type { ReportIndicatorRow } from '../../queries/report-indicators.ts';

export interface IndicatorLayoutRow {
  indicator: ReportIndicatorRow;
  /** The 一级 label as printed (normalized when the dataset lacks the printed one). */
  level1Label: string;
  /** Rows the cell spans from this row; 0 = covered by a cell above (render nothing). */
  level1Span: number;
  level2Span: number;
  scoreSpan: number;
  /** The 分值 / 得分 of the row, or of its whole group on the group's first row. */
  weight: number | null;
  score: number | null;
  /** Source lines a finding may point at to name this row. */
  lines: number[];
  /** 复核 of the scoring unit (the row, or its whole group on the group's first row). */
  rule: UnitRule;
}

export interface UnitRule {
  /** What the rules allow the unit (the sum of its members' shares); null when nothing is known. */
  allowed: number | null;
  /** Some member's rule could be checked (not only kept self-scores). */
  checked: boolean;
  /** The self-score goes beyond what the rules allow. */
  over: boolean;
  members: { level3: string | null; rule: string | null; note: string | null }[];
}

const UNCHECKED_RULES = new Set(['not_verifiable', 'no_points', 'not_applicable']);

function unitRule(members: readonly ReportIndicatorRow[], score: number | null): UnitRule {
  const allowedParts = members.map((m) => m.rule_score).filter((v): v is number => v != null);
  const allowed = allowedParts.length ? Math.round(allowedParts.reduce((a, b) => a + b, 0) * 100) / 100 : null;
  const checked = members.some((m) => m.rule != null && !UNCHECKED_RULES.has(m.rule));
  return {
    allowed,
    checked,
    over: checked && score != null && allowed != null && score > allowed + 0.005,
    members: members.map((m) => ({ level3: m.level3, rule: m.rule, note: m.rule_note })),
  };
}

const level1Of = (row: ReportIndicatorRow): string => row.level1_printed ?? row.level1 ?? '';

/** Lengths of runs of equal keys, written on each run's first index (0 elsewhere). */
function runSpans(keys: readonly (string | null)[], merge: (key: string | null) => boolean = () => true): number[] {
  const spans = keys.map(() => 1);
  let start = 0;
  for (let i = 1; i <= keys.length; i++) {
    const sameRun = i < keys.length && merge(keys[i]) && keys[i] === keys[start];
    if (sameRun) continue;
    for (let j = start + 1; j < i; j++) spans[j] = 0;
    spans[start] = i - start;
    start = i;
  }
  return spans;
}

export function layoutIndicators(rows: readonly ReportIndicatorRow[]): IndicatorLayoutRow[] {
  const level1Keys = rows.map(level1Of);
  const level1Spans = runSpans(level1Keys);
  // A 二级 run never crosses a 一级 boundary: the key carries the 一级 block's start.
  let block = -1;
  const level2Keys = rows.map((row, i) => {
    if (level1Spans[i] > 0) block = i;
    return `${block}\u0000${row.level2 ?? ''}`;
  });
  const level2Spans = runSpans(level2Keys);
  const scoreSpans = runSpans(rows.map((row) => row.group_id), (key) => key !== null);
  return rows.map((indicator, i) => {
    const grouped = indicator.group_id !== null && scoreSpans[i] > 1;
    const score = grouped ? indicator.score ?? indicator.group_score : indicator.score;
    return {
      indicator,
      level1Label: level1Keys[i],
      level1Span: level1Spans[i],
      level2Span: level2Spans[i],
      scoreSpan: scoreSpans[i],
      weight: grouped ? indicator.weight ?? indicator.group_weight : indicator.weight,
      score,
      rule: unitRule(rows.slice(i, i + Math.max(1, scoreSpans[i])), score),
      lines: [...new Set([indicator.line, indicator.level3_line].filter((n): n is number => n != null))],
    };
  });
}

/** The source lines the findings point at, for highlighting the rows they name. */
export const findingLines = (findings: readonly { line: number | null }[]): Set<number> =>
  new Set(findings.map((f) => f.line).filter((n): n is number => n != null));

/** Two rates disagree when they differ by more than rounding to a tenth of a percent. */
export const ratesDiffer = (a: number | null, b: number | null): boolean =>
  a != null && b != null && Math.abs(a - b) > 0.0005;

/** Two scores disagree beyond rounding. */
export const scoresDiffer = (a: number | null, b: number | null): boolean =>
  a != null && b != null && Math.abs(a - b) > 0.005;
