import { indicatorCondition, REPORT_INDICATORS, reportOnlyCondition, type Filters } from './filters.ts';
import { sql, type Query } from './query.ts';
import type { IndicatorStatus } from '../parser/types.ts';

export interface IndicatorStatusByReportRow {
  report_id: string;
  project: string | null;
  city: string | null;
  year: number | null;
  status: IndicatorStatus;
  indicators: number;
}

/** 三级 indicators per report (project) × status; one report can hold several statuses. From the per-report × 一级 × status counts. */
export function indicatorStatusByReport(filters: Filters): Query<IndicatorStatusByReportRow> {
  return sql<IndicatorStatusByReportRow>('indicator-status-by-report')`
    SELECT r.report_id, r.project, r.city, r.year, i.status, SUM(i.indicators)::INTEGER AS indicators
    FROM ${REPORT_INDICATORS} i JOIN reports r ON r.report_id = i.report_id
    WHERE ${reportOnlyCondition(filters)} AND ${indicatorCondition(filters)}
    GROUP BY r.report_id, r.project, r.city, r.year, i.status
    ORDER BY r.report_id, i.status`;
}
