/**
 * The list a leader must read: every indicator not met, partly met or scored below its weight,
 * with its reason for deviation or a visible mark that none was given. Rows come sorted from
 * DuckDB; the table only presents them. A row opens its report.
 */
import type { CSSProperties, KeyboardEvent, ReactNode } from 'react';
import { STATUS_COLORS } from '../../components/chart-option.ts';
import { BLANK, formatCount, formatScore } from '../../lib/format.ts';
import { labelOf, useI18n, type MessageKey, type Translate } from '../../lib/i18n.ts';
import { reasonIn } from '../../lib/status-reason.ts';
import type { Lang } from '../../lib/url-state.ts';
import type { IndicatorMissRow } from '../../queries/indicator-misses.ts';
import { targetText } from './achievement-option.ts';
import { level2Label } from './option-context.ts';

interface CellContext {
  lang: Lang;
  t: Translate;
}

interface MissColumn {
  id: string;
  header: MessageKey;
  numeric?: boolean;
  cell: (row: IndicatorMissRow, context: CellContext) => ReactNode;
}

const points = (value: number | null, { lang, t }: CellContext) =>
  value == null ? BLANK : t('indicators.points', { count: formatScore(value, lang) });

const isDeducted = (row: IndicatorMissRow) => row.weight != null && row.score != null && row.score < row.weight;

/** Full marks on a missed target: the contradiction domain.md names (10 salons planned, 6 held). */
const isFullScoreMiss = (row: IndicatorMissRow) =>
  row.status === 'not_met' && row.weight != null && row.score != null && row.score >= row.weight;

export const MISS_COLUMNS: readonly MissColumn[] = [
  {
    id: 'project', header: 'indicators.col.project',
    cell: (row) => <><strong>{row.project ?? BLANK}</strong><small>{row.city ?? ''}</small></>,
  },
  {
    id: 'indicator', header: 'indicators.col.indicator',
    cell: (row, { lang, t }) => (
      <>
        <span>{row.level3 ?? BLANK}</span>
        <small>{[row.level1 && labelOf(lang, 'level1', row.level1), row.level2 && level2Label(t, row.level2)].filter(Boolean).join(' · ')}</small>
      </>
    ),
  },
  {
    id: 'target', header: 'indicators.col.target',
    cell: (row, { lang, t }) => (
      <>
        {targetText(row, lang)}
        {!row.target_text && row.target_value != null && <small>{t('indicators.badge.fromName')}</small>}
      </>
    ),
  },
  { id: 'actual', header: 'indicators.col.actual', cell: (row) => row.actual_text ?? BLANK },
  {
    id: 'weight', header: 'indicators.col.weight', numeric: true,
    cell: (row, context) => (
      <>
        {points(row.weight, context)}
        {row.group_size > 1 && <small>{context.t('indicators.badge.group', { count: formatCount(row.group_size, context.lang) })}</small>}
      </>
    ),
  },
  {
    id: 'score', header: 'indicators.col.score', numeric: true,
    cell: (row, context) => (
      <>
        {points(row.score, context)}
        {isDeducted(row) && (
          <span className="ind-badge ind-badge-deducted">
            {context.t('indicators.badge.deducted', { count: formatScore(row.weight! - row.score!, context.lang) })}
          </span>
        )}
        {isFullScoreMiss(row) && <span className="ind-badge ind-badge-warn">{labelOf(context.lang, 'code', 'FULL_SCORE_TARGET_MISSED')}</span>}
      </>
    ),
  },
  {
    id: 'status', header: 'indicators.col.status',
    cell: (row, { lang }) => (
      <>
        <span className="ind-pill" style={{ '--status-color': STATUS_COLORS[row.status] ?? STATUS_COLORS.unknown } as CSSProperties}>
          {labelOf(lang, 'status', row.status)}
        </span>
        {row.status_reason && <small>{reasonIn(row.status_reason, lang)}</small>}
      </>
    ),
  },
  {
    id: 'reason', header: 'indicators.col.reason',
    cell: (row, { t }) => row.deviation
      ? <span className="ind-reason">{row.deviation}</span>
      : <span className="ind-badge ind-badge-warn" data-testid="no-reason">{t('indicators.badge.noReason')}</span>,
  },
];

interface Props {
  rows: readonly IndicatorMissRow[];
  onOpen: (reportId: string) => void;
}

export function MissesTable({ rows, onOpen }: Props) {
  const { lang, t } = useI18n();
  const context = { lang, t };
  const onKey = (event: KeyboardEvent, reportId: string) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onOpen(reportId);
    }
  };
  return (
    <div className="scroll-x">
      <table className="ind-table">
        <thead>
          <tr>{MISS_COLUMNS.map((column) => <th key={column.id} scope="col" className={column.numeric ? 'num' : undefined}>{t(column.header)}</th>)}</tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.report_id}#${row.seq}`} tabIndex={0} data-testid="miss-row" data-report={row.report_id}
              onClick={() => onOpen(row.report_id)} onKeyDown={(event) => onKey(event, row.report_id)}>
              {MISS_COLUMNS.map((column) => (
                <td key={column.id} data-label={t(column.header)} data-column={column.id} className={column.numeric ? 'num' : undefined}>
                  {column.cell(row, context)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
