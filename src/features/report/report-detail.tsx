/**
 * One report: its identity, key figures, the 项目支出绩效自评表 rebuilt from the data, and the
 * findings with the source lines they point at. Each block has its own query by report_id.
 */
import { useMemo } from 'react';
import { useQuery } from '../../lib/db/index.ts';
import { useI18n } from '../../lib/i18n.ts';
import { useDrawnMarks } from '../../lib/perf.ts';
import { useUrlState } from '../../lib/url-state.ts';
import { reportBudgetLines } from '../../queries/report-budget-lines.ts';
import { reportFindings } from '../../queries/report-findings.ts';
import { reportHeader, type ReportHeaderRow } from '../../queries/report-header.ts';
import { reportIndicators } from '../../queries/report-indicators.ts';
import { projectYears } from '../../queries/project-years.ts';
import { formatPercent, formatScore } from '../../lib/format.ts';
import { BudgetBlock } from './budget-block.tsx';
import { FindingsList } from './findings-list.tsx';
import { flagsByLine } from './flags.ts';
import { goBack } from './go-back.ts';
import { IndicatorBlock } from './indicator-block.tsx';
import { ReportFigures } from './report-figures.tsx';
import { ReportList } from './report-list.tsx';
import { GoalBlock, SheetHeader } from './sheet-header.tsx';

export function ReportDetail({ reportId }: { reportId: string }) {
  const { t } = useI18n();
  const url = useUrlState();
  const queries = useMemo(() => ({
    header: reportHeader(reportId),
    budget: reportBudgetLines(reportId),
    indicators: reportIndicators(reportId),
    findings: reportFindings(reportId),
  }), [reportId]);
  const header = useQuery(queries.header);
  const budget = useQuery(queries.budget);
  const indicators = useQuery(queries.indicators);
  const findings = useQuery(queries.findings);
  useDrawnMarks('report', [header, budget, indicators, findings]);
  const flags = useMemo(() => flagsByLine(findings.rows ?? []), [findings.rows]);
  const tableLines = useMemo(() => new Set([
    ...(budget.rows ?? []).map((b) => b.source_line),
    ...(indicators.rows ?? []).flatMap((i) => [i.line, i.level3_line]),
  ].filter((n): n is number => n != null)), [budget.rows, indicators.rows]);

  const error = header.error ?? budget.error ?? indicators.error ?? findings.error;
  const row = header.rows?.[0];
  const source = [header, budget, indicators, findings].every((q) => q.source === 'live') ? 'live' : 'none';
  const backBar = (
    <nav className="report-nav">
      <button type="button" className="report-back" data-testid="report-back" onClick={() => goBack(url)}>{t('report.back')}</button>
      <button type="button" className="report-all" onClick={() => url.setParams({ report: null })}>{t('report.allReports')}</button>
    </nav>
  );

  if (error) return <div className="report">{backBar}<p className="card card-error" role="alert">{error}</p></div>;
  if (header.rows && !row && !header.loading) {
    return (
      <div className="report" data-testid="report" data-state="unknown">
        {backBar}
        <p className="report-unknown" role="alert" data-testid="report-unknown">{t('report.unknown', { name: reportId })}</p>
        <ReportList />
      </div>
    );
  }
  if (!row) return <div className="report" data-testid="report" data-state="loading">{backBar}<p className="view-loading" role="status">{t('app.loading')}</p></div>;

  return (
    <div className="report" data-testid="report" data-state="ready" data-source={source} data-report={row.report_id}>
      {backBar}
      <ReportTitle header={row} />
      <OtherYears reportId={row.report_id} />
      <ReportFigures header={row} indicators={indicators.rows} />
      <figure className="card report-sheet" data-testid="report-sheet" aria-labelledby="report-sheet-title">
        <figcaption className="sheet-caption">
          <span id="report-sheet-title">{t('report.sheetTitle')}</span>
          {row.year != null && <span className="sheet-year">{t('report.sheetYear', { count: row.year })}</span>}
        </figcaption>
        <p className="sheet-scroll-hint">{t('report.scrollHint')}</p>
        <div className="scroll-x">
          <SheetHeader header={row} />
          <BudgetBlock header={row} lines={budget.rows ?? []} flags={flags} />
          <GoalBlock header={row} />
          <IndicatorBlock header={row} indicators={indicators.rows ?? []} flags={flags} />
        </div>
        <p className="sheet-legend">{t('report.legend')}</p>
      </figure>
      <FindingsList findings={findings.rows ?? []} tableLines={tableLines} />
    </div>
  );
}

/** The same project's reports of other years (fund + project + department), each a link. */
function OtherYears({ reportId }: { reportId: string }) {
  const { lang, t } = useI18n();
  const url = useUrlState();
  const years = useQuery(useMemo(() => projectYears(reportId), [reportId]));
  if (!years.rows || years.rows.length === 0) return null;
  return (
    <nav className="report-years" data-testid="report-years" aria-label={t('report.otherYears')}>
      <span className="report-years-label">{t('report.otherYears')}</span>
      {years.rows.map((other) => (
        <button key={other.report_id} type="button" className="link-button" data-report-id={other.report_id}
          onClick={() => url.setParams({ report: other.report_id })}>
          {t('report.otherYear', { year: other.year ?? '—', value: formatScore(other.total_score, lang), rate: formatPercent(other.execution_rate, lang) })}
        </button>
      ))}
    </nav>
  );
}

function ReportTitle({ header }: { header: ReportHeaderRow }) {
  const { t } = useI18n();
  const facts: [string, string | number | null][] = [
    [t('report.year'), header.year],
    [t('report.city'), header.city],
    [t('report.fund'), header.fund],
    [t('report.project'), header.project],
    [t('report.source'), header.source_file],
  ];
  return (
    <header className="report-title">
      <h2 data-testid="report-project">{header.project ?? header.project_name_printed ?? header.report_id}</h2>
      {header.title && <p className="report-doc-title">{header.title}</p>}
      <dl className="report-facts">
        {facts.map(([label, value]) => (
          <div key={label}><dt>{label}</dt><dd>{value ?? '—'}</dd></div>
        ))}
      </dl>
    </header>
  );
}
