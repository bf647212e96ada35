import { indicatorCondition, reportOnlyCondition, type Filters } from './filters.ts';
import { sql, type Query } from './query.ts';
import type { IndicatorStatus } from '../parser/types.ts';

export const INDICATOR_STATUSES: readonly IndicatorStatus[] = ['met', 'partial', 'not_met', 'claimed', 'unknown'];

export interface IndicatorStatusCountRow {
  status: IndicatorStatus;
  indicators: number;
}

/** How many 三级 indicators met, partly met, missed or could not be judged their targets. */
export function indicatorStatusCounts(filters: Filters): Query<IndicatorStatusCountRow> {
  return sql<IndicatorStatusCountRow>('indicator-status-counts')`
    SELECT i.status, COUNT(*)::INTEGER AS indicators
    FROM indicators i JOIN reports r ON r.report_id = i.report_id
    WHERE ${reportOnlyCondition(filters)} AND ${indicatorCondition(filters)}
    GROUP BY i.status
    ORDER BY CASE i.status WHEN 'met' THEN 1 WHEN 'partial' THEN 2 WHEN 'not_met' THEN 3 ELSE 4 END`;
}
