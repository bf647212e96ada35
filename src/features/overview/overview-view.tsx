/**
 * 总览 Overview: key figures and a small chart for each view. Paints from the build snapshot
 * (its figures, and pictures of its charts until ECharts has drawn), then from live DuckDB
 * queries; clicking a city or status bar filters every view.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { Chart, chartHandlesIn, type ChartDrawnBy } from '../../components/chart.tsx';
import { ChartCard } from '../../components/chart-card.tsx';
import { useDbSession, useQuery, type QueryState } from '../../lib/db/index.ts';
import { warmUpFilterChanges } from '../../lib/db/startup/warm-up.ts';
import { useI18n } from '../../lib/i18n.ts';
import { useDrawnMarks } from '../../lib/perf.ts';
import { useUrlState } from '../../lib/url-state.ts';
import { KeyFigures } from './key-figures.tsx';
import { CitiesTable, namedCities, ReportsTable, RuleGapsTable } from './overview-tables.tsx';
import { OVERVIEW_CHARTS, type OverviewChart } from '../../components/overview/overview-charts.ts';
import { OVERVIEW_CITY_BARS } from '../../components/overview/budget-by-city-option.ts';
import { overviewQueries, overviewQueryset } from '../../queries/overview-queries.ts';
import { BLANK_VALUE } from '../../queries/filters.ts';

const RELEASE_ECHARTS_AFTER_MS = 1500;
const CHART_IDS = Object.values(OVERVIEW_CHARTS).map((chart) => chart.id);

export function OverviewView() {
  const { lang, t } = useI18n();
  const session = useDbSession();
  const url = useUrlState();
  const queries = useMemo(() => overviewQueryset(url.filters), [url.filters]);
  const figures = useQuery(queries.figures);
  const years = useQuery(queries.previousYear);
  const status = useQuery(queries.statusCounts);
  const scores = useQuery(queries.scoreHistogram);
  const findings = useQuery(queries.findingsByCode);
  const cities = useQuery(queries.cities);
  const budget = cities; // the budget chart draws the cities' rows
  const reports = useQuery(queries.reports);
  const states = [figures, status, scores, findings, cities, reports];
  // The marks wait for the charts to be on screen (overview:drawn: picture or ECharts) and drawn
  // by ECharts (app:ready), not just for their rows. A card showing "no data" or an error instead
  // of its chart is done as it is.
  const [drawnBy, setDrawnBy] = useState<Record<string, ChartDrawnBy>>({});
  const onDrawn = useMemo(() => Object.fromEntries(CHART_IDS.map((id) => [id, (by: ChartDrawnBy) =>
    setDrawnBy((drawn) => (drawn[id] === 'echarts' ? drawn : { ...drawn, [id]: by }))])), []);
  const charts: [string, QueryState<unknown>][] = [
    [OVERVIEW_CHARTS.budget.id, budget], [OVERVIEW_CHARTS.status.id, status],
    [OVERVIEW_CHARTS.scores.id, scores], [OVERVIEW_CHARTS.findings.id, findings],
  ];
  const withoutChart = (state: QueryState<unknown>) => state.error !== null || state.rows?.length === 0;
  const onScreen = charts.every(([id, state]) => drawnBy[id] !== undefined || withoutChart(state));
  useDrawnMarks('overview', states, {
    onScreen,
    byECharts: charts.every(([id, state]) => drawnBy[id] === 'echarts' || withoutChart(state)),
  });
  // ECharts starts once the pictures are on screen, after the frame that paints them and marks
  // overview:drawn (so its code and first layout, ~130 ms of main thread here, do not hold that
  // frame back). It does not wait for DuckDB: while the worker downloads and compiles the wasm,
  // one of two cores is mostly idle, whereas after db:ready the worker's load and queries, V8's
  // optimizing compiles (the SQL parser's alone ~200 ms) and ECharts would all want a core at
  // once. Measured (built sites, paired cold loads): app:ready ~35 ms sooner, db:ready ~40–90 ms
  // later. The charts answer clicks before the data is live; the filter then waits for DuckDB.
  const [echartsReleased, setEChartsReleased] = useState(false);
  // A server that stalls holds ECharts back for at most RELEASE_ECHARTS_AFTER_MS waiting for
  // snapshot.json, and as long again from the pictures' arrival for them to paint.
  const snapshotOnItsWay = session.snapshot.pending();
  useEffect(() => {
    if (echartsReleased) return;
    let mounted = true;
    const release = () => mounted && setEChartsReleased(true);
    if (onScreen) requestAnimationFrame(() => setTimeout(release));
    const timer = setTimeout(release, RELEASE_ECHARTS_AFTER_MS);
    return () => {
      mounted = false;
      clearTimeout(timer);
    };
  }, [onScreen, echartsReleased, snapshotOnItsWay]);
  const live = states.every((state) => state.source === 'live');
  const view = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (live) warmUpFilterChanges(session, overviewQueries, () => chartHandlesIn(view.current).map((chart) => () => chart.redraw()));
  }, [session, live]);
  // One memo per chart: a chart whose rows did not change keeps its option, and ECharts is not
  // asked to lay it out again (useQuery keeps the identity of unchanged rows).
  const context = useMemo(() => ({ lang, t }), [lang]); // `t` is a function of `lang`
  const options = {
    budget: useMemo(() => OVERVIEW_CHARTS.budget.option(budget.rows ?? [], context), [budget.rows, context]),
    status: useMemo(() => OVERVIEW_CHARTS.status.option(status.rows ?? [], context), [status.rows, context]),
    scores: useMemo(() => OVERVIEW_CHARTS.scores.option(scores.rows ?? [], context), [scores.rows, context]),
    findings: useMemo(() => OVERVIEW_CHARTS.findings.option(findings.rows ?? [], context), [findings.rows, context]),
  };
  // The build's picture of a chart while its rows are the snapshot's (live rows equal to them
  // keep their identity); ECharts waits while it is shown, or while snapshot.json (which may
  // bring one) is on its way.
  const picture = <Row,>(chart: OverviewChart<Row>, state: QueryState<Row>) => {
    const shown = session.snapshot.picture(chart.id, chart.query(queries), lang, state.rows);
    const expected = state.source === 'none' && session.snapshot.pending();
    return { picture: shown, holdECharts: !echartsReleased && (shown !== undefined || expected), onDrawn: onDrawn[chart.id] };
  };

  return (
    <div ref={view} className="overview" data-testid="overview" data-source={figures.source}>
      <KeyFigures row={figures.rows?.[0]} filters={url.filters} years={years.rows?.[0]} />
      <div className="chart-grid">
        <ChartCard title={t('chart.budgetByCity')} loading={budget.loading} error={budget.error} empty={budget.rows?.length === 0} testId="chart-budget-by-city">
          <Chart
            label={t('chart.budgetByCity')}
            option={options.budget}
            {...picture(OVERVIEW_CHARTS.budget, budget)}
            onClick={({ dataIndex }) => {
              const row = dataIndex < OVERVIEW_CITY_BARS ? budget.rows?.[dataIndex] : undefined; // not the folded “其他”
              if (row) url.toggleFilter('city', row.label ?? BLANK_VALUE);
            }}
          />
        </ChartCard>
        <ChartCard title={t('chart.indicatorStatus')} loading={status.loading} error={status.error} empty={status.rows?.length === 0} testId="chart-indicator-status">
          <Chart
            label={t('chart.indicatorStatus')}
            option={options.status}
            {...picture(OVERVIEW_CHARTS.status, status)}
            onClick={({ data }) => url.toggleFilter('status', (data as { status: string }).status)}
          />
        </ChartCard>
        <ChartCard title={t('chart.scoreHistogram')} loading={scores.loading} error={scores.error} empty={scores.rows?.length === 0} testId="chart-score-histogram">
          <Chart label={t('chart.scoreHistogram')} option={options.scores} {...picture(OVERVIEW_CHARTS.scores, scores)} />
        </ChartCard>
        <ChartCard title={t('chart.findingsByCode')} loading={findings.loading} error={findings.error} empty={findings.rows?.length === 0} testId="chart-findings-by-code">
          <Chart
            label={t('chart.findingsByCode')}
            option={options.findings}
            {...picture(OVERVIEW_CHARTS.findings, findings)}
            onClick={({ data }) => url.setParams({ view: 'findings', code: (data as { code: string }).code })}
          />
        </ChartCard>
        <ChartCard title={t('overview.table.cities')} loading={cities.loading} error={cities.error} empty={cities.rows !== undefined && namedCities(cities.rows).length === 0}
          testId="card-overview-cities" exportName={false}>
          <CitiesTable rows={cities.rows ?? []} onCity={(city) => url.toggleFilter('city', city)} />
          <button type="button" className="link-button mini-more" onClick={() => url.setParams({ view: 'compare', cdim: null, cmp: null })}>
            {t('overview.table.toCompare')}
          </button>
        </ChartCard>
        <ChartCard title={t('overview.table.reportsTitle')} loading={reports.loading} error={reports.error} empty={reports.rows?.length === 0}
          testId="card-overview-reports" exportName={false}>
          <ReportsTable rows={reports.rows ?? []} onReport={(report) => url.setParams({ view: 'report', report })} />
          <button type="button" className="link-button mini-more" onClick={() => url.setParams({ view: 'report' })}>
            {t('overview.table.toReports')}
          </button>
        </ChartCard>
        <ChartCard title={t('overview.table.gapsTitle')} loading={reports.loading} error={reports.error} empty={reports.rows?.length === 0}
          testId="card-overview-gaps" exportName={false}>
          <RuleGapsTable rows={reports.rows ?? []} onReport={(report) => url.setParams({ view: 'report', report })} />
          <button type="button" className="link-button mini-more" onClick={() => url.setParams({ view: 'scores' })}>
            {t('overview.table.toScores')}
          </button>
        </ChartCard>
      </div>
    </div>
  );
}
