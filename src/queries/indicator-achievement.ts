import { indicatorCondition, reportOnlyCondition, type Filters } from './filters.ts';
import { fragment, sql, type Query } from './query.ts';
import type { IndicatorStatus } from '../parser/types.ts';

export interface IndicatorAchievementRow {
  report_id: string;
  project: string | null;
  seq: number;
  level3: string | null;
  target_text: string | null;
  actual_text: string | null;
  target_value: number | null;
  target_unit: string | null;
  actual_value: number | null;
  /** actual / target as a fraction (1 = 100%). */
  achievement: number;
  status: IndicatorStatus;
  /** How many indicators have an achievement under the filters (the list may be cut at `limit`). */
  total: number;
}

/**
 * Achievement ratios of the quantitative indicators (achievement not NULL), lowest first, so the
 * shortfalls lead and a long list keeps them when it is cut at `limit`.
 */
export function indicatorAchievement(filters: Filters, limit = 60): Query<IndicatorAchievementRow> {
  if (!(Number.isInteger(limit) && limit > 0 && limit <= 1000)) throw new Error(`indicatorAchievement: limit ${limit} out of range`);
  return sql<IndicatorAchievementRow>('indicator-achievement')`
    SELECT r.report_id, r.project, i.seq, i.level3, i.target_text, i.actual_text,
      i.target_value, i.target_unit, i.actual_value, i.achievement, i.status,
      (COUNT(*) OVER ())::INTEGER AS total
    FROM indicators i JOIN reports r ON r.report_id = i.report_id
    WHERE i.achievement IS NOT NULL AND ${reportOnlyCondition(filters)} AND ${indicatorCondition(filters)}
    ORDER BY i.achievement, r.project, r.report_id, i.seq
    LIMIT ${fragment('?', [limit])}`;
}
