/**
 * 报告详情 Report: `?view=report&report=<report_id>` shows one report's self-evaluation table
 * rebuilt from the data; without a report (or with an unknown id) the searchable list of reports.
 */
import './report.css';
import { useUrlState } from '../../lib/url-state.ts';
import { ReportDetail } from './report-detail.tsx';
import { ReportList } from './report-list.tsx';

export function ReportView() {
  const url = useUrlState();
  const reportId = url.params.get('report');
  if (reportId) return <ReportDetail key={reportId} reportId={reportId} />;
  return <div className="report" data-testid="report" data-state="list"><ReportList /></div>;
}
