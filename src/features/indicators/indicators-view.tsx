/**
 * 指标完成 Targets vs outcomes: status by 一级, 二级 and project, achievement ratios of the
 * quantitative indicators, and the misses and deductions with their reasons. A 一级 bar toggles
 * the 一级 filter, a status segment the status filter; a project or indicator opens its report.
 */
import { useMemo } from 'react';
import { Chart, type ChartClick } from '../../components/chart.tsx';
import { ChartCard } from '../../components/chart-card.tsx';
import { zoomedCount } from '../../components/category-zoom.ts';
import { ListPager } from '../../components/data-table.tsx';
import { DEFAULT_PAGE_SIZE, parsePage, withPageParams, type PageState } from '../../components/data-table-url.ts';
import { TopNote } from '../../components/top-note.tsx';
import { useClampedPage } from '../../components/use-clamped-page.ts';
import { useQuery } from '../../lib/db/index.ts';
import { formatCount } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.ts';
import { useDrawnMarks } from '../../lib/perf.ts';
import { navigate, useUrlState } from '../../lib/url-state.ts';
import { achievementHeight, buildAchievementOption } from './achievement-option.ts';
import { ACHIEVEMENT_LIMIT, indicatorsQueryset } from './indicators-queries.ts';
import { MissesTable } from './misses-table.tsx';
import { level1Bars, level2Bars, projectBarsFromTop, type StatusBar } from './status-bars.ts';
import { buildStatusStackOption, statusStackHeight } from './status-stack-option.ts';
import { StatusSummary } from './status-summary.tsx';
import { useNarrowScreen } from '../../components/use-narrow-screen.ts';
import './indicators.css';
import '../../components/chart-extras.ts'; // lines, scatter, heat map, mark lines
import { YearTrend } from '../../components/year-trend.tsx';

/** The status of a clicked segment; undefined for a click on an axis label. */
const clickedStatus = (click: ChartClick) => (click.data as { status?: string } | undefined)?.status;

/** The bar behind a click on a segment or on its category label (ECharts gives both a dataIndex). */
const clickedBar = (bars: readonly StatusBar[], click: ChartClick) => bars[click.dataIndex];

/** The misses list's page in the URL (`mpage` 1-based, `msize`). */
const PAGE_PARAM = 'mpage';
const SIZE_PARAM = 'msize';

