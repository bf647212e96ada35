/**
 * Every report the filters let through, searchable by name, one page at a time (sorted and paged
 * by DuckDB: a province's 150,000 reports put 20 rows into the page); a click on a row opens the
 * report. The search text lives in the URL (`rq`), written without a history entry per
 * keystroke; the sort in `rsort`, the page in `rpage`/`rsize`. A list that fits one page is
 * sorted here by pinyin, as a Chinese reader expects (DuckDB-WASM sorts texts by code point).
 */
import { useEffect, useMemo, useState } from 'react';
import { ListPager } from '../../components/data-table.tsx';
import { DEFAULT_PAGE_SIZE, parsePage, withPageParams, type PageState } from '../../components/data-table-url.ts';
import { useClampedPage } from '../../components/use-clamped-page.ts';
import { useQuery } from '../../lib/db/index.ts';
import { formatCount, formatPercent, formatScore, formatTableMoney, zhCollator } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.ts';
import { useDrawnMarks } from '../../lib/perf.ts';
import { navigate, useUrlState } from '../../lib/url-state.ts';
import type { ReportListRow } from '../../queries/report-list.ts';
import { isReportListSort, reportListCount, reportListPage } from '../../queries/report-list-page.ts';
import { GradeBadge } from './grade-badge.tsx';
import { reportHref } from './go-back.ts';
import { scoresDiffer } from './indicator-layout.ts';
import { SortHeader } from '../../components/sort-header.tsx';

export const SEARCH_PARAM = 'rq';
/** The list's sort in the URL: a column id, `-` before it for descending (`-total_score`). */
export const SORT_PARAM = 'rsort';
const PAGE_PARAM = 'rpage';
const SIZE_PARAM = 'rsize';
const SEARCH_DELAY_MS = 200;

const byPlace = (a: ReportListRow, b: ReportListRow) =>
  zhCollator.compare(a.city ?? '', b.city ?? '') || zhCollator.compare(a.fund ?? '', b.fund ?? '')
  || zhCollator.compare(a.project ?? '', b.project ?? '') || (b.year ?? 0) - (a.year ?? 0);

type SortableColumn = 'project' | 'city' | 'fund' | 'year' | 'budget_adjusted' | 'execution_rate' | 'total_score' | 'grade' | 'findings';

const text = (value: string | null) => value ?? '';
/** Each sortable column's order (texts as a Chinese reader expects; a blank figure as 0). */
const COMPARE: Record<SortableColumn, (a: ReportListRow, b: ReportListRow) => number> = {
  project: (a, b) => zhCollator.compare(text(a.project), text(b.project)),
  city: (a, b) => zhCollator.compare(text(a.city), text(b.city)),
  fund: (a, b) => zhCollator.compare(text(a.fund), text(b.fund)),
  year: (a, b) => (a.year ?? 0) - (b.year ?? 0),
  budget_adjusted: (a, b) => (a.budget_adjusted ?? 0) - (b.budget_adjusted ?? 0),
  execution_rate: (a, b) => (a.execution_rate ?? 0) - (b.execution_rate ?? 0),
  total_score: (a, b) => (a.total_score ?? 0) - (b.total_score ?? 0),
  grade: (a, b) => zhCollator.compare(text(a.grade), text(b.grade)),
  findings: (a, b) => a.findings - b.findings || a.errors - b.errors,
};
const COMPARE_DESC_FIRST: ReadonlySet<SortableColumn> = new Set(['year', 'budget_adjusted', 'execution_rate', 'total_score', 'findings']);
const isSortable = (id: string): id is SortableColumn => id in COMPARE;

/** The rows in the URL's order (`rsort`), else by place; ties by place. */
export function sortReports(rows: readonly ReportListRow[], sort: string | null): ReportListRow[] {
  const id = sort?.replace(/^-/, '') ?? '';
  if (!isSortable(id)) return [...rows].sort(byPlace);
  const sign = sort!.startsWith('-') ? -1 : 1;
  return [...rows].sort((a, b) => sign * COMPARE[id](a, b) || byPlace(a, b));
}

