/**
 * The page's one DuckDB: started once, on first use, and locked once the dataset is in. A start
 * that fails is forgotten, so a later call tries again (after a transient fetch failure, say).
 */
import type { DuckDbHandle } from './duckdb-instance.ts';
import { ENGINE_LOCK_SQL } from './engine-lock.ts';

/** Starts DuckDB: duckdb-instance.ts in the page, a stand-in in unit tests. */
export type StartDuckDb = () => Promise<DuckDbHandle>;

export class Engine {
  private started: Promise<DuckDbHandle> | null = null;
  private locked: Promise<DuckDbHandle> | null = null;

  constructor(private readonly instantiate: StartDuckDb) {}

  /** The one database of the page; the worker starts on first call. */
  start(): Promise<DuckDbHandle> {
    this.started ??= this.instantiate().catch((error: unknown) => {
      this.started = null; // a later call may retry
      throw error;
    });
    return this.started;
  }

  /**
   * The database once it reads no file, no URL and no extension and its settings are locked
   * (engine-lock.ts). Whatever runs SQL the app did not write (the console) or reads a user's
   * file (the import) takes DuckDB from here, so it never runs on an open engine. Call it once
   * the dataset is in (open-dataset.ts does): the dataset's own files cannot be read after it.
   */
  lock(): Promise<DuckDbHandle> {
    this.locked ??= this.start().then(async (handle) => {
      await handle.connection.query(ENGINE_LOCK_SQL);
      return handle;
    }).catch((error: unknown) => {
      this.locked = null; // the next caller tries again, and says why it failed
      throw error;
    });
    return this.locked;
  }
}
