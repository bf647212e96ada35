/** The one module that owns DuckDB-WASM. Views import from here, never from @duckdb/duckdb-wasm. */
export { openDataset, query, useDbStatus, getDbStatus, type DbStatus, type DbPhase } from './client.ts';
export { useQuery, type QueryState } from './use-query.ts';
export { resolveDatasetSource, type DatasetSource } from './dataset-source.ts';
