/**
 * 预算执行 Budget vs execution: 年初 / 全年 / 执行 by city, fund or project (`bdim`), execution
 * rates against both budgets, the in-year cuts and increases, the funding sources and the list of
 * projects. A city or fund bar toggles its filter; a project anywhere opens its report.
 */
import { useCallback, useMemo, useRef } from 'react';
import { Chart, type ChartClick } from '../../components/chart.tsx';
import { ChartCard } from '../../components/chart-card.tsx';
import { zoomedCount } from '../../components/category-zoom.ts';
import { ListPager } from '../../components/data-table.tsx';
import { TopNote } from '../../components/top-note.tsx';
import { DEFAULT_PAGE_SIZE, parsePage, withPageParams, type PageState } from '../../components/data-table-url.ts';
import { useClampedPage } from '../../components/use-clamped-page.ts';
import { useQuery } from '../../lib/db/index.ts';
import { formatCount } from '../../lib/format.ts';
import { useI18n, type MessageKey } from '../../lib/i18n.ts';
import { useDrawnMarks } from '../../lib/perf.ts';
import { navigate, useUrlState } from '../../lib/url-state.ts';
import type { BudgetProjectSort } from '../../queries/budget-projects.ts';
import { BLANK_VALUE } from '../../queries/filters.ts';
import { adjustedProjects, buildBudgetAdjustmentsOption } from './budget-adjustments-option.ts';
import { BUDGET_VIEW_DIMENSIONS, barsFromTop, foldedCount, parseDimension } from './budget-bars.ts';
import { buildBudgetCompareOption } from './budget-compare-option.ts';
import { BudgetFigures } from './budget-figures.tsx';
import { budgetQueryset } from './budget-queries.ts';
import { buildBudgetRatesOption } from './budget-rates-option.ts';
import { FundingSources } from './funding-sources.tsx';
import { barChartHeight } from './option-context.ts';
import { formatProjectSort, parseProjectSort, SORT_PARAM } from './project-sort.ts';
import { ProjectTable } from './project-table.tsx';
import './budget.css';
import '../../components/chart-extras.ts'; // lines, scatter, heat map, mark lines
import { YearTrend } from '../../components/year-trend.tsx';

export const DIMENSION_PARAM = 'bdim';
/** The project table's page and page size (`bpage` 1-based, `bsize`). */
export const PAGE_PARAM = 'bpage';
export const SIZE_PARAM = 'bsize';

