/** The indicators view's queries, in one place (run live; not in the build snapshot). */
import type { Filters } from '../../queries/filters.ts';
import { indicatorAchievement } from '../../queries/indicator-achievement.ts';
import { indicatorMisses } from '../../queries/indicator-misses.ts';
import { indicatorStatusByLevel } from '../../queries/indicator-status-by-level.ts';
import { indicatorStatusByReport } from '../../queries/indicator-status-by-report.ts';

/** The achievement chart keeps the lowest ratios: a chart of hundreds of bars reads as nothing. */
export const ACHIEVEMENT_LIMIT = 40;
export const MISSES_LIMIT = 300;

export function indicatorsQueryset(filters: Filters) {
  return {
    byLevel: indicatorStatusByLevel(filters),
    byReport: indicatorStatusByReport(filters),
    achievement: indicatorAchievement(filters, ACHIEVEMENT_LIMIT),
    misses: indicatorMisses(filters, MISSES_LIMIT),
  };
}
