import { sql, type Query } from './query.ts';

export interface ImportOriginCountsRow {
  /** 'bundled' (the dataset loaded at start) or 'imported'. */
  origin: string;
  reports: number;
  indicators: number;
  findings: number;
}

/**
 * Reports, indicators and findings of the whole data by origin, for the import view: it tells
 * what the data is made of, so the filters do not apply.
 */
export function importOriginCounts(): Query<ImportOriginCountsRow> {
  return sql<ImportOriginCountsRow>('import-origin-counts')`
    WITH i AS (SELECT report_id, COUNT(*) AS n FROM indicators GROUP BY report_id),
         f AS (SELECT report_id, COUNT(*) AS n FROM findings GROUP BY report_id)
    SELECT r.origin,
      COUNT(*)::INTEGER AS reports,
      COALESCE(SUM(i.n), 0)::INTEGER AS indicators,
      COALESCE(SUM(f.n), 0)::INTEGER AS findings
    FROM reports r
    LEFT JOIN i ON i.report_id = r.report_id
    LEFT JOIN f ON f.report_id = r.report_id
    GROUP BY r.origin
    ORDER BY r.origin`;
}
