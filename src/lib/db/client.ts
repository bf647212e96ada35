/**
 * The app's door to DuckDB: `query(q)` returns plain rows; `useDbStatus()` tells views whether
 * live data is there. The dataset comes from the URL (`?data=`) and is loaded once at start.
 */
import { useSyncExternalStore } from 'react';
import type { Query } from '../../queries/query.ts';
import { toPlainRow } from './plain-rows.ts';
import { resolveDatasetSource, type DatasetSource } from './dataset-source.ts';
import { startDuckDb } from './duckdb-instance.ts';
import { hasStoredImports } from './import-marker.ts';
import { fetchDatasetFiles, loadDataset } from './load-dataset.ts';
import { loadSnapshot } from './snapshot.ts';

export type DbPhase = 'starting' | 'ready' | 'error';

export interface DbStatus {
  phase: DbPhase;
  /** The dataset shown (or being loaded), e.g. `data/`. */
  dataset: string | null;
  /** Whether build-time results may stand in for live ones (bundled dataset only). */
  snapshotUsable: boolean;
  /** Counts dataset loads, so views re-query when the data changes. */
  generation: number;
  error: string | null;
  /** What the user imported on top of the dataset (src/lib/db/import-store.ts), null when nothing. */
  imported: ImportedData | null;
}

export interface ImportedData {
  imports: number;
  reports: number;
  /** True when an import replaced the dataset: the views show imported rows only. */
  replaced: boolean;
}

let status: DbStatus = { phase: 'starting', dataset: null, snapshotUsable: false, generation: 0, error: null, imported: null };
const listeners = new Set<() => void>();

function setStatus(next: Partial<DbStatus>): void {
  status = { ...status, ...next };
  listeners.forEach((listener) => listener());
}

export const getDbStatus = (): DbStatus => status;

export function subscribeDbStatus(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const useDbStatus = (): DbStatus => useSyncExternalStore(subscribeDbStatus, getDbStatus);

/** Starts DuckDB and loads the dataset named by `?data=` (or the bundled one). Call once. */
export async function openDataset(search: string, baseURI: string): Promise<void> {
  let source: DatasetSource;
  try {
    source = resolveDatasetSource(new URLSearchParams(search).get('data'), baseURI);
  } catch (error) {
    setStatus({ phase: 'error', error: (error as Error).message });
    return;
  }
  // Imports kept from an earlier visit: the build-time figures would leave them out.
  const restoring = hasStoredImports();
  setStatus({ phase: 'starting', dataset: source.label, snapshotUsable: source.bundled && !restoring, error: null });
  if (source.bundled) void loadSnapshot(new URL('snapshot.json', source.url).href).then(() => setStatus({}));
  try {
    const files = fetchDatasetFiles(source);
    const handle = await startDuckDb();
    await loadDataset(handle, source, files);
    // Loaded only when something was imported: IndexedDB costs nothing otherwise.
    if (restoring) await import('./import-store.ts').then((store) => store.restoreImports(handle));
    performance.mark('data:loaded');
    setStatus({ phase: 'ready', generation: status.generation + 1 });
  } catch (error) {
    setStatus({ phase: 'error', error: (error as Error).message });
  }
}

/** After an import or a removal: views re-query, and the snapshot no longer stands in. */
export function setImportedData(imported: ImportedData | null): void {
  setStatus({ imported, snapshotUsable: false, generation: status.phase === 'ready' ? status.generation + 1 : status.generation });
}

/** Runs a query with its parameters bound; numbers come back as numbers, never BigInt. */
export async function query<T>(q: Query<T>): Promise<T[]> {
  const { connection } = await startDuckDb();
  try {
    if (q.params.length === 0) return toRows<T>(await connection.query(q.sql));
    const statement = await connection.prepare(q.sql);
    try {
      return toRows<T>(await statement.query(...q.params));
    } finally {
      await statement.close();
    }
  } catch (error) {
    throw new Error(`query ${q.name} failed: ${(error as Error).message}`);
  }
}

function toRows<T>(table: { toArray(): { toJSON(): Record<string, unknown> }[] }): T[] {
  return table.toArray().map((row) => toPlainRow(row.toJSON()) as T);
}
