import { reportCondition, type Filters } from './filters.ts';
import { sql, type Query } from './query.ts';

/** Points by which a declared 总分 may differ from the computed total (the parser's tolerance). */
export const SCORE_TOLERANCE = 0.001;

/** 自评 − 复核 from which a report counts as inflated (the parser's SELF_SCORE_INFLATED threshold). */
export { INFLATED_GAP } from '../parser/rescore.ts';

export interface ScoreTotalRow {
  report_id: string;
  /** The project, else the printed 项目名称, else the report id: never blank. */
  project: string;
  year: number | null;
  city: string | null;
  /** budget_score + the indicator scores (computed by the ingest). */
  total_score: number | null;
  total_weight: number | null;
  /** The 总分 row as printed. */
  declared_total_score: number | null;
  grade: string | null;
  /** 复核: the total by the published rules, its grade, 自评 − 复核, and the share of points it could check. */
  rule_total_score: number | null;
  rule_grade: string | null;
  rule_gap: number | null;
  rule_coverage: number | null;
  /** Both totals present and different (what TOTAL_SCORE_MISMATCH reports). */
  mismatch: boolean;
}

/** One row per report: computed and declared totals and the grade, best score first. */
export function scoreTotals(filters: Filters): Query<ScoreTotalRow> {
  return sql<ScoreTotalRow>('score-totals')`
    SELECT
      r.report_id,
      COALESCE(r.project, r.project_name_printed, r.report_id) AS project,
      r.year,
      r.city,
      r.total_score,
      r.total_weight,
      r.declared_total_score,
      r.grade,
      r.rule_total_score,
      r.rule_grade,
      r.rule_gap,
      r.rule_coverage,
      COALESCE(ABS(r.declared_total_score - r.total_score) > ${String(SCORE_TOLERANCE)}, FALSE) AS mismatch
    FROM reports r
    WHERE ${reportCondition(filters)}
    ORDER BY r.total_score DESC NULLS LAST, r.report_id`;
}
