import { reportCondition, type Filters } from './filters.ts';
import { sql, type Query } from './query.ts';

/** The grades of the guidance, best first: 优 ≥ 90, 良 80–89, 中 60–79, 差 < 60. */
export const GRADES = ['优', '良', '中', '差'] as const;

export interface ScoreGradeCountRow {
  grade: string;
  /** Reports graded so by their self-score. */
  reports: number;
  /** Reports graded so by their 复核 score (rule_grade). */
  rule_reports: number;
}

/** Reports per grade, by self-score and by 复核 (reports without one are left out), in the order 优 良 中 差. */
export function scoreGradeCounts(filters: Filters): Query<ScoreGradeCountRow> {
  return sql<ScoreGradeCountRow>('score-grade-counts')`
    WITH scope AS (SELECT r.grade, r.rule_grade FROM reports r WHERE ${reportCondition(filters)}),
    graded AS (
      SELECT grade, FALSE AS by_rule FROM scope WHERE grade IS NOT NULL
      UNION ALL SELECT rule_grade, TRUE FROM scope WHERE rule_grade IS NOT NULL
    )
    SELECT grade, COUNT(*) FILTER (WHERE NOT by_rule)::INTEGER AS reports, COUNT(*) FILTER (WHERE by_rule)::INTEGER AS rule_reports
    FROM graded
    GROUP BY grade
    ORDER BY CASE grade WHEN '优' THEN 1 WHEN '良' THEN 2 WHEN '中' THEN 3 WHEN '差' THEN 4 ELSE 5 END, grade`;
}
