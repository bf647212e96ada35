/**
 * 总览 Overview: key figures and a small chart for each view. Paints from the build snapshot,
 * then from live DuckDB queries; clicking a city or status bar filters every view.
 */
import { useEffect, useMemo } from 'react';
import { Chart } from '../../components/chart.tsx';
import { ChartCard } from '../../components/chart-card.tsx';
import { useQuery } from '../../lib/db/index.ts';
import { warmUpFilterChanges } from '../../lib/db/warm-up.ts';
import { useI18n } from '../../lib/i18n.ts';
import { useDrawnMarks } from '../../lib/perf.ts';
import { useUrlState } from '../../lib/url-state.ts';
import { buildBudgetByCityOption } from './budget-by-city-option.ts';
import { buildFindingsByCodeOption } from './findings-by-code-option.ts';
import { buildIndicatorStatusOption } from './indicator-status-option.ts';
import { KeyFigures } from './key-figures.tsx';
import { overviewQueries, overviewQueryset, SCORE_BIN_WIDTH } from './overview-queries.ts';
import { buildScoreHistogramOption } from './score-histogram-option.ts';

export function OverviewView() {
  const { lang, t } = useI18n();
  const url = useUrlState();
  const queries = useMemo(() => overviewQueryset(url.filters), [url.filters]);
  const figures = useQuery(queries.figures);
  const budget = useQuery(queries.budgetByCity);
  const status = useQuery(queries.statusCounts);
  const scores = useQuery(queries.scoreHistogram);
  const findings = useQuery(queries.findingsByCode);
  useDrawnMarks('overview', [figures, budget, status, scores, findings]);
  const live = [figures, budget, status, scores, findings].every((state) => state.source === 'live');
  useEffect(() => {
    if (live) warmUpFilterChanges(overviewQueries);
  }, [live]);
  // One memo per chart: a chart whose rows did not change keeps its option, and ECharts is not
  // asked to lay it out again (useQuery keeps the identity of unchanged rows).
  const context = useMemo(() => ({ lang, t }), [lang]); // `t` is a function of `lang`
  const options = {
    budget: useMemo(() => buildBudgetByCityOption(budget.rows ?? [], context), [budget.rows, context]),
    status: useMemo(() => buildIndicatorStatusOption(status.rows ?? [], context), [status.rows, context]),
    scores: useMemo(() => buildScoreHistogramOption(scores.rows ?? [], { ...context, binWidth: SCORE_BIN_WIDTH }), [scores.rows, context]),
    findings: useMemo(() => buildFindingsByCodeOption(findings.rows ?? [], context), [findings.rows, context]),
  };

  return (
    <div className="overview" data-testid="overview" data-source={figures.source}>
      <KeyFigures row={figures.rows?.[0]} />
      <div className="chart-grid">
        <ChartCard title={t('chart.budgetByCity')} loading={budget.loading} error={budget.error} empty={budget.rows?.length === 0} testId="chart-budget-by-city">
          <Chart
            label={t('chart.budgetByCity')}
            option={options.budget}
            onClick={({ name, dataIndex }) => {
              if (budget.rows?.[dataIndex]?.label != null) url.toggleFilter('city', name);
            }}
          />
        </ChartCard>
        <ChartCard title={t('chart.indicatorStatus')} loading={status.loading} error={status.error} empty={status.rows?.length === 0} testId="chart-indicator-status">
          <Chart
            label={t('chart.indicatorStatus')}
            option={options.status}
            onClick={({ data }) => url.toggleFilter('status', (data as { status: string }).status)}
          />
        </ChartCard>
        <ChartCard title={t('chart.scoreHistogram')} loading={scores.loading} error={scores.error} empty={scores.rows?.length === 0} testId="chart-score-histogram">
          <Chart label={t('chart.scoreHistogram')} option={options.scores} />
        </ChartCard>
        <ChartCard title={t('chart.findingsByCode')} loading={findings.loading} error={findings.error} empty={findings.rows?.length === 0} testId="chart-findings-by-code">
          <Chart
            label={t('chart.findingsByCode')}
            option={options.findings}
            onClick={({ data }) => url.setParams({ view: 'findings', code: (data as { code: string }).code })}
          />
        </ChartCard>
      </div>
    </div>
  );
}
