/**
 * 得分分布 Scores: total self-scores by project with the grade bands, score rate by 一级
 * indicator (a heat map), grade counts, and declared vs computed totals. Clicking a project
 * opens its report; clicking a 一级 column of the heat map filters by it.
 */
import { useMemo } from 'react';
import { Chart, type ChartClick } from '../../components/chart.tsx';
import { ChartCard } from '../../components/chart-card.tsx';
import { zoomedCount } from '../../components/category-zoom.ts';
import { TopNote } from '../../components/top-note.tsx';
import { TOP_CATEGORIES } from '../../queries/top-groups.ts';
import { useQuery } from '../../lib/db/index.ts';
import { useI18n } from '../../lib/i18n.ts';
import { useDrawnMarks } from '../../lib/perf.ts';
import { useUrlState } from '../../lib/url-state.ts';
import { BUDGET_CATEGORY } from '../../queries/score-rates.ts';
import { buildDeclaredTotalsOption, describeDeclaredTotals } from './declared-totals-option.ts';
import { buildGradeCountsOption, describeGradeCounts } from './grade-counts-option.ts';
import { projectChartHeight, rankProjects, type RankedProject } from './score-format.ts';
import { ScoreFigures } from './score-figures.tsx';
import { buildScoreRateHeatmapOption, categoryLabel, describeScoreRates, rateColumns } from './score-rate-heatmap-option.ts';
import { scoresQueryset } from './scores-queries.ts';
import { buildTotalScoresOption, describeTotalScores } from './total-scores-option.ts';
import { allGapBands, buildGapBandsOption, buildRuleGapOption, byRuleGap, describeGapBands, describeRuleGaps } from './rule-gap-option.ts';
import { useNarrowScreen } from '../../components/use-narrow-screen.ts';
import './scores.css';
import '../../components/chart-extras.ts'; // lines, scatter, heat map, mark lines
import { labelSeparator } from '../../lib/format.ts';
import { YearTrend } from '../../components/year-trend.tsx';

/** What a click reports for an axis label (chart.tsx passes ECharts' event object through). */
type AxisAwareClick = ChartClick & { componentType?: string };

/** The report behind a click on a data item (`reportId`) or on a project name of the axis. */
function clickedReport(click: AxisAwareClick, projects: readonly RankedProject[]): string | undefined {
  if (click.componentType === 'yAxis') return projects.find((p) => p.label === click.value)?.report_id;
  if (click.componentType === 'series') return (click.data as { reportId?: string } | undefined)?.reportId;
  return undefined;
}

