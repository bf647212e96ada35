import { fragment, sql, type Query } from './query.ts';
import type { IndicatorStatus } from '../parser/types.ts';

export interface ReportIndicatorRow {
  seq: number;
  level1: string | null;
  /** The 一级 cell as printed (`产出指标(50分)`); null in datasets without the added columns. */
  level1_printed: string | null;
  level2: string | null;
  level2_printed: string | null;
  level3: string | null;
  target_text: string | null;
  actual_text: string | null;
  /** On a merged group's first row only; the group's figures are in group_weight / group_score. */
  weight: number | null;
  score: number | null;
  group_id: string | null;
  group_weight: number | null;
  group_score: number | null;
  deviation: string | null;
  status: IndicatorStatus;
  status_reason: string | null;
  achievement: number | null;
  /** Source line where the row starts, and the line of its 三级 cell. */
  line: number | null;
  level3_line: number | null;
  /** 复核: what the rules allow (a member's share of its group), the rule's code and arithmetic. */
  rule_score: number | null;
  rule: string | null;
  rule_note: string | null;
}

/** The 三级 indicators of one report in table order. */
export function reportIndicators(reportId: string): Query<ReportIndicatorRow> {
  const id = fragment('?', [reportId]);
  return sql<ReportIndicatorRow>('report-indicators')`
    SELECT
      i.seq, i.level1, i.level1_printed, i.level2, i.level2_printed, i.level3, i.target_text, i.actual_text,
      i.weight, i.score, i.group_id, i.group_weight, i.group_score, i.deviation, i.status, i.status_reason,
      i.achievement, i.line, i.level3_line, i.rule_score, i.rule, i.rule_note
    FROM indicators i
    WHERE i.report_id = ${id}
    ORDER BY i.seq`;
}