export function IndicatorsView() {
  const { lang, t } = useI18n();
  const url = useUrlState();
  const narrow = useNarrowScreen();
  const pageParam = url.params.get(PAGE_PARAM);
  const sizeParam = url.params.get(SIZE_PARAM);
  const page = useMemo(() => parsePage(pageParam, sizeParam), [pageParam, sizeParam]);
  const queries = useMemo(() => indicatorsQueryset(url.filters, page), [url.filters, page]);
  const byLevel = useQuery(queries.byLevel);
  const byReport = useQuery(queries.byReport);
  const achievement = useQuery(queries.achievement);
  const misses = useQuery(queries.misses);
  useDrawnMarks('indicators', [byLevel, byReport, achievement, misses]);

  const charts = useMemo(() => {
    const context = { lang, t, narrow };
    const projects = projectBarsFromTop(byReport.rows ?? [], context);
    const bars = {
      level1: level1Bars(byLevel.rows ?? [], context),
      level2: level2Bars(byLevel.rows ?? [], context),
      project: projects.bars,
    };
    return {
      bars,
      hiddenProjects: projects.hidden,
      level1: buildStatusStackOption(bars.level1, context, { clickableLabels: true }),
      level2: buildStatusStackOption(bars.level2, context),
      project: buildStatusStackOption(bars.project, context, { clickableLabels: true, labelWidth: narrow ? 110 : 210, zoomable: true }),
      achievement: buildAchievementOption(achievement.rows ?? [], context),
    };
    // `t` is a function of `lang`.
  }, [lang, narrow, byLevel.rows, byReport.rows, achievement.rows]);

  const openReport = (reportId: string) => url.setParams({ view: 'report', report: reportId });
  const achievementTotal = achievement.rows?.[0]?.total ?? 0;
  const missTotal = misses.rows?.[0]?.total ?? 0;
  const setPage = (next: PageState, replace = false) => navigate(withPageParams(url.params, next, PAGE_PARAM, SIZE_PARAM), { replace });
  // An empty page past the end carries no total: the clamp waits for a page with rows.
  useClampedPage(misses.rows && misses.rows.length > 0 ? missTotal : misses.rows && page.pageIndex > 0 ? 0 : undefined, page, (last) => setPage(last, true));
  const projectBarCount = charts.bars.project.length;

  return (
    <div className="indicators" data-testid="indicators" data-source={byLevel.source}>
      <StatusSummary statusRows={byLevel.rows} misses={misses.rows} />
      <div className="ind-grid">
        <div className="ind-column">
        <YearTrend filters={url.filters} measure="share_met" />
        <ChartCard title={t('indicators.chart.byLevel1')} loading={byLevel.loading} error={byLevel.error} empty={byLevel.rows?.length === 0} testId="chart-status-by-level1">
          <p className="ind-hint">{t('indicators.hint.level1')}</p>
          <Chart label={t('indicators.chart.byLevel1')} option={charts.level1} height={statusStackHeight(Math.max(charts.bars.level1.length, 3))}
            onClick={(click) => {
              const bar = clickedBar(charts.bars.level1, click);
              if (bar?.level1 != null) url.toggleFilter('level1', bar.level1);
            }} />
        </ChartCard>
        <ChartCard title={t('indicators.chart.byLevel2')} loading={byLevel.loading} error={byLevel.error} empty={byLevel.rows?.length === 0} testId="chart-status-by-level2">
          <p className="ind-hint">{t('indicators.hint.status')}</p>
          <Chart label={t('indicators.chart.byLevel2')} option={charts.level2} height={statusStackHeight(charts.bars.level2.length)}
            onClick={(click) => {
              const status = clickedStatus(click);
              if (status) url.toggleFilter('status', status);
            }} />
        </ChartCard>
        <ChartCard title={t('indicators.chart.byProject')} loading={byReport.loading} error={byReport.error} empty={byReport.rows?.length === 0} testId="chart-status-by-project">
          <p className="ind-hint">{t('indicators.hint.report')}</p>
          <Chart label={t('indicators.chart.byProject')} option={charts.project} height={statusStackHeight(zoomedCount(projectBarCount))}
            onClick={(click) => {
              const bar = clickedBar(charts.bars.project, click);
              if (bar?.reportId) openReport(bar.reportId);
            }} />
          <TopNote shown={projectBarCount - (charts.hiddenProjects > 0 ? 1 : 0)} hidden={charts.hiddenProjects} folded bars={projectBarCount} />
        </ChartCard>
        </div>
        <div className="ind-column">
        <ChartCard title={t('indicators.chart.achievement')} loading={achievement.loading} error={achievement.error} empty={achievement.rows?.length === 0} testId="chart-achievement">
          <p className="ind-hint">
            {t('indicators.hint.indicator')}
            {achievementTotal > ACHIEVEMENT_LIMIT && ` · ${t('indicators.chart.shownOf', { from: formatCount(ACHIEVEMENT_LIMIT, lang), to: formatCount(achievementTotal, lang) })}`}
          </p>
          <Chart label={t('indicators.chart.achievement')} option={charts.achievement} height={achievementHeight(achievement.rows?.length ?? 0)}
            onClick={(click) => {
              const reportId = (click.data as { reportId?: string } | undefined)?.reportId ?? achievement.rows?.[click.dataIndex]?.report_id;
              if (reportId) openReport(reportId);
            }} />
        </ChartCard>
        </div>
      </div>
      <section className="card ind-misses" data-testid="indicator-misses" aria-busy={misses.loading}>
        <header className="card-header">
          <h2>{t('indicators.misses.title')}</h2>
          {misses.rows && <span className="ind-count">{t('indicators.count', { count: formatCount(missTotal, lang) })}</span>}
          {misses.loading && <span className="progress" aria-hidden="true" />}
        </header>
        <p className="ind-hint">
          {t('indicators.misses.hint')}
        </p>
        {misses.error ? <p className="card-error" role="alert">{misses.error}</p>
          : misses.rows?.length === 0 ? <p className="card-empty">{t('indicators.misses.empty')}</p>
          : misses.rows ? <MissesTable rows={misses.rows} onOpen={openReport} />
          : null}
        {/* One page of misses at a time; a list that fits one page shows no pager. */}
        {misses.rows && (missTotal > DEFAULT_PAGE_SIZE || page.pageSize !== DEFAULT_PAGE_SIZE || page.pageIndex > 0) && (
          <ListPager rowCount={missTotal} pagination={page} onPaginationChange={(next) => setPage(next)} />
        )}
      </section>
    </div>
  );
}
