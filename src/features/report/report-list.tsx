/**
 * Every report the filters let through, searchable by name; a click on a row opens the report.
 * The search text lives in the URL (`rq`), written without a history entry per keystroke.
 */
import { useEffect, useMemo, useState } from 'react';
import { useQuery } from '../../lib/db/index.ts';
import { formatCount, formatPercent, formatScore, formatTableMoney, zhCollator } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.ts';
import { useDrawnMarks } from '../../lib/perf.ts';
import { navigate, useUrlState } from '../../lib/url-state.ts';
import { reportList, type ReportListRow } from '../../queries/report-list.ts';
import { GradeBadge } from './grade-badge.tsx';
import { reportHref } from './go-back.ts';
import { scoresDiffer } from './indicator-layout.ts';

export const SEARCH_PARAM = 'rq';
const SEARCH_DELAY_MS = 200;

const byPlace = (a: ReportListRow, b: ReportListRow) =>
  zhCollator.compare(a.city ?? '', b.city ?? '') || zhCollator.compare(a.fund ?? '', b.fund ?? '')
  || zhCollator.compare(a.project ?? '', b.project ?? '') || (b.year ?? 0) - (a.year ?? 0);

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
  const query = useMemo(() => reportList(url.filters, search), [url.filters, search]);
  const list = useQuery(query);
  useDrawnMarks('report', [list]);
  const rows = useMemo(() => [...(list.rows ?? [])].sort(byPlace), [list.rows]);
  const open = (reportId: string) => url.setParams({ view: 'report', report: reportId });

  return (
    <section className="card report-list" data-testid="report-list" data-source={list.source} aria-labelledby="report-list-title">
      <header className="card-header report-list-header">
        <h2 id="report-list-title">{t('report.listTitle')}</h2>
        {list.loading && <span className="progress" aria-hidden="true" />}
        <span className="report-count">{list.rows ? t('report.listCount', { count: formatCount(rows.length, lang) }) : ''}</span>
        <input type="search" className="report-search" value={text} onChange={(event) => setText(event.target.value)}
          placeholder={t('report.searchPlaceholder')} aria-label={t('report.searchLabel')} data-testid="report-search" />
      </header>
      {list.error ? <p className="card-error" role="alert">{list.error}</p>
        : list.rows && rows.length === 0 ? <p className="card-empty">{t('report.listEmpty')}</p>
        : (
          <div className="scroll-x">
            <table className="report-table">
              <thead>
                <tr>
                  <th scope="col">{t('report.col.project')}</th>
                  <th scope="col">{t('report.col.city')}</th>
                  <th scope="col">{t('report.col.fund')}</th>
                  <th scope="col" className="num">{t('report.col.year')}</th>
                  <th scope="col" className="num">{t('report.col.budgetAdjusted')}</th>
                  <th scope="col" className="num">{t('report.col.executionRate')}</th>
                  <th scope="col" className="num">{t('report.col.totalScore')}</th>
                  <th scope="col">{t('report.col.grade')}</th>
                  <th scope="col" className="num">{t('report.col.findings')}</th>
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
    </section>
  );
}