export function BudgetView() {
  const { lang, t } = useI18n();
  const url = useUrlState();
  const dimension = parseDimension(url.params.get(DIMENSION_PARAM));
  const sortParam = url.params.get(SORT_PARAM);
  const sort = useMemo(() => parseProjectSort(sortParam), [sortParam]);
  const pageParam = url.params.get(PAGE_PARAM);
  const sizeParam = url.params.get(SIZE_PARAM);
  const page = useMemo(() => parsePage(pageParam, sizeParam), [pageParam, sizeParam]);
  const queries = useMemo(() => budgetQueryset(url.filters, dimension, sort, page), [url.filters, dimension, sort, page]);
  const summary = useQuery(queries.summary);
  const groups = useQuery(queries.groups);
  const adjustments = useQuery(queries.adjustments);
  const table = useQuery(queries.table);
  const sources = useQuery(queries.sources);
  useDrawnMarks('budget', [summary, groups, adjustments, table, sources]);

  const bars = useMemo(() => barsFromTop(groups.rows ?? [], dimension, t, lang), [dimension, groups.rows, lang]); // `t` follows `lang`
  const adjusted = useMemo(() => adjustedProjects(adjustments.rows ?? [], t), [adjustments.rows, lang]);
  const adjustedTotal = adjustments.rows?.[0]?.adjusted ?? 0;
  const folded = foldedCount(groups.rows ?? []);
  const options = useMemo(() => ({
    compare: buildBudgetCompareOption(bars, { lang, t }),
    rates: buildBudgetRatesOption(bars, { lang, t }),
    adjustments: buildBudgetAdjustmentsOption(adjusted, { lang, t }),
  }), [bars, adjusted, lang]);

  // `url.setParams` is a new function each render; a ref keeps `openReport` (and so the table's
  // column definitions) stable.
  const setParams = useRef(url.setParams);
  setParams.current = url.setParams;
  const openReport = useCallback((reportId: string) => setParams.current({ view: 'report', report: reportId }), []);
  const onBarClick = ({ data, dataIndex }: ChartClick) => {
    const key = (data as { key?: string | null } | undefined)?.key;
    if (key === undefined || bars[dataIndex]?.other) return; // the folded “其他” bar
    if (dimension !== 'project') url.toggleFilter(dimension, key ?? BLANK_VALUE); // a blank city or fund too
    else if (key !== null) openReport(key);
  };
  const barsState = groups;
  const barsHeight = barChartHeight(zoomedCount(bars.length), 54);
  const live = [summary, groups, adjustments, table, sources].every((q) => q.source === 'live');
  const summaryRow = summary.rows?.[0];
  const rowCount = summaryRow?.reports ?? 0;
  const setPage = (next: PageState, replace = false) => navigate(withPageParams(url.params, next, PAGE_PARAM, SIZE_PARAM), { replace });
  useClampedPage(summary.rows ? rowCount : undefined, page, (last) => setPage(last, true));
  const dimensionLabel = t(`budget.dim.${dimension}` as MessageKey);

  return (
    <div className="budget" data-testid="budget" data-source={live ? 'live' : 'pending'} data-dimension={dimension}>
      <div className="budget-toolbar" role="group" aria-label={t('budget.dimension')}>
        <span className="budget-toolbar-label">{t('budget.dimension')}</span>
        {BUDGET_VIEW_DIMENSIONS.map((dim) => (
          <button key={dim} type="button" className="budget-segment" aria-pressed={dim === dimension} data-dim={dim}
            onClick={() => url.setParams({ [DIMENSION_PARAM]: dim === 'city' ? null : dim })}>
            {t(`budget.dim.${dim}` as MessageKey)}
          </button>
        ))}
      </div>
      <BudgetFigures row={summaryRow} />
      <div className="chart-grid">
        <YearTrend filters={url.filters} measure="execution_rate" />
        <ChartCard title={t('budget.chart.compareBy', { name: dimensionLabel })} testId="chart-budget-compare"
          loading={barsState.loading} error={barsState.error} empty={barsState.rows?.length === 0}>
          <Chart label={t('budget.chart.compareBy', { name: dimensionLabel })} option={options.compare} height={barsHeight} onClick={onBarClick} />
          <TopNote shown={bars.length - (folded > 0 ? 1 : 0)} hidden={folded} folded bars={bars.length} />
        </ChartCard>
        <ChartCard title={t('budget.chart.rates')} testId="chart-budget-rates"
          loading={barsState.loading} error={barsState.error} empty={barsState.rows?.length === 0}>
          <Chart label={t('budget.chart.rates')} option={options.rates} height={barsHeight} onClick={onBarClick} />
          <TopNote shown={bars.length - (folded > 0 ? 1 : 0)} hidden={folded} folded bars={bars.length} />
        </ChartCard>
        <ChartCard title={t('budget.chart.adjustments')} testId="chart-budget-adjustments"
          loading={adjustments.loading} error={adjustments.error} empty={summary.rows !== undefined && rowCount === 0}>
          {adjusted.length === 0 ? <p className="card-empty">{t('budget.adjustments.none')}</p> : (
            <>
              <Chart label={t('budget.chart.adjustments')} option={options.adjustments} height={barChartHeight(zoomedCount(adjusted.length), 40, 70)}
                onClick={({ data }) => openReport((data as { reportId: string }).reportId)} />
              <TopNote shown={adjusted.length} hidden={adjustedTotal - adjusted.length} folded={false} bars={adjusted.length} />
              {(summaryRow?.reports_unchanged ?? 0) > 0 && (
                <p className="budget-note">{t('budget.adjustments.caption', { count: formatCount(summaryRow?.reports_unchanged, lang) })}</p>
              )}
            </>
          )}
        </ChartCard>
        <ChartCard title={t('budget.chart.sources')} testId="chart-budget-sources"
          loading={sources.loading} error={sources.error} empty={sources.rows?.length === 0}>
          <FundingSources rows={sources.rows ?? []} totalAdjusted={summaryRow?.budget_adjusted ?? null} />
        </ChartCard>
      </div>
      <div className="budget-projects-card">
        <ChartCard title={t('budget.chart.projects')} testId="budget-project-table"
          loading={table.loading} error={table.error} empty={table.rows?.length === 0}>
          <ProjectTable rows={table.rows ?? []} summary={summaryRow} sort={sort} onOpenReport={openReport}
            onSort={(next: BudgetProjectSort) => url.setParams({ [SORT_PARAM]: formatProjectSort(next), [PAGE_PARAM]: null })} />
          {/* One page of projects at a time; the bundled few fit one page and show no pager. */}
          {(rowCount > DEFAULT_PAGE_SIZE || page.pageSize !== DEFAULT_PAGE_SIZE) && (
            <ListPager rowCount={rowCount} pagination={page} onPaginationChange={(next) => setPage(next)} />
          )}
        </ChartCard>
      </div>
    </div>
  );
}
