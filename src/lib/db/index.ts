/** The one module that owns DuckDB-WASM. Views import from here, never from @duckdb/duckdb-wasm. */
export { DuckDbSession, pageSession } from './session.ts';
export { DbSessionProvider, useDbSession, useDbStatus } from './session-context.ts';
export type { DbStatus, DbPhase } from './db-status.ts';
export { openDataset } from './startup/open-dataset.ts';
export { useQuery, type QueryState } from './querying/use-query.ts';
export { resolveDatasetSource, type DatasetSource } from './dataset/dataset-source.ts';