export function ScoresView() {
  const { lang, t } = useI18n();
  const url = useUrlState();
  const compact = useNarrowScreen();
  const queries = useMemo(() => scoresQueryset(url.filters), [url.filters]);
  const summary = useQuery(queries.summary);
  const totals = useQuery(queries.totals);
  const rates = useQuery(queries.rates);
  const grades = useQuery(queries.grades);
  const gapBands = useQuery(queries.gapBands);
  useDrawnMarks('scores', [summary, totals, rates, grades, gapBands]);

  // The best totals, and (among the reports the rules scored) the largest gaps: TOP_CATEGORIES each.
  const ranked = useMemo(() => rankProjects(totals.rows ?? []), [totals.rows]);
  const projects = useMemo(() => ranked.filter((p) => p.score_rank <= TOP_CATEGORIES), [ranked]);
  const gapProjects = useMemo(() => ranked.filter((p) => p.gap_rank != null && p.gap_rank <= TOP_CATEGORIES), [ranked]);
  const reportCount = totals.rows?.[0]?.reports ?? 0;
  const ruleScored = totals.rows?.[0]?.rule_scored ?? 0;
  const view = useMemo(() => {
    const context = { lang, t, compact };
    const cells = rates.rows ?? [];
    return {
      totals: buildTotalScoresOption(projects, context),
      totalsText: describeTotalScores(projects, context),
      rates: buildScoreRateHeatmapOption(projects, cells, context),
      ratesText: describeScoreRates(projects, cells, context),
      columns: rateColumns(cells).map((category) => ({ category, label: categoryLabel(category, context) })),
      grades: buildGradeCountsOption(grades.rows ?? [], context),
      gradesText: describeGradeCounts(grades.rows ?? [], context),
      declared: buildDeclaredTotalsOption(projects, context),
      declaredText: describeDeclaredTotals(projects, context),
      ruleGap: buildRuleGapOption(gapProjects, context),
      ruleGapText: describeRuleGaps(gapProjects, context),
      gapDistribution: buildGapBandsOption(allGapBands(gapBands.rows ?? []), context),
      gapDistributionText: describeGapBands(allGapBands(gapBands.rows ?? []), context),
    };
    // `t` is a function of `lang`.
  }, [lang, compact, projects, gapProjects, rates.rows, grades.rows, gapBands.rows]);

  const openReport = (click: ChartClick) => {
    const reportId = clickedReport(click, ranked);
    if (reportId) url.setParams({ view: 'report', report: reportId });
  };
  const onHeatmapClick = (click: AxisAwareClick) => {
    if (click.componentType !== 'xAxis') return openReport(click);
    const column = view.columns.find((c) => c.label === click.value);
    if (column && column.category !== BUDGET_CATEGORY) url.toggleFilter('level1', column.category);
  };
  const mismatches = summary.rows?.[0]?.mismatches ?? 0;
  const live = [summary, totals, rates, grades, gapBands].every((q) => q.source === 'live' && !q.loading);
  const shownProjects = zoomedCount(projects.length);
  const chartHeight = projectChartHeight(shownProjects, 72);
  const ruleShown = byRuleGap(gapProjects).length;
  // The heat map also carries its column names and colour scale; on a phone its names are
  // turned and project names wrap to three lines.
  const heatmapHeight = compact ? projectChartHeight(shownProjects, 160, 48) : projectChartHeight(shownProjects, 90);
  const scoreNote = <TopNote shown={projects.length} hidden={reportCount - projects.length} folded={false} bars={projects.length} />;
  const labelled = (title: string, text: string) => (text ? `${title}${labelSeparator(lang)}${text}` : title);

  return (
    <div className="scores" data-testid="scores" data-source={live ? 'live' : 'pending'}>
      <ScoreFigures row={summary.rows?.[0]} />
      <div className="chart-grid">
        <YearTrend filters={url.filters} measure="mean_score" />
        <ChartCard title={t('scores.chart.totals')} loading={totals.loading} error={totals.error} empty={totals.rows?.length === 0} testId="chart-score-totals">
          <Chart label={labelled(t('scores.chart.totals'), view.totalsText)} option={view.totals} height={chartHeight} onClick={openReport} />
          {scoreNote}
          <p className="chart-hint">{t('scores.hint.totals')}</p>
        </ChartCard>
        <ChartCard title={t('scores.chart.rates')} loading={rates.loading} error={rates.error ?? totals.error} empty={rates.rows?.length === 0 || totals.rows?.length === 0} testId="chart-score-rates">
          <Chart label={labelled(t('scores.chart.rates'), view.ratesText)} option={view.rates} height={heatmapHeight} onClick={onHeatmapClick} />
          {scoreNote}
          <p className="chart-hint">{t('scores.hint.rates')}</p>
        </ChartCard>
        <ChartCard title={t('scores.chart.ruleGap')} loading={totals.loading} error={totals.error} empty={totals.rows !== undefined && ruleScored === 0} testId="chart-score-rule-gap">
          <Chart label={labelled(t('scores.chart.ruleGap'), view.ruleGapText)} option={view.ruleGap} height={projectChartHeight(zoomedCount(ruleShown), 72)} onClick={openReport} />
          <TopNote shown={ruleShown} hidden={ruleScored - ruleShown} folded={false} bars={ruleShown} />
          <p className="chart-hint">{t('scores.hint.ruleGap')}</p>
        </ChartCard>
        <ChartCard title={t('scores.chart.gapDistribution')} loading={totals.loading} error={totals.error} empty={totals.rows !== undefined && ruleScored === 0} testId="chart-score-gap-distribution">
          <Chart label={labelled(t('scores.chart.gapDistribution'), view.gapDistributionText)} option={view.gapDistribution} />
          <p className="chart-hint">{t('scores.hint.gapDistribution')}</p>
        </ChartCard>
        <ChartCard title={t('scores.chart.grades')} loading={grades.loading} error={grades.error} empty={grades.rows?.length === 0} testId="chart-score-grades">
          <Chart label={labelled(t('scores.chart.grades'), view.gradesText)} option={view.grades} />
          <p className="chart-hint">{t('scores.hint.grades')}</p>
        </ChartCard>
        <ChartCard title={t('scores.chart.declared')} loading={totals.loading} error={totals.error} empty={totals.rows?.length === 0} testId="chart-score-declared">
          <Chart label={labelled(t('scores.chart.declared'), view.declaredText)} option={view.declared} height={chartHeight} onClick={openReport} />
          {scoreNote}
          <p className={`mismatch-note${mismatches > 0 ? ' is-alert' : ''}`} data-testid="mismatch-note">
            {mismatches > 0 ? t('scores.mismatch.note', { count: mismatches }) : t('scores.mismatch.none')}
            {mismatches > 0 && (
              <button type="button" className="link-button" onClick={() => url.setParams({ view: 'findings', code: 'TOTAL_SCORE_MISMATCH' })}>
                {t('scores.mismatch.link')}
              </button>
            )}
          </p>
        </ChartCard>
      </div>
    </div>
  );
}
