/**
 * The overview's small versions of 对比 (the cities side by side on some of the compare view's measures)
 * and 报告详情 (the reports with the most data problems first, each one click from its report).
 * Plain tables: they paint from the build snapshot like the key figures, with no chart code.
 */
import { BLANK, formatCount, formatPercent, formatScore, zhCollator } from '../../lib/format.ts';
import { GRADES } from '../../lib/grades.ts';
import { useI18n } from '../../lib/i18n.ts';
import type { CitySummaryRow } from '../../queries/city-summary.ts';
import type { ReportListRow } from '../../queries/report-list.ts';

/** Rows a small version shows; its link opens the whole view. */
export const OVERVIEW_TABLE_ROWS = 5;

/** The reports with the most errors, then the most findings, first (ties by project name). */
export function reportsNeedingAttention(rows: readonly ReportListRow[]): ReportListRow[] {
  return [...rows]
    .sort((a, b) => b.errors - a.errors || b.findings - a.findings || zhCollator.compare(a.project ?? '', b.project ?? ''))
    .slice(0, OVERVIEW_TABLE_ROWS);
}

/** The reports whose self-score goes furthest beyond the rules (复核), largest first; none without a gap. */
export function largestRuleGaps(rows: readonly ReportListRow[]): ReportListRow[] {
  return rows.filter((row) => (row.rule_gap ?? 0) > 0)
    .sort((a, b) => b.rule_gap! - a.rule_gap! || zhCollator.compare(a.project ?? '', b.project ?? ''))
    .slice(0, OVERVIEW_TABLE_ROWS);
}

/** The named cities of `rows` (as the compare view, the table leaves out reports without a city). */
export const namedCities = (rows: readonly CitySummaryRow[]) => rows.filter((row): row is CitySummaryRow & { label: string } => row.label !== null);

export function CitiesTable({ rows, onCity }: { rows: readonly CitySummaryRow[]; onCity: (city: string) => void }) {
  const { lang, t } = useI18n();
  return (
    <table className="mini-table" data-testid="overview-cities">
      <thead>
        <tr>
          <th scope="col">{t('filter.city')}</th>
          <th scope="col" className="num">{t('overview.table.reports')}</th>
          <th scope="col" className="num">{t('overview.table.executionRate')}</th>
          <th scope="col" className="num">{t('overview.table.meanScore')}</th>
          <th scope="col" className="num">{t('overview.table.findings')}</th>
        </tr>
      </thead>
      <tbody>
        {namedCities(rows).slice(0, OVERVIEW_TABLE_ROWS).map((row) => (
          <tr key={row.label} data-city={row.label}>
            <th scope="row">
              <button type="button" className="link-button" onClick={() => onCity(row.label)}>{row.label}</button>
            </th>
            <td className="num">{formatCount(row.reports, lang)}</td>
            <td className="num">{formatPercent(row.execution_rate, lang)}</td>
            <td className="num">{formatScore(row.mean_total_score, lang)}</td>
            <td className="num">{formatCount(row.findings, lang)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ReportsTable({ rows, onReport }: { rows: readonly ReportListRow[]; onReport: (reportId: string) => void }) {
  const { lang, t } = useI18n();
  return (
    <table className="mini-table" data-testid="overview-reports">
      <thead>
        <tr>
          <th scope="col">{t('filter.project')}</th>
          <th scope="col">{t('filter.city')}</th>
          <th scope="col" className="num">{t('overview.table.score')}</th>
          <th scope="col" className="num">{t('overview.table.findings')}</th>
        </tr>
      </thead>
      <tbody>
        {reportsNeedingAttention(rows).map((row) => {
          const grade = row.grade ? GRADES[row.grade] : undefined;
          return (
            <tr key={row.report_id} data-report={row.report_id}>
              <th scope="row">
                <button type="button" className="link-button" onClick={() => onReport(row.report_id)}>{row.project ?? row.report_id}</button>
              </th>
              <td>{row.city ?? BLANK}</td>
              <td className="num">
                {formatScore(row.total_score, lang)}
                {row.grade && <small> · {grade ? t(grade.key) : row.grade}</small>}
              </td>
              <td className="num">
                {formatCount(row.findings, lang)}
                {row.errors > 0 && <small className="mini-errors"> · {t('overview.table.errors', { count: formatCount(row.errors, lang) })}</small>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function RuleGapsTable({ rows, onReport }: { rows: readonly ReportListRow[]; onReport: (reportId: string) => void }) {
  const { lang, t } = useI18n();
  const gaps = largestRuleGaps(rows);
  if (gaps.length === 0) return <p className="chart-hint" data-testid="overview-gaps-none">{t('overview.table.noGap')}</p>;
  return (
    <table className="mini-table" data-testid="overview-gaps">
      <thead>
        <tr>
          <th scope="col">{t('filter.project')}</th>
          <th scope="col">{t('filter.city')}</th>
          <th scope="col" className="num">{t('overview.table.score')}</th>
          <th scope="col" className="num">{t('overview.table.rule')}</th>
          <th scope="col" className="num">{t('overview.table.gap')}</th>
        </tr>
      </thead>
      <tbody>
        {gaps.map((row) => (
          <tr key={row.report_id} data-report={row.report_id}>
            <th scope="row">
              <button type="button" className="link-button" onClick={() => onReport(row.report_id)}>{row.project ?? row.report_id}</button>
            </th>
            <td>{row.city ?? BLANK}</td>
            <td className="num">{formatScore(row.total_score, lang)}</td>
            <td className="num">{formatScore(row.rule_total_score, lang)}</td>
            <td className="num mini-errors">+{formatScore(row.rule_gap, lang)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
