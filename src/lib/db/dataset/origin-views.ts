/**
 * The `main.<table>` relations over the loaded dataset and the imports: `bundled UNION ALL BY
 * NAME imported…` (only the imports after a replacing import), with an `origin` column
 * ('bundled' | 'imported') so views and filters can tell the two apart. Each import is a schema
 * of its own (`imp_<id>`) holding the four contract tables.
 *
 * Over data already in memory (CSV loads) they are materialized as tables: DuckDB plans every
 * query through a view's casts and unions again, which made the overview's queries ~3× slower
 * (bench:app's filter redraws). Over an attached database file they stay views, so a large
 * file is queried in place rather than copied.
 */
import { SCHEMA, SQL_TYPES } from '../../../parser/schema.ts';
import { datasetSelectSql, quoteIdent, TABLE_NAMES, type TableName } from './schema.ts';
import { aggregateSql, type StoredAggregates } from './aggregates.ts';

export type Origin = 'bundled' | 'imported';

/** The dataset loaded at start-up: its schema (or attached catalog) and its columns per table. */
export interface BaseDataset {
  source: string;
  columns: Record<TableName, readonly string[]>;
  /** True when the dataset is in memory (loaded from CSV): main.<table> are then tables. */
  materialize?: boolean;
  /** The per-report aggregates the dataset's file holds (an ingest's `.duckdb`), if any: aggregates.ts. */
  aggregates?: StoredAggregates | null;
}

export interface ImportLayers {
  /** True after a replacing import: the views show the imports only. */
  hideBase: boolean;
  /** Import schemas, oldest first. */
  schemas: readonly string[];
  /** Those of them that show some of their reports in place of earlier ones (a `replaced` table each). */
  replacing?: readonly string[];
}

export const NO_IMPORTS: ImportLayers = { hideBase: false, schemas: [] };

/**
 * Rows of a branch less the reports a later import takes the place of: each replacing import's
 * `replaced` table names them, and hides them in every branch before its own.
 */
function withoutReplaced(select: string, later: readonly string[]): string {
  if (later.length === 0) return select;
  const hidden = later.map((schema) => `SELECT report_id FROM ${schema}.replaced`).join(' UNION ALL ');
  return `SELECT * FROM (${select}) WHERE report_id NOT IN (${hidden})`;
}

/** The typed SELECT of datasetSelectSql (one place casts a dataset's columns), with its origin. */
function baseSelect(table: TableName, base: BaseDataset): string {
  const view = datasetSelectSql(table, base.source, base.columns[table]);
  const origin = base.columns[table].includes('origin') ? `* REPLACE ('bundled' AS origin)` : `*, 'bundled' AS origin`;
  return `SELECT ${origin} FROM (${view})`;
}

/** No rows, but every contract column typed: the views of a data set with nothing in it. */
function emptySelect(table: TableName): string {
  const columns = SCHEMA[table].map((c) => `CAST(NULL AS ${SQL_TYPES[c.type]}) AS ${quoteIdent(c.name)}`);
  return `SELECT ${columns.join(', ')}, 'imported' AS origin WHERE false`;
}

export function originViewSql(table: TableName, base: BaseDataset | null, importLayers: ImportLayers): string {
  const branches: string[] = [];
  const replacing = importLayers.replacing ?? [];
  const laterThan = (index: number) => importLayers.schemas.slice(index + 1).filter((schema) => replacing.includes(schema));
  if (base && !importLayers.hideBase) branches.push(withoutReplaced(baseSelect(table, base), laterThan(-1)));
  importLayers.schemas.forEach((schema, index) =>
    branches.push(withoutReplaced(`SELECT *, 'imported' AS origin FROM ${schema}.${table}`, laterThan(index))));
  if (branches.length === 0) branches.push(emptySelect(table));
  const kind = base?.materialize ? 'TABLE' : 'VIEW';
  return `CREATE OR REPLACE ${kind} main.${table} AS ${branches.join(' UNION ALL BY NAME ')}`;
}

/** The per-report aggregates (aggregates.ts) over the relations originViewSql points at the data. */
export const originAggregatesSql = (base: BaseDataset | null, importLayers: ImportLayers): string[] =>
  aggregateSql({
    stored: base && !importLayers.hideBase ? (base.aggregates ?? null) : null,
    imports: importLayers.schemas.length > 0,
  });

/** The four view statements, in table order, then the aggregates over them. */
export const originViewsSql = (base: BaseDataset | null, importLayers: ImportLayers): string[] =>
  [...TABLE_NAMES.map((table) => originViewSql(table, base, importLayers)), ...originAggregatesSql(base, importLayers)];
