/**
 * 数据问题 Findings: every data-quality finding, filtered by code, severity and report (and the
 * dashboard's filters through the report), sorted and paged by DuckDB. Counts by severity and
 * by code sit above the list and filter it when clicked; a row opens its report.
 */
import { useEffect, useMemo } from 'react';
import { Chart } from '../../components/chart.tsx';
import { ChartCard } from '../../components/chart-card.tsx';
import { DataTable } from '../../components/data-table.tsx';
import { useQuery } from '../../lib/db/index.ts';
import { formatCount } from '../../lib/format.ts';
import { labelOf, useI18n } from '../../lib/i18n.ts';
import { useDrawnMarks } from '../../lib/perf.ts';
import { navigate, useUrlState } from '../../lib/url-state.ts';
import { findingsCount } from '../../queries/findings-count.ts';
import { findingsFacets } from '../../queries/findings-facets.ts';
import { findingsPage, type FindingRow } from '../../queries/findings-page.ts';
import { findingsReports } from '../../queries/findings-reports.ts';
import { buildFindingsCodeOption, codeChartHeight } from './findings-code-option.ts';
import { FINDINGS_COLUMNS } from './findings-columns.tsx';
import { FindingsToolbar, reportLabel } from './findings-toolbar.tsx';
import { clearFindingFilters, readFindingsState, toggleFindingFilter, withPage, withSorting, type FindingFilterKey } from './findings-url.ts';
import { SeveritySummary } from './severity-summary.tsx';
import './findings.css';

export function FindingsView() {
  const { lang, t } = useI18n();
  const url = useUrlState();
  const state = useMemo(() => readFindingsState(url.params), [url.params]);
  const { filters: findingFilters, sorting, page } = state;
  const queries = useMemo(() => ({
    page: findingsPage(url.filters, findingFilters, sorting, page),
    count: findingsCount(url.filters, findingFilters),
    facets: findingsFacets(url.filters, findingFilters),
    reports: findingsReports(url.filters, findingFilters),
  }), [url.filters, findingFilters, sorting, page]);
  const rows = useQuery(queries.page);
  const count = useQuery(queries.count);
  const facets = useQuery(queries.facets);
  const reports = useQuery(queries.reports);
  useDrawnMarks('findings', [rows, count, facets]);

  const total = count.rows?.[0];
  const codes = facets.rows?.filter((r) => r.facet === 'code') ?? [];
  const codeOption = useMemo(
    () => buildFindingsCodeOption(facets.rows ?? [], { lang, t, selected: findingFilters.code }),
    // `t` is a function of `lang`.
    [facets.rows, lang, findingFilters.code],
  );
  const toggle = (key: FindingFilterKey, value: string) => navigate(toggleFindingFilter(url.params, key, value));

  // A link or a narrower filter can point past the last page: show the last one instead.
  const lastPage = total ? Math.max(0, Math.ceil(total.findings / page.pageSize) - 1) : null;
  useEffect(() => {
    if (lastPage !== null && page.pageIndex > lastPage) navigate(withPage(url.params, { ...page, pageIndex: lastPage }), { replace: true });
  }, [lastPage, page, url.params]);

  return (
    <div className="findings" data-testid="findings" data-source={rows.source}>
      <p className="findings-summary" data-testid="findings-summary">
        {total ? t('findings.summary', { count: formatCount(total.findings, lang), from: formatCount(total.reports, lang) }) : t('table.loading')}
      </p>
      <div className="findings-overview">
        <section className="card findings-severity" data-testid="findings-by-severity">
          <header className="card-header"><h2>{t('findings.bySeverity')}</h2></header>
          {facets.error ? <p className="card-error" role="alert">{facets.error}</p>
            : <SeveritySummary rows={facets.rows} selected={findingFilters.severity} onToggle={(s) => toggle('severity', s)} />}
        </section>
        <ChartCard title={t('findings.byCode')} loading={facets.loading} error={facets.error} empty={facets.rows !== undefined && codes.length === 0}
          testId="chart-findings-codes">
          <p className="findings-hint">{t('findings.codeHint')}</p>
          <Chart
            label={t('findings.byCode')}
            option={codeOption}
            height={codeChartHeight(codes.length)}
            onClick={({ data }) => toggle('code', (data as { code: string }).code)}
          />
        </ChartCard>
      </div>
      <DataTable<FindingRow>
        caption={t('findings.list')}
        testId="findings-table"
        columns={FINDINGS_COLUMNS}
        rows={rows.rows}
        rowCount={total?.findings}
        loading={rows.loading || count.loading}
        error={rows.error ?? count.error}
        sorting={sorting}
        onSortingChange={(next) => navigate(withSorting(url.params, next))}
        pagination={page}
        onPaginationChange={(next) => navigate(withPage(url.params, next))}
        onRowClick={(row) => url.setParams({ view: 'report', report: row.report_id })}
        rowActionLabel={(row) => `${labelOf(lang, 'code', row.code)} · ${t('findings.openReport', { name: reportLabel(row) })}`}
        toolbar={<FindingsToolbar filters={findingFilters} reports={reports.rows}
          onToggle={toggle} onClear={() => navigate(clearFindingFilters(url.params))} />}
      />
    </div>
  );
}
