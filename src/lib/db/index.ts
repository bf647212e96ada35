/** The one module that owns DuckDB-WASM. Views import from here, never from @duckdb/duckdb-wasm. */
export { DuckDbSession, pageSession } from './session.ts';
export { DbSessionProvider, useDbSession, useDbStatus } from './session-context.ts';
export type { DbStatus, DbPhase } from './db-status.ts';
export { openDataset } from './open-dataset.ts';
export { useQuery, type QueryState } from './use-query.ts';
export { resolveDatasetSource, type DatasetSource } from './dataset-source.ts';
