/**
 * The overview's key figure cards. When the filtered reports are of one year and the data has an
 * earlier one, each card says how it changed since (year-deltas.ts), that year's value on hover.
 */
import { useQuery } from '../../lib/db/index.ts';
import { formatCount, formatMoneyParts, formatPercent, formatScore, type MoneyParts } from '../../lib/format.ts';
import { useI18n, type MessageKey } from '../../lib/i18n.ts';
import type { Filters } from '../../queries/filters.ts';
import { overviewFigures, type OverviewFiguresRow } from '../../queries/overview-figures.ts';
import type { PreviousYearRow } from '../../queries/previous-year.ts';
import { yearDeltas, type YearDelta } from './year-deltas.ts';

interface Figure {
  id: string;
  label: MessageKey;
  value: string | MoneyParts;
  hint?: string;
}

export function KeyFigures({ row, filters, years }: { row: OverviewFiguresRow | undefined; filters?: Filters; years?: PreviousYearRow }) {
  const { year: current, previous } = years ?? { year: null, previous: null };
  if (row && filters && current != null && previous != null) {
    return <ComparedFigures row={row} filters={filters} year={previous} />;
  }
  return <FigureCards row={row} deltas={null} />;
}

/** The cards with the previous year's figures beside them (its query runs only here). */
function ComparedFigures({ row, filters, year }: { row: OverviewFiguresRow; filters: Filters; year: number }) {
  const { lang, t } = useI18n();
  const before = useQuery(overviewFigures({ ...filters, year: [year] })).rows?.[0];
  return <FigureCards row={row} deltas={before ? yearDeltas(row, before, year, lang, t) : null} />;
}

function FigureCards({ row, deltas }: { row: OverviewFiguresRow | undefined; deltas: Record<string, YearDelta> | null }) {
  const { lang, t } = useI18n();
  const figures: Figure[] = [
    { id: 'reports', label: 'figure.reports', value: formatCount(row?.reports, lang) },
    { id: 'cities', label: 'figure.cities', value: formatCount(row?.cities, lang) },
    { id: 'funds', label: 'figure.funds', value: formatCount(row?.funds, lang) },
    { id: 'budget-initial', label: 'figure.budgetInitial', value: formatMoneyParts(row?.budget_initial, lang) },
    { id: 'budget-adjusted', label: 'figure.budgetAdjusted', value: formatMoneyParts(row?.budget_adjusted, lang) },
    { id: 'executed', label: 'figure.executed', value: formatMoneyParts(row?.executed, lang) },
    {
      id: 'execution-rate',
      label: 'figure.executionRate',
      value: formatPercent(row?.execution_rate, lang),
      hint: t('figure.executionRateHint', { rate: formatPercent(row?.execution_rate_initial, lang) }),
    },
    { id: 'mean-score', label: 'figure.meanScore', value: formatScore(row?.mean_total_score, lang) },
    {
      id: 'rule-gap',
      label: 'figure.ruleGap',
      value: row?.mean_rule_gap == null ? formatScore(null, lang) : t('figure.ruleGapValue', { count: formatScore(row.mean_rule_gap, lang) }),
      hint: row ? t('figure.ruleGapHint', { count: formatCount(row.inflated, lang) }) : undefined,
    },
    { id: 'findings', label: 'figure.findings', value: formatCount(row?.findings, lang) },
  ];
  return (
    <dl className="key-figures">
      {figures.map((figure) => (
        <div className="key-figure" key={figure.id} data-figure={figure.id}>
          <dt>{t(figure.label)}</dt>
          <dd>
            <FigureValue value={figure.value} />
            {deltas?.[figure.id] && (
              <span className="key-figure-delta" data-direction={deltas[figure.id].direction} title={deltas[figure.id].previous}>
                {deltas[figure.id].text}
              </span>
            )}
            {figure.hint && <span className="key-figure-hint">{figure.hint}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** The number large, a money unit small; the text reads as `4,410.88 万元` / `CNY 44.11 M`. */
function FigureValue({ value }: { value: string | MoneyParts }) {
  if (typeof value === 'string') return <span className="key-figure-value">{value}</span>;
  return (
    <span className="key-figure-value">
      {value.prefix && <small>{value.prefix} </small>}
      {value.number}
      {value.suffix && <small> {value.suffix}</small>}
    </span>
  );
}
