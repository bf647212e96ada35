/**
 * The view's key figures: indicators by status (each a button that toggles the status filter,
 * in the charts' colours), deductions and the misses that give no reason.
 */
import type { CSSProperties } from 'react';
import { STATUS_COLORS } from '../../components/chart-option.ts';
import { statusHint } from '../../components/status-legend.ts';
import { formatCount, formatPercent, formatScore } from '../../lib/format.ts';
import { labelOf, useI18n } from '../../lib/i18n.ts';
import { useUrlState } from '../../lib/url-state.ts';
import { INDICATOR_STATUSES } from '../../queries/indicator-status-counts.ts';
import type { IndicatorStatusByLevelRow } from '../../queries/indicator-status-by-level.ts';
import type { IndicatorMissRow } from '../../queries/indicator-misses.ts';

interface Props {
  statusRows: readonly IndicatorStatusByLevelRow[] | undefined;
  misses: readonly IndicatorMissRow[] | undefined;
}

export function StatusSummary({ statusRows, misses }: Props) {
  const { lang, t } = useI18n();
  const url = useUrlState();
  const counts = new Map<string, number>();
  for (const row of statusRows ?? []) counts.set(row.status, (counts.get(row.status) ?? 0) + row.indicators);
  const total = statusRows ? [...counts.values()].reduce((a, b) => a + b, 0) : undefined;
  const first = misses?.[0];
  // Totals ride on every miss row; no row means none of either.
  const deductions = misses ? (first?.deductions ?? 0) : undefined;
  const withoutReason = misses ? (first?.without_reason ?? 0) : undefined;
  const active = url.filters.status ?? [];
  const count = (n: number | undefined) => (n == null ? '—' : t('indicators.count', { count: formatCount(n, lang) }));

  return (
    <div className="ind-summary" data-testid="indicator-summary">
      <div className="ind-figure" data-figure="total">
        <span className="ind-figure-label">{t('indicators.figure.total')}</span>
        <span className="ind-figure-value">{count(total)}</span>
        <span className="ind-figure-hint">{t('indicators.figure.filterHint')}</span>
      </div>
      {INDICATOR_STATUSES.map((status) => {
        const n = statusRows ? (counts.get(status) ?? 0) : undefined;
        return (
          <button key={status} type="button" className="ind-figure ind-status" data-figure={status}
            aria-pressed={active.includes(status)} style={{ '--status-color': STATUS_COLORS[status] } as CSSProperties}
            title={statusHint(lang, status)}
            onClick={() => url.toggleFilter('status', status)}>
            <span className="ind-figure-label"><i className="ind-dot" aria-hidden="true" />{labelOf(lang, 'status', status)}</span>
            <span className="ind-figure-value">{count(n)}</span>
            <span className="ind-figure-hint">
              {t('indicators.figure.share', { rate: formatPercent(total ? (n ?? 0) / total : null, lang) })}
            </span>
          </button>
        );
      })}
      <div className="ind-figure ind-alert" data-figure="deductions">
        <span className="ind-figure-label">{t('indicators.figure.deductions')}</span>
        <span className="ind-figure-value">{count(deductions)}</span>
        <span className="ind-figure-hint">
          {t('indicators.figure.deductionsHint', { count: formatScore(first?.points_deducted ?? (misses ? 0 : null), lang) })}
        </span>
      </div>
      <div className="ind-figure ind-alert" data-figure="without-reason">
        <span className="ind-figure-label">{t('indicators.figure.withoutReason')}</span>
        <span className="ind-figure-value">{count(withoutReason)}</span>
        <span className="ind-figure-hint">{t('indicators.figure.withoutReasonHint')}</span>
      </div>
    </div>
  );
}
