import { reportCondition, type Filters } from './filters.ts';
import { sql, type Query } from './query.ts';

/** The grades of the guidance, best first: 优 ≥ 90, 良 80–89, 中 60–79, 差 < 60. */
export const GRADES = ['优', '良', '中', '差'] as const;

export interface ScoreGradeCountRow {
  grade: string;
  reports: number;
}

/** Reports per grade (reports without a grade are left out), in the order 优 良 中 差. */
export function scoreGradeCounts(filters: Filters): Query<ScoreGradeCountRow> {
  return sql<ScoreGradeCountRow>('score-grade-counts')`
    SELECT r.grade, COUNT(*)::INTEGER AS reports
    FROM reports r
    WHERE r.grade IS NOT NULL AND ${reportCondition(filters)}
    GROUP BY r.grade
    ORDER BY CASE r.grade WHEN '优' THEN 1 WHEN '良' THEN 2 WHEN '中' THEN 3 WHEN '差' THEN 4 ELSE 5 END, r.grade`;
}
