/**
 * The overview's four charts: which query each draws and with which option builder. The view
 * draws them from live or snapshot rows; the build draws the same option from the snapshot's
 * rows into SVG pictures (src/build/snapshot-charts.ts) that the first paint shows.
 */
import type { ChartOption, OptionContext } from '../chart-option.ts';
import type { Filters } from '../../queries/filters.ts';
import type { Query } from '../../queries/query.ts';
import { buildBudgetByCityOption } from './budget-by-city-option.ts';
import { buildFindingsByCodeOption } from './findings-by-code-option.ts';
import { buildIndicatorStatusOption } from './indicator-status-option.ts';
import { overviewQueryset, SCORE_BIN_WIDTH } from '../../queries/overview-queries.ts';
import { buildScoreHistogramOption } from './score-histogram-option.ts';

type Queryset = ReturnType<typeof overviewQueryset>;

export interface OverviewChart<Row> {
  /** Names the chart's snapshot pictures (`data/charts/<id>.<lang>.<width>.svg`). */
  id: string;
  query(queries: Queryset): Query<Row>;
  option(rows: readonly Row[], context: OptionContext): ChartOption;
}

const chart = <Row>(spec: OverviewChart<Row>): OverviewChart<Row> => spec;

export const OVERVIEW_CHARTS = {
  budget: chart({ id: 'budget-by-city', query: (q) => q.cities, option: buildBudgetByCityOption }),
  status: chart({ id: 'indicator-status', query: (q) => q.statusCounts, option: buildIndicatorStatusOption }),
  scores: chart({
    id: 'score-histogram',
    query: (q) => q.scoreHistogram,
    option: (rows, context) => buildScoreHistogramOption(rows, { ...context, binWidth: SCORE_BIN_WIDTH }),
  }),
  findings: chart({ id: 'findings-by-code', query: (q) => q.findingsByCode, option: buildFindingsByCodeOption }),
};

/** Each chart with its query for `filters`, as the build draws them. */
export function overviewChartList(filters: Filters): { id: string; query: Query; option: (rows: readonly unknown[], context: OptionContext) => ChartOption }[] {
  const queries = overviewQueryset(filters);
  return Object.values(OVERVIEW_CHARTS).map((spec) => {
    const typed = spec as OverviewChart<unknown>;
    return { id: typed.id, query: typed.query(queries), option: typed.option };
  });
}
