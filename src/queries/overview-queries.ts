/**
 * The overview's queries, in one place: the view runs them live and the build runs the same
 * list (with no filters) into snapshot.json, so the first paint needs no DuckDB.
 */
import { citySummary } from './city-summary.ts';
import { findingsByCode } from './findings-by-code.ts';
import type { Filters } from './filters.ts';
import { indicatorStatusCounts } from './indicator-status-counts.ts';
import { overviewFigures } from './overview-figures.ts';
import { previousYear } from './previous-year.ts';
import type { Query } from './query.ts';
import { reportList } from './report-list.ts';
import { scoreHistogram } from './score-histogram.ts';

export const SCORE_BIN_WIDTH = 5;

export function overviewQueryset(filters: Filters) {
  return {
    figures: overviewFigures(filters),
    // The year of the figures and the one before it (key figures' changes).
    previousYear: previousYear(filters),
    statusCounts: indicatorStatusCounts(filters),
    scoreHistogram: scoreHistogram(filters, SCORE_BIN_WIDTH),
    findingsByCode: findingsByCode(filters),
    // The budget chart, and the small versions of 对比 and 报告详情 (overview-tables.tsx).
    cities: citySummary(filters),
    reports: reportList(filters),
  };
}

export const overviewQueries = (filters: Filters): Query[] => Object.values(overviewQueryset(filters));
