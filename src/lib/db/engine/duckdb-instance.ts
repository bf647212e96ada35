/**
 * Starts DuckDB-WASM from bundles this site serves itself (no CDN). Only the
 * exception-handling (eh) build ships: every browser the dashboard targets supports wasm
 * exceptions, and it starts ~20% faster than mvp and runs GROUP BY ~3.7× faster. The worker
 * script imported here is served with start-up edits (src/build/duckdb-worker-patch.ts, applied by
 * the Vite plugin in duckdb-worker-plugin.ts): ~300 ms less JavaScript before `db:ready`.
 */
import type { AsyncDuckDB, AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import ehWasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorkerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import type { DuckDbWorkerUrls } from './duckdb-worker.ts';
import { LocalizedError } from '../../localized-error.ts';

/**
 * False in a build with DUCKDB_STOCK_WORKER=1 (src/build/duckdb-worker-plugin.ts defines it):
 * DuckDB then starts its wasm the stock way, without early-wasm.ts.
 */
declare const __DUCKDB_EARLY_WASM__: boolean | undefined;

export interface DuckDbHandle {
  db: AsyncDuckDB;
  connection: AsyncDuckDBConnection;
  duckdb: typeof import('@duckdb/duckdb-wasm');
}

/** Starts DuckDB-WASM's worker and opens a connection: the page's Engine (engine.ts) calls it once. */
export async function instantiateDuckDb(): Promise<DuckDbHandle> {
  // Absolute URLs: the worker resolves relative ones against its own script in assets/.
  const urls: DuckDbWorkerUrls = {
    script: new URL(ehWorkerUrl, document.baseURI).href,
    wasm: new URL(ehWasmUrl, document.baseURI).href,
    early: typeof __DUCKDB_EARLY_WASM__ === 'undefined' || __DUCKDB_EARLY_WASM__,
  };
  // The worker first: it starts downloading and compiling the wasm at once (duckdb-worker.ts)
  // while the main thread fetches DuckDB's JS, loaded on demand so the first paint does not
  // wait for it (or Arrow).
  const worker = new Worker(new URL('./duckdb-worker.ts', import.meta.url), { type: 'module', name: JSON.stringify(urls) });
  // DuckDB's AsyncDuckDB logs a worker error and forgets the request: it would never settle.
  const failed = new Promise<never>((_resolve, reject) => {
    worker.addEventListener('error', (event) => reject(new Error(event.message || 'the DuckDB worker failed')), { once: true });
  });
  failed.catch(() => undefined);
  try {
    const duckdb = await import('@duckdb/duckdb-wasm');
    const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
    await Promise.race([db.instantiate(urls.wasm), failed]);
    // A database file named by `?data=` is read by HTTP ranges (fetch-database.ts checks first
    // that its server answers them): DuckDB-WASM's default reads a registered URL whole.
    await db.open({ filesystem: { reliableHeadRequests: true, forceFullHTTPReads: false, allowFullHTTPReads: false } });
    const connection = await db.connect();
    performance.mark('db:ready');
    return { db, connection, duckdb };
  } catch (error) {
    worker.terminate();
    const reason = (error as Error).message;
    throw new LocalizedError('engine.startFailed', { reason });
  }
}
