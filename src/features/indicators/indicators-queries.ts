/** The indicators view's queries, in one place (run live; not in the build snapshot). */
import type { Filters } from '../../queries/filters.ts';
import { indicatorAchievement } from '../../queries/indicator-achievement.ts';
import type { PageState } from '../../components/data-table-url.ts';
import { indicatorMissesPage } from '../../queries/indicator-misses.ts';
import { indicatorStatusByLevel } from '../../queries/indicator-status-by-level.ts';
import { indicatorStatusTop } from '../../queries/indicator-status-top.ts';

/** The achievement chart keeps the lowest ratios: a chart of hundreds of bars reads as nothing. */
export const ACHIEVEMENT_LIMIT = 40;

/** Each query returns a bounded number of rows: the projects' chart its top reports, the misses one page. */
export function indicatorsQueryset(filters: Filters, missesPage: PageState) {
  return {
    byLevel: indicatorStatusByLevel(filters),
    byReport: indicatorStatusTop(filters),
    achievement: indicatorAchievement(filters, ACHIEVEMENT_LIMIT),
    misses: indicatorMissesPage(filters, missesPage),
  };
}
