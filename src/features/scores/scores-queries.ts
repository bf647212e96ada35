/** The score view's queries, in one place: each returns a bounded number of rows (score-top.ts). */
import type { Filters } from '../../queries/filters.ts';
import { scoreGradeCounts } from '../../queries/score-grade-counts.ts';
import { scoreSummary } from '../../queries/score-summary.ts';
import { scoreGapBands, scoreRatesTop, scoreTotalsTop } from '../../queries/score-top.ts';

export function scoresQueryset(filters: Filters) {
  return {
    summary: scoreSummary(filters),
    totals: scoreTotalsTop(filters),
    rates: scoreRatesTop(filters),
    grades: scoreGradeCounts(filters),
    gapBands: scoreGapBands(filters),
  };
}
