/**
 * The app's door to DuckDB: `query(q)` returns plain rows; `useDbStatus()` tells views whether
 * live data is there. The dataset comes from the URL (`?data=`) and is loaded once at start.
 */
import { useSyncExternalStore } from 'react';
import type { Query } from '../../queries/query.ts';
import { toPlainRow } from './plain-rows.ts';
import { resolveDatasetSource, type DatasetSource } from './dataset-source.ts';
import { lockedDuckDb, startDuckDb, type DuckDbHandle } from './duckdb-instance.ts';
import { hasStoredImports, setOpenedDataset } from './import-marker.ts';
import { snapshotUrlOf, takeEarlyFiles } from './early-start.ts';
import { fetchDatasetFiles, loadDataset } from './load-dataset.ts';
import { loadSnapshot } from './snapshot.ts';
import { ViewQueryGate, type QueryPriority } from './query-scheduling.ts';

export type DbPhase = 'starting' | 'ready' | 'error';

export interface DbStatus {
  phase: DbPhase;
  /** The dataset shown (or being loaded), e.g. `data/`. */
  dataset: string | null;
  /** Whether build-time results may stand in for live ones (bundled dataset only). */
  snapshotUsable: boolean;
  /** Counts dataset loads, so views re-query when the data changes. */
  generation: number;
  /** What stopped the load (shown with errorIn: a LocalizedError in the reader's language). */
  error: unknown;
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

/**
 * Starts DuckDB and loads the dataset named by `?data=` (or the bundled one). Call once.
 * `firstQueries`, those the opened view runs first, go to the worker right behind the load: the
 * view's `query` calls then find them answered or under way (see sendAhead).
 */
export async function openDataset(search: string, baseURI: string, firstQueries: readonly Query<unknown>[] = []): Promise<void> {
  let source: DatasetSource;
  try {
    source = resolveDatasetSource(new URLSearchParams(search).get('data'), baseURI);
  } catch (error) {
    setStatus({ phase: 'error', error });
    return;
  }
  setOpenedDataset(source.url);
  // Imports kept from an earlier visit: the build-time figures would leave them out.
  const restoring = hasStoredImports();
  setStatus({ phase: 'starting', dataset: source.label, snapshotUsable: source.bundled && !restoring, error: null });
  const snapshot = snapshotUrlOf(source);
  if (snapshot) void loadSnapshot(snapshot).then(() => setStatus({}));
  try {
    // Usually under way since boot.ts (early-start.ts).
    const files = takeEarlyFiles(source) ?? fetchDatasetFiles(source);
    const handle = await startDuckDb();
    // Stored imports would change the rows under them.
    const ahead = restoring ? [] : firstQueries;
    await loadDataset(handle, source, { files, whenQueued: () => sendAhead(handle, ahead) });
    // The dataset is in: from now on DuckDB reads no file, URL or extension but the import's own
    // (engine-lock.ts). Queued behind the first queries, it holds back none of them; the console
    // and the import wait for it, and report it if it fails.
    const locked = lockedDuckDb();
    locked.catch(() => undefined);
    // Loaded only when something was imported: IndexedDB costs nothing otherwise.
    if (restoring) await Promise.all([locked, import('./import-store.ts')]).then(([lockedHandle, store]) => store.restoreImports(lockedHandle));
    forgetPreparedStatements();
    performance.mark('data:loaded');
    setStatus({ phase: 'ready', generation: status.generation + 1 });
  } catch (error) {
    sentAhead.clear();
    setStatus({ phase: 'error', error });
  }
}

type Table = Awaited<ReturnType<DuckDbHandle['connection']['query']>>;

/** Results of queries sent right behind the start-up load, by SQL text; each is taken once. */
const sentAhead = new Map<string, Promise<Table>>();

/**
 * Sends the queries without parameters (one with parameters needs a prepared statement first,
 * and so a round trip) to the worker at once, while the load is queued there: it runs them right
 * after the load, however busy the main thread is drawing meanwhile, which would otherwise hold
 * back each step (load answered, views rendered, queries sent) by its own long tasks.
 */
function sendAhead(handle: DuckDbHandle, queries: readonly Query<unknown>[]): void {
  const parameterless = queries.filter((q) => q.params.length === 0);
  for (const q of parameterless) {
    const result = handle.connection.query(q.sql);
    result.catch(() => undefined); // taken by runQuery, which runs the query again then
    sentAhead.set(q.sql, result);
  }
  if (parameterless.length > 0) performance.mark('data:sent-ahead', { detail: parameterless.map((q) => q.name) });
}

/** After an import or a removal: views re-query, and the snapshot no longer stands in. */
export function setImportedData(imported: ImportedData | null): void {
  sentAhead.clear();
  forgetPreparedStatements();
  setStatus({ imported, snapshotUsable: false, generation: status.phase === 'ready' ? status.generation + 1 : status.generation });
}

type Prepared = Awaited<ReturnType<Awaited<ReturnType<typeof startDuckDb>>['connection']['prepare']>>;

/**
 * Prepared statements by SQL text, kept while the data stays the same: a filter change re-runs
 * the same few queries with other parameters, and preparing each time cost two more round trips
 * to the worker and a parse (~30% of the overview's redraw). The plan is not kept: DuckDB binds
 * and plans a statement with parameters that reads a table again at every execution, by design
 * (PreparedStatement::CanCachePlan), about half of each query's time in the worker on a filter
 * change (Chromium profile). The least recently used is
 * closed beyond PREPARED_LIMIT (a statement's shape depends on which filters are set, and the
 * idle warm-up prepares each view query for each filter and each pair of filters); all are
 * closed when the data changes.
 */
const prepared = new Map<string, Promise<Prepared>>();
const PREPARED_LIMIT = 256;

const close = (statement: Promise<Prepared>) => void statement.then((s) => s.close()).catch(() => undefined);

/** Closes the kept statements: called whenever the tables under them are rebuilt. */
export function forgetPreparedStatements(): void {
  const statements = [...prepared.values()];
  prepared.clear();
  statements.forEach(close);
}

async function preparedFor(sql: string): Promise<Prepared> {
  let statement = prepared.get(sql);
  if (statement) {
    prepared.delete(sql); // to the end: most recently used
  } else {
    statement = startDuckDb().then(({ connection }) => connection.prepare(sql));
    const failed = statement;
    // A statement that failed to prepare is not kept (unless the map has moved on to another).
    failed.catch(() => prepared.get(sql) === failed && prepared.delete(sql));
    const oldest = prepared.size >= PREPARED_LIMIT ? prepared.keys().next().value : undefined;
    if (oldest !== undefined) {
      close(prepared.get(oldest)!);
      prepared.delete(oldest);
    }
  }
  prepared.set(sql, statement);
  return statement;
}

const viewQueries = new ViewQueryGate();

/**
 * Runs a query with its parameters bound; numbers come back as numbers, never BigInt. Each run
 * is a `query:<name>` performance measure (DevTools and bench:app read them). A 'background'
 * query waits until no 'view' query is in flight (query-scheduling.ts).
 */
export async function query<T>(q: Query<T>, priority: QueryPriority = 'view'): Promise<T[]> {
  const done = priority === 'view' ? viewQueries.start() : undefined;
  try {
    if (!done) await viewQueries.idle();
    return await runQuery(q);
  } finally {
    done?.();
  }
}

async function runQuery<T>(q: Query<T>): Promise<T[]> {
  const { connection } = await startDuckDb();
  const started = performance.now();
  try {
    if (q.params.length === 0) {
      const ahead = sentAhead.get(q.sql);
      sentAhead.delete(q.sql);
      // A query sent ahead fails when the load's one call did (the load then went the slower
      // way, after it): it runs again now, over the data loaded.
      const answered = ahead && (await ahead.catch(() => null));
      return toRows<T>(answered ?? (await connection.query(q.sql)));
    }
    return toRows<T>(await (await preparedFor(q.sql)).query(...q.params));
  } catch (error) {
    throw new Error(`query ${q.name} failed: ${(error as Error).message}`);
  } finally {
    performance.measure(`query:${q.name}`, { start: started, end: performance.now() });
  }
}

function toRows<T>(table: { toArray(): { toJSON(): Record<string, unknown> }[] }): T[] {
  return table.toArray().map((row) => toPlainRow(row.toJSON()) as T);
}
