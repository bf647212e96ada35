/** The score view's key figures: how many reports, their mean and range, 优 share, mismatches. */
import { BLANK, formatCount, formatPercent, formatScore } from '../../lib/format.ts';
import { useI18n, type MessageKey } from '../../lib/i18n.ts';
import type { ScoreSummaryRow } from '../../queries/score-summary.ts';

interface Figure {
  id: string;
  label: MessageKey;
  value: string;
  unit?: string;
  hint?: MessageKey;
  alert?: boolean;
}

export function ScoreFigures({ row }: { row: ScoreSummaryRow | undefined }) {
  const { lang, t } = useI18n();
  const pointsUnit = t('scores.points', { count: '' }).trim();
  const reportsUnit = t('scores.reports', { count: '' }).trim();
  const range = row?.min_total_score == null ? BLANK
    : `${formatScore(row.min_total_score, lang)} – ${formatScore(row.max_total_score, lang)}`;
  const figures: Figure[] = [
    { id: 'reports', label: 'scores.figure.reports', value: formatCount(row?.reports, lang), unit: reportsUnit },
    { id: 'mean', label: 'scores.figure.mean', value: formatScore(row?.mean_total_score, lang), unit: pointsUnit },
    { id: 'range', label: 'scores.figure.range', value: range, unit: pointsUnit },
    { id: 'excellent', label: 'scores.figure.excellent', value: formatPercent(row?.excellent_share, lang), hint: 'scores.figure.excellentHint' },
    {
      id: 'mismatches', label: 'scores.figure.mismatches', value: formatCount(row?.mismatches, lang), unit: reportsUnit,
      hint: 'scores.figure.mismatchesHint', alert: (row?.mismatches ?? 0) > 0,
    },
    { id: 'rule-gap', label: 'scores.figure.ruleGap', value: formatScore(row?.mean_rule_gap, lang), unit: pointsUnit, hint: 'scores.figure.ruleGapHint' },
    {
      id: 'inflated', label: 'scores.figure.inflated', value: formatCount(row?.inflated, lang), unit: reportsUnit,
      hint: 'scores.figure.inflatedHint', alert: (row?.inflated ?? 0) > 0,
    },
    { id: 'coverage', label: 'scores.figure.coverage', value: formatPercent(row?.mean_rule_coverage, lang), hint: 'scores.figure.coverageHint' },
  ];
  return (
    <dl className="key-figures scores-figures">
      {figures.map((figure) => (
        <div className={`key-figure${figure.alert ? ' is-alert' : ''}`} key={figure.id} data-figure={figure.id}>
          <dt>{t(figure.label)}</dt>
          <dd>
            <span className="key-figure-value">
              {figure.value}
              {figure.unit && figure.value !== BLANK && <small> {figure.unit}</small>}
            </span>
            {figure.hint && <span className="key-figure-hint">{t(figure.hint)}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}
