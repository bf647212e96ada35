/** The head of the paper table (项目名称, 主管部门, 实施单位) and the 年度总体目标 block. */
import { useI18n } from '../../lib/i18n.ts';
import type { ReportHeaderRow } from '../../queries/report-header.ts';

const text = (value: string | null) => (value == null || value === '' ? '—' : value);
const missing = (value: string | null) => (value == null || value === '' ? 'is-missing' : undefined);

export function SheetHeader({ header }: { header: ReportHeaderRow }) {
  const { t } = useI18n();
  return (
    <table className="sheet-table sheet-head" data-testid="report-head">
      <colgroup><col className="col-head-label" /><col /><col className="col-head-label" /><col /></colgroup>
      <tbody>
        <tr>
          <th scope="row">{t('report.projectName')}</th>
          <td colSpan={3} className={missing(header.project_name_printed)} data-cell="project-name">{text(header.project_name_printed)}</td>
        </tr>
        <tr>
          <th scope="row">{t('report.department')}</th>
          <td className={missing(header.department)} data-cell="department">{text(header.department)}</td>
          <th scope="row">{t('report.implementer')}</th>
          <td className={missing(header.implementer)} data-cell="implementer">{text(header.implementer)}</td>
        </tr>
      </tbody>
    </table>
  );
}

export function GoalBlock({ header }: { header: ReportHeaderRow }) {
  const { t } = useI18n();
  return (
    <table className="sheet-table sheet-goals" data-testid="report-goals">
      <colgroup><col className="col-side" /><col /><col /></colgroup>
      <tbody>
        <tr>
          <th rowSpan={2} scope="rowgroup" className="sheet-side">{t('report.goals')}</th>
          <th scope="col">{t('report.goalTarget')}</th>
          <th scope="col">{t('report.goalActual')}</th>
        </tr>
        <tr>
          <td className={`sheet-prose ${missing(header.goal_target) ?? ''}`}>{text(header.goal_target)}</td>
          <td className={`sheet-prose ${missing(header.goal_actual) ?? ''}`}>{text(header.goal_actual)}</td>
        </tr>
      </tbody>
    </table>
  );
}
