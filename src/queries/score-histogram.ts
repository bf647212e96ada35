import { reportCondition, type Filters } from './filters.ts';
import { numberLiteral, sql, type Query } from './query.ts';

export interface ScoreHistogramRow {
  /** Lower bound of the bin (inclusive); the top bin also holds the maximum score. */
  bin_start: number;
  reports: number;
}

/** Reports per band of total_score, `binWidth` points wide (100 falls in the top band). */
export function scoreHistogram(filters: Filters, binWidth = 5): Query<ScoreHistogramRow> {
  if (!(binWidth > 0 && binWidth <= 100)) throw new Error(`scoreHistogram: bin width ${binWidth} out of range`);
  const width = numberLiteral(binWidth); // a constant of the chart, so the overview's first run needs no prepared statement
  return sql<ScoreHistogramRow>('score-histogram')`
    SELECT
      (LEAST(FLOOR(r.total_score / ${width}), CEIL(100 / ${width}) - 1) * ${width})::DOUBLE AS bin_start,
      COUNT(*)::INTEGER AS reports
    FROM reports r
    WHERE r.total_score IS NOT NULL AND ${reportCondition(filters)}
    GROUP BY bin_start
    ORDER BY bin_start`;
}
