/** The report at a glance: budget, execution, score against the printed 总分, grade, targets, findings. */
import type { ReactNode } from 'react';
import { formatCount, formatMoney, formatPercent, formatScore } from '../../lib/format.ts';
import { useI18n, type MessageKey } from '../../lib/i18n.ts';
import type { ReportHeaderRow } from '../../queries/report-header.ts';
import type { ReportIndicatorRow } from '../../queries/report-indicators.ts';
import { INFLATED_GAP } from '../../queries/score-totals.ts';
import { GradeBadge } from './grade-badge.tsx';
import { scoresDiffer } from './indicator-layout.ts';

interface Figure {
  id: string;
  label: MessageKey;
  value: ReactNode;
  hint?: string;
  alert?: boolean;
}

export function ReportFigures({ header, indicators }: { header: ReportHeaderRow; indicators: readonly ReportIndicatorRow[] | undefined }) {
  const { lang, t } = useI18n();
  const adjusted = header.budget_initial != null && header.budget_adjusted != null && Math.abs(header.budget_initial - header.budget_adjusted) >= 0.005;
  const rateInitial = header.executed != null && header.budget_initial ? header.executed / header.budget_initial : null;
  const count = (status: string) => indicators?.filter((i) => i.status === status).length ?? 0;
  const scoreMismatch = scoresDiffer(header.declared_total_score, header.total_score);
  const figures: Figure[] = [
    {
      id: 'budget-adjusted', label: 'report.figure.budgetAdjusted', value: formatMoney(header.budget_adjusted, lang),
      hint: adjusted ? t('report.figure.initialHint', { name: formatMoney(header.budget_initial, lang) }) : undefined, alert: adjusted,
    },
    { id: 'executed', label: 'report.figure.executed', value: formatMoney(header.executed, lang) },
    {
      id: 'execution-rate', label: 'report.figure.executionRate', value: formatPercent(header.execution_rate, lang),
      hint: adjusted ? t('report.figure.rateInitialHint', { rate: formatPercent(rateInitial, lang) }) : undefined,
    },
    {
      id: 'total-score', label: 'report.figure.totalScore', value: formatScore(header.total_score, lang),
      hint: header.declared_total_score == null ? undefined : t('report.printedValue', { name: formatScore(header.declared_total_score, lang) }),
      alert: scoreMismatch,
    },
    { id: 'grade', label: 'report.figure.grade', value: <GradeBadge grade={header.grade} /> },
    {
      id: 'rule-score', label: 'report.figure.ruleScore', value: formatScore(header.rule_total_score, lang),
      hint: header.rule_total_score == null ? undefined
        : t('report.figure.ruleScoreHint', { count: formatScore(header.rule_gap, lang), rate: formatPercent(header.rule_coverage, lang) }),
      alert: (header.rule_gap ?? 0) >= INFLATED_GAP,
    },
    {
      id: 'targets', label: 'report.figure.targets',
      value: indicators ? `${formatCount(count('met'), lang)} / ${formatCount(indicators.length, lang)}` : '—',
      hint: indicators ? t('report.figure.targetsHint', {
        count: formatCount(count('not_met'), lang), claimed: formatCount(count('claimed'), lang), name: formatCount(count('unknown'), lang),
      }) : undefined,
      alert: count('not_met') > 0,
    },
    {
      id: 'findings', label: 'report.figure.findings', value: formatCount(header.findings, lang),
      hint: t('report.figure.errorsHint', { count: formatCount(header.errors, lang) }), alert: header.errors > 0,
    },
  ];
  return (
    <dl className="report-figures" data-testid="report-figures">
      {figures.map((figure) => (
        <div className={`key-figure${figure.alert ? ' is-alert' : ''}`} key={figure.id} data-figure={figure.id}>
          <dt>{t(figure.label)}</dt>
          <dd>
            <span className="key-figure-value">{figure.value}</span>
            {figure.hint && <span className="key-figure-hint">{figure.hint}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}
