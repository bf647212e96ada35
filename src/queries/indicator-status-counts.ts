import { indicatorCondition, REPORT_INDICATORS, reportFiltersOf, reportScope, type Filters } from './filters.ts';
import { sql, type Query } from './query.ts';
import type { IndicatorStatus } from '../parser/types.ts';

export const INDICATOR_STATUSES: readonly IndicatorStatus[] = ['met', 'partial', 'not_met', 'claimed', 'unknown'];

export interface IndicatorStatusCountRow {
  status: IndicatorStatus;
  indicators: number;
}

/** How many 三级 indicators met, partly met, missed or could not be judged their targets: sums of the per-report × 一级 × status counts. */
export function indicatorStatusCounts(filters: Filters): Query<IndicatorStatusCountRow> {
  return sql<IndicatorStatusCountRow>('indicator-status-counts')`
    SELECT i.status, SUM(i.indicators)::INTEGER AS indicators
    FROM ${REPORT_INDICATORS} i
    WHERE ${reportScope(reportFiltersOf(filters), 'i')} AND ${indicatorCondition(filters)}
    GROUP BY i.status
    ORDER BY CASE i.status WHEN 'met' THEN 1 WHEN 'partial' THEN 2 WHEN 'not_met' THEN 3 ELSE 4 END`;
}
