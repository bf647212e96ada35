/** The score view's queries, in one place (each is small: per report or per grade). */
import type { Filters } from '../../queries/filters.ts';
import { scoreGradeCounts } from '../../queries/score-grade-counts.ts';
import { scoreRates } from '../../queries/score-rates.ts';
import { scoreSummary } from '../../queries/score-summary.ts';
import { scoreTotals } from '../../queries/score-totals.ts';

export function scoresQueryset(filters: Filters) {
  return {
    summary: scoreSummary(filters),
    totals: scoreTotals(filters),
    rates: scoreRates(filters),
    grades: scoreGradeCounts(filters),
  };
}
