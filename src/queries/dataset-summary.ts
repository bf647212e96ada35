import { sql, type Query } from './query.ts';

export interface DatasetSummaryRow {
  reports: number;
  first_year: number | null;
  last_year: number | null;
}

/** What the header says about the data: how many reports, of which years (no filter applies). */
export function datasetSummary(): Query<DatasetSummaryRow> {
  return sql<DatasetSummaryRow>('dataset-summary')`
    SELECT COUNT(*)::INTEGER AS reports, MIN(year) AS first_year, MAX(year) AS last_year FROM reports`;
}
