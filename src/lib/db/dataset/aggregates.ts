/**
 * Per-report aggregates (issue 18 item 2): what the figures need from the 2 M indicator rows and
 * 1.5 M findings of a province, summed once per report when the data is loaded, so that a
 * filter change reads a table of the reports' size instead of scanning indicators again.
 *
 * - `agg.report_indicators`: one row per report × 一级 × status, with the indicator count and
 *   the sums of weight and score the score rates need. The 一级 and status filters pick reports
 *   through it (filters.ts), and the status counts, the 一级 score rates, the filter lists'
 *   indicator counts and the compare view's indicator columns are sums of its rows.
 * - `agg.report_findings`: one row per report with findings (count, errors).
 * - `agg.report_codes`: one row per report × finding code (count, most severe severity's rank).
 *
 * Built from the `main.<table>` relations (origin-views.ts) in the same transaction that points
 * them at new data (a load, an import, a removal), or read from the `agg` schema of a `.duckdb`
 * file the ingest wrote (src/cli/duckdb-file.ts), which then needs no pass over its indicators.
 * Rows whose report is not in `reports` are left out, as the figure queries' joins leave them.
 */
import { quoteIdent } from './schema.ts';
import { SCOPE_SCHEMA } from '../../../queries/filters.ts';

export const AGGREGATE_SCHEMA = 'agg';

/** Each aggregate table and its columns, in order: a stored copy must have exactly these. */
export const AGGREGATE_COLUMNS = {
  report_indicators: ['report_id', 'level1', 'status', 'indicators', 'weight', 'score', 'weight_scored', 'score_weighted'],
  report_findings: ['report_id', 'findings', 'errors'],
  report_codes: ['report_id', 'code', 'severity_rank', 'findings'],
} as const;

export type AggregateTable = keyof typeof AGGREGATE_COLUMNS;
export const AGGREGATE_TABLES = Object.keys(AGGREGATE_COLUMNS) as AggregateTable[];

/** The SQL of a finding's severity as a rank (error first); the one findings-filter.ts orders by. */
const SEVERITY_RANK = (alias: string) => `CASE ${alias}.severity WHEN 'error' THEN 1 WHEN 'warning' THEN 2 WHEN 'info' THEN 3 ELSE 4 END`;

/**
 * The SELECT of each aggregate over relations named by `relation(table)` (`main.indicators`, or
 * a file's `out.indicators`, or a subquery), whose `reports` decides which report ids count.
 */
export function aggregateSelects(relation: (table: 'reports' | 'indicators' | 'findings') => string): Record<AggregateTable, string> {
  const known = `report_id IN (SELECT report_id FROM ${relation('reports')})`;
  return {
    report_indicators: `SELECT i.report_id, i.level1, i.status,
        COUNT(*)::INTEGER AS indicators,
        SUM(i.weight) AS weight, SUM(i.score) AS score,
        SUM(i.weight) FILTER (WHERE i.score IS NOT NULL) AS weight_scored,
        SUM(i.score) FILTER (WHERE i.weight IS NOT NULL) AS score_weighted
      FROM ${relation('indicators')} i WHERE i.${known}
      GROUP BY i.report_id, i.level1, i.status`,
    report_findings: `SELECT f.report_id, COUNT(*)::INTEGER AS findings, COUNT(*) FILTER (WHERE f.severity = 'error')::INTEGER AS errors
      FROM ${relation('findings')} f WHERE f.${known}
      GROUP BY f.report_id`,
    report_codes: `SELECT f.report_id, f.code, MIN(${SEVERITY_RANK('f')})::INTEGER AS severity_rank, COUNT(*)::INTEGER AS findings
      FROM ${relation('findings')} f WHERE f.${known}
      GROUP BY f.report_id, f.code`,
  };
}

/** Where the dataset under the views keeps aggregates of its own (an ingest's `.duckdb`): `<catalog>.agg`. */
export interface StoredAggregates {
  schema: string;
}

export interface AggregateLayers {
  /** The stored aggregates of the loaded dataset, when it has them and they are shown. */
  stored: StoredAggregates | null;
  /** Whether imported rows are in the views (their aggregates are then computed). */
  imports: boolean;
}

/**
 * The statements that (re)build `agg.*` over the current `main.<table>` relations. Each
 * `agg.<table>` is a view (of one kind always, so that it can be replaced in any order): with
 * stored aggregates and no imports, over the stored table (nothing is read now); otherwise over
 * `agg.computed_<table>`, a table of the rows computed from `main` (the imports' only, beside the
 * stored ones, when both are shown).
 */
export function aggregateSql({ stored, imports }: AggregateLayers): string[] {
  // The report sets of the 一级/status filters (src/queries/filters.ts) were of the old data.
  const statements = [`CREATE SCHEMA IF NOT EXISTS ${AGGREGATE_SCHEMA}`, `DROP SCHEMA IF EXISTS ${SCOPE_SCHEMA} CASCADE`, `CREATE SCHEMA ${SCOPE_SCHEMA}`];
  const computed = aggregateSelects((table) => `main.${table}`);
  const importedOnly = aggregateSelects((table) => `(SELECT * FROM main.${table} WHERE origin = 'imported')`);
  for (const table of AGGREGATE_TABLES) {
    const target = `${AGGREGATE_SCHEMA}.${table}`;
    const rows = `${AGGREGATE_SCHEMA}.computed_${table}`;
    const columns = AGGREGATE_COLUMNS[table].map(quoteIdent).join(', ');
    if (stored && !imports) {
      statements.push(`CREATE OR REPLACE VIEW ${target} AS SELECT ${columns} FROM ${stored.schema}.${table}`, `DROP TABLE IF EXISTS ${rows}`);
    } else {
      statements.push(
        `CREATE OR REPLACE TABLE ${rows} AS ${stored ? importedOnly[table] : computed[table]}`,
        `CREATE OR REPLACE VIEW ${target} AS SELECT ${columns} FROM ${rows}${stored ? ` UNION ALL SELECT ${columns} FROM ${stored.schema}.${table}` : ''}`,
      );
    }
  }
  return statements;
}