function useSearchParam(): [string, (text: string) => void] {
  const url = useUrlState();
  const fromUrl = url.params.get(SEARCH_PARAM) ?? '';
  const [text, setText] = useState(fromUrl);
  useEffect(() => setText(fromUrl), [fromUrl]); // back / forward
  useEffect(() => {
    if (text === fromUrl) return;
    const timer = setTimeout(() => {
      const next = new URLSearchParams(window.location.search);
      if (text.trim() === '') next.delete(SEARCH_PARAM);
      else next.set(SEARCH_PARAM, text);
      navigate(next, { replace: true });
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, fromUrl]);
  return [text, setText];
}

export function ReportList() {
  const { lang, t } = useI18n();
  const url = useUrlState();
  const [text, setText] = useSearchParam();
  const search = url.params.get(SEARCH_PARAM) ?? '';
  const sort = url.params.get(SORT_PARAM);
  const sortKey = useMemo(() => {
    const id = sort?.replace(/^-/, '') ?? '';
    return isReportListSort(id) ? { id, desc: sort!.startsWith('-') } : null;
  }, [sort]);
  const pageParam = url.params.get(PAGE_PARAM);
  const sizeParam = url.params.get(SIZE_PARAM);
  const page = useMemo(() => parsePage(pageParam, sizeParam), [pageParam, sizeParam]);
  const queries = useMemo(() => ({
    page: reportListPage(url.filters, search, sortKey, page),
    count: reportListCount(url.filters, search),
  }), [url.filters, search, sortKey, page]);
  const list = useQuery(queries.page);
  const count = useQuery(queries.count);
  useDrawnMarks('report', [list, count]);
  const total = count.rows?.[0]?.reports;
  // All on one page: by pinyin here; else the page in DuckDB's order.
  const rows = useMemo(
    () => (total != null && total <= page.pageSize && page.pageIndex === 0 ? sortReports(list.rows ?? [], sort) : [...(list.rows ?? [])]),
    [list.rows, sort, total, page],
  );
  const setPage = (next: PageState, replace = false) => navigate(withPageParams(url.params, next, PAGE_PARAM, SIZE_PARAM), { replace });
  useClampedPage(total, page, (last) => setPage(last, true));
  const sortBy = (id: SortableColumn) => {
    const next = new URLSearchParams(window.location.search);
    // First click: texts A→Z, figures largest first; a second click turns it round.
    const first = COMPARE_DESC_FIRST.has(id) ? `-${id}` : id;
    next.set(SORT_PARAM, sort === first ? (first.startsWith('-') ? id : `-${id}`) : first);
    next.delete(PAGE_PARAM); // a new order starts at its first page
    navigate(next, { replace: true });
  };
  const header = (id: SortableColumn, label: string, numeric = false) => (
    <SortHeader key={id} label={label} numeric={numeric} column={id} onSort={() => sortBy(id)}
      direction={sort === id ? 'ascending' : sort === `-${id}` ? 'descending' : 'none'} />
  );
  const open = (reportId: string) => url.setParams({ view: 'report', report: reportId });

  return (
    <section className="card report-list" data-testid="report-list" data-source={list.source} aria-labelledby="report-list-title">
      <header className="card-header report-list-header">
        <h2 id="report-list-title">{t('report.listTitle')}</h2>
        {(list.loading || count.loading) && <span className="progress" aria-hidden="true" />}
        <span className="report-count">{total != null ? t('report.listCount', { count: formatCount(total, lang) }) : ''}</span>
        <input type="search" className="report-search" value={text} onChange={(event) => setText(event.target.value)}
          placeholder={t('report.searchPlaceholder')} aria-label={t('report.searchLabel')} data-testid="report-search" />
      </header>
      {list.error ?? count.error ? <p className="card-error" role="alert">{list.error ?? count.error}</p>
        : list.rows && rows.length === 0 ? <p className="card-empty">{t('report.listEmpty')}</p>
        : (
          <div className="scroll-x">
            <table className="report-table">
              <thead>
                <tr>
                  {header('project', t('report.col.project'))}
                  {header('city', t('report.col.city'))}
                  {header('fund', t('report.col.fund'))}
                  {header('year', t('report.col.year'), true)}
                  {header('budget_adjusted', t('report.col.budgetAdjusted'), true)}
                  {header('execution_rate', t('report.col.executionRate'), true)}
                  {header('total_score', t('report.col.totalScore'), true)}
                  {header('grade', t('report.col.grade'))}
                  {header('findings', t('report.col.findings'), true)}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.report_id} data-report={row.report_id} className="is-clickable" onClick={(event) => {
                    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return; // a new tab, by the link
                    event.preventDefault();
                    open(row.report_id);
                  }}>
                    <th scope="row">
                      <a href={reportHref(url.params, row.report_id)}>{row.project ?? row.project_name_printed ?? row.report_id}</a>
                    </th>
                    <td>{row.city ?? '—'}</td>
                    <td className="report-table-fund">{row.fund ?? '—'}</td>
                    <td className="num">{row.year ?? '—'}</td>
                    <td className="num">{formatTableMoney(row.budget_adjusted, lang)}</td>
                    <td className="num">{formatPercent(row.execution_rate, lang)}</td>
                    <td className="num">
                      {formatScore(row.total_score, lang)}
                      {scoresDiffer(row.declared_total_score, row.total_score) && (
                        <span className="report-table-declared is-mismatch" title={t('report.totalMismatch', {
                          from: formatScore(row.declared_total_score, lang), to: formatScore(row.total_score, lang) })}>
                          {t('report.printedValue', { name: formatScore(row.declared_total_score, lang) })}
                        </span>
                      )}
                    </td>
                    <td><GradeBadge grade={row.grade} /></td>
                    <td className="num">
                      {formatCount(row.findings, lang)}
                      {row.errors > 0 && <span className="report-table-errors">{t('report.figure.errorsHint', { count: formatCount(row.errors, lang) })}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      {total != null && (total > DEFAULT_PAGE_SIZE || page.pageSize !== DEFAULT_PAGE_SIZE) && (
        <ListPager rowCount={total} pagination={page} onPaginationChange={(next) => setPage(next)} />
      )}
    </section>
  );
}
