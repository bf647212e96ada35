import { indicatorCondition, reportOnlyCondition, type Filters } from './filters.ts';
import { pageClause, type PageRequest } from './paging.ts';
import { fragment, sql, type Query, type SqlFragment } from './query.ts';
import type { IndicatorStatus } from '../parser/types.ts';

export interface IndicatorMissRow {
  report_id: string;
  project: string | null;
  city: string | null;
  seq: number;
  level1: string | null;
  level2: string | null;
  level3: string | null;
  target_text: string | null;
  actual_text: string | null;
  /** The parsed target, shown when the target was written only inside the indicator's name. */
  target_value: number | null;
  target_unit: string | null;
  /** 分值 and 得分; for a merged group, the group's (shared by `group_size` indicators). */
  weight: number | null;
  score: number | null;
  group_size: number;
  status: IndicatorStatus;
  status_reason: string | null;
  /** 偏差原因分析及改进措施; NULL when the report leaves it blank. */
  deviation: string | null;
  line: number | null;
  /** Totals over every matching row (the list may be cut at `limit`). */
  total: number;
  deductions: number;
  points_deducted: number | null;
  without_reason: number;
}

/**
 * Misses and deductions: indicators not met or partly met, and those scored below their weight.
 * A merged group's 分值/得分 belong to the group, so its deduction is listed once, on the
 * group's first row (the one printing the weight). Misses first, then the largest deductions.
 */
export function indicatorMisses(filters: Filters, limit = 300): Query<IndicatorMissRow> {
  if (!(Number.isInteger(limit) && limit > 0 && limit <= 5000)) throw new Error(`indicatorMisses: limit ${limit} out of range`);
  return missesQuery('indicator-misses', filters, fragment('LIMIT ?', [limit]));
}

/** One page of the same list (LIMIT/OFFSET in DuckDB), each row still carrying the totals. */
export function indicatorMissesPage(filters: Filters, page: PageRequest): Query<IndicatorMissRow> {
  return missesQuery('indicator-misses-page', filters, fragment(pageClause(page, 'indicator misses')));
}

function missesQuery(name: string, filters: Filters, tail: SqlFragment): Query<IndicatorMissRow> {
  return sql<IndicatorMissRow>(name)`
    WITH scored AS (
      SELECT i.*, r.project, r.city,
        COALESCE(i.group_weight, i.weight) AS w,
        COALESCE(i.group_score, i.score) AS s,
        COALESCE(i.group_score, i.score) < COALESCE(i.group_weight, i.weight)
          AND (i.group_id IS NULL OR i.weight IS NOT NULL) AS deducted
      FROM indicators i JOIN reports r ON r.report_id = i.report_id
      WHERE ${reportOnlyCondition(filters)} AND ${indicatorCondition(filters)}
    ), group_sizes AS (
      SELECT report_id, group_id, COUNT(*)::INTEGER AS group_size
      FROM indicators WHERE group_id IS NOT NULL GROUP BY report_id, group_id
    )
    SELECT s.report_id, s.project, s.city, s.seq, s.level1, s.level2, s.level3, s.target_text, s.actual_text,
      s.target_value, s.target_unit,
      s.w AS weight, s.s AS score, COALESCE(g.group_size, 1) AS group_size,
      s.status, s.status_reason, s.deviation, s.line,
      (COUNT(*) OVER ())::INTEGER AS total,
      (COUNT(*) FILTER (WHERE s.deducted) OVER ())::INTEGER AS deductions,
      (SUM(s.w - s.s) FILTER (WHERE s.deducted) OVER ())::DOUBLE AS points_deducted,
      (COUNT(*) FILTER (WHERE s.deviation IS NULL) OVER ())::INTEGER AS without_reason
    FROM scored s LEFT JOIN group_sizes g ON g.report_id = s.report_id AND g.group_id = s.group_id
    WHERE s.status IN ('not_met', 'partial') OR s.deducted
    ORDER BY CASE s.status WHEN 'not_met' THEN 1 WHEN 'partial' THEN 2 ELSE 3 END,
      CASE WHEN s.deducted THEN s.w - s.s END DESC NULLS LAST, s.report_id, s.seq
    ${tail}`;
}
