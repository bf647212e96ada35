/**
 * The side-by-side table as data, pure: measures as rows in groups, items as columns, each cell
 * formatted with its unit and flagged when it is the best of its row.
 */
import { formatCount, formatNumber, formatTableMoney, formatPercent, formatScore } from '../../lib/format.ts';
import { labelOf, type MessageKey } from '../../lib/i18n.ts';
import { COMPARE_LEVEL1S, LEVEL1_RATE_COLUMNS, type CompareMeasuresRow } from '../../queries/compare-measures.ts';
import type { OptionContext } from './option-context.ts';

/** Maps a value to a merit (higher is better); measures without one (amounts, counts of reports) are not ranked. */
type Merit = (value: number) => number;
const HIGHER: Merit = (value) => value;
const LOWER: Merit = (value) => -value;
/** Spending more than the budget is no better than spending less: the best rate is the one nearest 100%. */
const NEAREST_FULL: Merit = (value) => -Math.abs(1 - value);

interface Measure {
  id: string;
  label: (context: OptionContext) => string;
  value: (row: CompareMeasuresRow) => number | null;
  format: (row: CompareMeasuresRow, context: OptionContext) => string;
  merit?: Merit;
}

const share = (row: CompareMeasuresRow, count: number): number | null => (row.indicators > 0 ? count / row.indicators : null);

const labelled = (key: MessageKey) => ({ t }: OptionContext) => t(key);

const money = (id: string, key: MessageKey, column: 'budget_initial' | 'budget_adjusted' | 'executed'): Measure => ({
  id, label: labelled(key), value: (row) => row[column], format: (row, { lang }) => formatTableMoney(row[column], lang),
});

const rate = (id: string, key: MessageKey, column: 'execution_rate' | 'execution_rate_initial'): Measure => ({
  id, label: labelled(key), value: (row) => row[column], format: (row, { lang }) => formatPercent(row[column], lang), merit: NEAREST_FULL,
});

const count = (id: string, key: MessageKey, column: 'reports' | 'indicators', merit?: Merit): Measure => ({
  id, label: labelled(key), value: (row) => row[column], format: (row, { lang }) => formatCount(row[column], lang), merit,
});

/**
 * A count that grows with the number of reports (issues, errors), ranked per report: a city of one
 * report with 11 issues is not better than one of four with 36. The raw count stays beside it.
 */
const perReport = (id: string, key: MessageKey, column: 'findings' | 'errors'): Measure => ({
  id,
  label: labelled(key),
  value: (row) => (row.reports > 0 ? row[column] / row.reports : null),
  format: (row, { lang, t }) => (row.reports > 0
    ? t('compare.countPerReport', { count: formatCount(row[column], lang), rate: formatNumber(row[column] / row.reports, lang, 1) })
    : formatCount(row[column], lang)),
  merit: LOWER,
});

const statusShare = (status: 'met' | 'partial' | 'not_met' | 'claimed' | 'unknown', merit?: Merit): Measure => ({
  id: `status-${status}`,
  label: ({ lang }) => labelOf(lang, 'status', status),
  value: (row) => share(row, row[status]),
  format: (row, { lang, t }) => {
    const fraction = share(row, row[status]);
    return fraction == null ? formatPercent(null, lang) : t('compare.countShare', { count: formatCount(row[status], lang), rate: formatPercent(fraction, lang) });
  },
  merit,
});

const scoreRate = (level1: (typeof COMPARE_LEVEL1S)[number]): Measure => ({
  id: `rate-${level1}`,
  label: ({ lang, t }) => t('compare.row.scoreRate', { name: labelOf(lang, 'level1', level1) }),
  value: (row) => row[LEVEL1_RATE_COLUMNS[level1]],
  format: (row, { lang }) => formatPercent(row[LEVEL1_RATE_COLUMNS[level1]], lang),
  merit: HIGHER,
});

const GROUPS: readonly { id: string; title: MessageKey; measures: readonly Measure[] }[] = [
  {
    id: 'budget', title: 'compare.group.budget', measures: [
      count('reports', 'compare.row.reports', 'reports'),
      money('budget-initial', 'compare.row.budgetInitial', 'budget_initial'),
      money('budget-adjusted', 'compare.row.budgetAdjusted', 'budget_adjusted'),
      money('executed', 'compare.row.executed', 'executed'),
      rate('execution-rate', 'compare.row.executionRate', 'execution_rate'),
      rate('execution-rate-initial', 'compare.row.executionRateInitial', 'execution_rate_initial'),
    ],
  },
  {
    id: 'score', title: 'compare.group.score', measures: [
      {
        id: 'mean-score', label: labelled('compare.row.meanScore'), value: (row) => row.mean_total_score, merit: HIGHER,
        format: (row, { lang, t }) => (row.mean_total_score == null ? formatScore(null, lang) : t('compare.scorePoints', { count: formatScore(row.mean_total_score, lang) })),
      },
      {
        // 复核: points the reports gave themselves beyond the published rules, on average.
        id: 'mean-rule-gap', label: labelled('compare.row.meanRuleGap'), value: (row) => row.mean_rule_gap, merit: LOWER,
        format: (row, { lang, t }) => (row.mean_rule_gap == null ? formatScore(null, lang) : t('compare.scorePoints', { count: formatScore(row.mean_rule_gap, lang) })),
      },
      ...COMPARE_LEVEL1S.map(scoreRate),
    ],
  },
  {
    id: 'indicators', title: 'compare.group.indicators', measures: [
      count('indicators', 'compare.row.indicators', 'indicators'),
      statusShare('met', HIGHER),
      statusShare('partial'), // better than a miss, worse than a hit: not ranked
      statusShare('not_met', LOWER),
      statusShare('claimed', LOWER),
      statusShare('unknown', LOWER),
    ],
  },
  {
    id: 'findings', title: 'compare.group.findings', measures: [
      perReport('findings', 'compare.row.findings', 'findings'),
      perReport('errors', 'compare.row.errors', 'errors'),
    ],
  },
];

export interface CompareCell {
  text: string;
  best: boolean;
}

export interface CompareTableRow {
  id: string;
  label: string;
  cells: CompareCell[];
}

export interface CompareTableGroup {
  id: string;
  title: string;
  rows: CompareTableRow[];
}

/**
 * Which cells of a row are best: the highest merit, ties included; none when fewer than two
 * items have a value or all are equal (an emphasis that picks nothing out would be noise).
 */
export function bestFlags(values: readonly (number | null)[], merit: Merit | undefined): boolean[] {
  const merits = values.map((value) => (merit && value != null && Number.isFinite(value) ? merit(value) : null));
  const known = merits.filter((m): m is number => m != null);
  const top = Math.max(...known);
  const distinct = known.some((m) => Math.abs(m - top) > 1e-9);
  return merits.map((m) => known.length >= 2 && distinct && m != null && Math.abs(m - top) <= 1e-9);
}

export function buildCompareTable(rows: readonly CompareMeasuresRow[], context: OptionContext): CompareTableGroup[] {
  return GROUPS.map((group) => ({
    id: group.id,
    title: context.t(group.title),
    rows: group.measures.map((measure) => {
      const best = bestFlags(rows.map(measure.value), measure.merit);
      return {
        id: measure.id,
        label: measure.label(context),
        cells: rows.map((row, i) => ({ text: measure.format(row, context), best: best[i] })),
      };
    }),
  }));
}
