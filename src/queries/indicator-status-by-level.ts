import { indicatorCondition, reportOnlyCondition, type Filters } from './filters.ts';
import { sql, type Query } from './query.ts';
import type { IndicatorStatus } from '../parser/types.ts';

export interface IndicatorStatusByLevelRow {
  level1: string | null;
  level2: string | null;
  status: IndicatorStatus;
  indicators: number;
}

/**
 * 三级 indicators per 一级 × 二级 × status. The 一级 chart sums these rows; one scan serves both
 * charts and the status totals of the view.
 */
export function indicatorStatusByLevel(filters: Filters): Query<IndicatorStatusByLevelRow> {
  return sql<IndicatorStatusByLevelRow>('indicator-status-by-level')`
    SELECT i.level1, i.level2, i.status, COUNT(*)::INTEGER AS indicators
    FROM indicators i JOIN reports r ON r.report_id = i.report_id
    WHERE ${reportOnlyCondition(filters)} AND ${indicatorCondition(filters)}
    GROUP BY i.level1, i.level2, i.status
    ORDER BY i.level1, i.level2, i.status`;
}
