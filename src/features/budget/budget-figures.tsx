/** The budget view's headline figures: both budgets, execution, both rates and the net in-year change. */
import { formatCount, formatMoneyParts, formatPercent, type MoneyParts } from '../../lib/format.ts';
import { useI18n, type MessageKey } from '../../lib/i18n.ts';
import type { BudgetSummaryRow } from '../../queries/budget-summary.ts';
import { signedMoney, signedPercent } from './signed.ts';

interface Figure {
  id: string;
  label: MessageKey;
  value: string | MoneyParts;
  /** One line, or several short ones. */
  hint?: string | string[];
  tone?: 'cut' | 'increase';
}

export function BudgetFigures({ row }: { row: BudgetSummaryRow | undefined }) {
  const { lang, t } = useI18n();
  const adjustment = row?.adjustment ?? null;
  const rate = adjustment != null && row?.budget_initial ? adjustment / row.budget_initial : null;
  const figures: Figure[] = [
    { id: 'budget-initial', label: 'budget.figure.budgetInitial', value: formatMoneyParts(row?.budget_initial, lang) },
    { id: 'budget-adjusted', label: 'budget.figure.budgetAdjusted', value: formatMoneyParts(row?.budget_adjusted, lang) },
    { id: 'executed', label: 'budget.figure.executed', value: formatMoneyParts(row?.executed, lang) },
    { id: 'rate-adjusted', label: 'budget.figure.rateAdjusted', value: formatPercent(row?.execution_rate, lang), hint: t('budget.figure.rateHint') },
    { id: 'rate-initial', label: 'budget.figure.rateInitial', value: formatPercent(row?.execution_rate_initial, lang), hint: t('budget.figure.rateInitialHint') },
    {
      id: 'adjustment',
      label: 'budget.figure.adjustment',
      value: signedMoney(adjustment, lang),
      tone: adjustment == null || Math.abs(adjustment) < 0.005 ? undefined : adjustment < 0 ? 'cut' : 'increase',
      // Two short lines: how large the net change is, then how many projects moved which way.
      hint: row && [
        rate == null ? '' : t('budget.figure.adjustmentRate', { rate: signedPercent(rate, lang) }),
        ([
          ['budget.figure.cuts', row.reports_cut],
          ['budget.figure.increases', row.reports_increased],
          ['budget.figure.unchanged', row.reports_unchanged],
        ] as const)
          .filter(([, count]) => count > 0) // "0 increased" is noise; the line stays short
          .map(([key, count]) => t(key, { count: formatCount(count, lang) }))
          .join(' · '),
      ].filter(Boolean),
    },
  ];
  return (
    <dl className="key-figures budget-figures">
      {figures.map((figure) => (
        <div className="key-figure" key={figure.id} data-figure={figure.id}>
          <dt>{t(figure.label)}</dt>
          <dd>
            <FigureValue value={figure.value} tone={figure.tone} />
            {[figure.hint ?? []].flat().map((line) => <span className="key-figure-hint" key={line}>{line}</span>)}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** The number large, a money unit small; the text reads as `4,410.88 万元` / `CNY 44.11 M`. */
function FigureValue({ value, tone }: { value: string | MoneyParts; tone?: Figure['tone'] }) {
  const className = `key-figure-value${tone ? ` budget-${tone}` : ''}`;
  if (typeof value === 'string') return <span className={className}>{value}</span>;
  return (
    <span className={className}>
      {value.prefix && <small>{value.prefix} </small>}
      {value.number}
      {value.suffix && <small> {value.suffix}</small>}
    </span>
  );
}
