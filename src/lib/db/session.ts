/**
 * The one owner of the page's DuckDB: its engine, the dataset under the views, the status views
 * follow, the query machinery (prepared statements, answers sent ahead, the view/background
 * gate), the build snapshot, and the imports and console once used. Everything src/lib/db keeps
 * between calls lives here, so a unit test gets a fresh page with `new DuckDbSession({ … })`.
 * The page makes one (`pageSession()`), which boot.ts, main.tsx and the views (through
 * session-context.ts) share.
 */
import type { Query } from '../../queries/query.ts';
import { INITIAL_DB_STATUS, type DbStatus, type ImportedData } from './db-status.ts';
import type { ConsoleRunner } from './console/console-query.ts';
import { instantiateDuckDb } from './engine/duckdb-instance.ts';
import type { EarlyDownloads } from './startup/early-start.ts';
import { Engine, type StartDuckDb } from './engine/engine.ts';
import type { ImportBook } from './imports/import-book.ts';
import type { ImportStorage } from './imports/import-idb.ts';
import { DatasetLoader } from './dataset/load-dataset.ts';
import type { QueryPriority } from './querying/query-scheduling.ts';
import { QueryRunner } from './querying/query-runner.ts';
import { SnapshotStore } from './dataset/snapshot.ts';
import { Store } from './store.ts';

export interface SessionOptions {
  /** Starts DuckDB (default: DuckDB-WASM's worker, duckdb-instance.ts). */
  instantiate?: StartDuckDb;
  /** Where imports are kept between visits (default: IndexedDB, import-idb.ts). */
  importStorage?: ImportStorage;
}

export class DuckDbSession {
  readonly engine: Engine;
  readonly status = new Store<DbStatus>(INITIAL_DB_STATUS);
  readonly dataset = new DatasetLoader();
  readonly snapshot = new SnapshotStore();
  readonly queries: QueryRunner;
  readonly importStorage: ImportStorage | undefined;
  /** Downloads startEarly began (early-start.ts), until openDataset takes them. */
  early: EarlyDownloads | null = null;
  /** Whether the idle warm-up has started (warm-up.ts): once per page. */
  warmUpStarted = false;
  /** The imports (import-book.ts), set up on first use: their code loads only then. */
  imports: ImportBook | null = null;
  /** The SQL console's runner (console-query.ts), set up on its first query. */
  console: ConsoleRunner | null = null;

  constructor({ instantiate = instantiateDuckDb, importStorage }: SessionOptions = {}) {
    this.engine = new Engine(instantiate);
    this.queries = new QueryRunner(this.engine);
    this.importStorage = importStorage;
  }

  /** Runs a query with its parameters bound (query-runner.ts). */
  query<T>(q: Query<T>, priority: QueryPriority = 'view'): Promise<T[]> {
    return this.queries.query(q, priority);
  }

  /** After an import or a removal: views re-query, and the snapshot no longer stands in. */
  importedDataChanged(imported: ImportedData | null): void {
    this.queries.sentAhead.clear();
    this.queries.prepared.forget();
    const { phase, generation } = this.status.get();
    this.status.set({ imported, snapshotUsable: false, generation: phase === 'ready' ? generation + 1 : generation });
  }
}

/** The page's session: the only state of src/lib/db outside a DuckDbSession is this reference. */
let page: DuckDbSession | null = null;

export const pageSession = (): DuckDbSession => (page ??= new DuckDbSession());
