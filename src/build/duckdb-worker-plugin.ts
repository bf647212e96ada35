/**
 * Vite plugin: the app's `import … from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url'`
 * gets DuckDB's worker script with the start-up edits of duckdb-worker-patch.ts. The patched copy
 * is written to Vite's cache folder when the config is resolved, and Vite then serves (dev) or
 * emits (build) it like any other `?url` asset. Only that exact import is redirected: a page that
 * imports the script by another path (a test comparing the two) gets DuckDB's own. The shipped
 * script is checked to instantiate the wasm as early-wasm.ts expects (early-wasm-check.ts).
 *
 * With DUCKDB_STOCK_WORKER=1 in the environment (the way out when a new DuckDB-WASM's script no
 * longer takes the edits) the build ships DuckDB-WASM's own script untouched, and the worker
 * starts the wasm the stock way too (no early compile): the same results, a slower start.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { checkEarlyWasmAssumption } from './early-wasm-check.ts';
import { patchDuckDbWorker, STOCK_WORKER_FLAG } from './duckdb-worker-patch.ts';

export { STOCK_WORKER_FLAG };

export const DUCKDB_WORKER_SCRIPT = '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js';

/** Whether `env` asks for DuckDB-WASM's own worker script (DUCKDB_STOCK_WORKER=1). */
export const stockWorkerRequested = (env: NodeJS.ProcessEnv = process.env): boolean => env[STOCK_WORKER_FLAG] === '1';

/** Writes the patched worker script into `cacheDir` and returns its path. */
export function writePatchedWorker(root: string, cacheDir: string): string {
  const original = createRequire(join(root, 'package.json')).resolve(DUCKDB_WORKER_SCRIPT);
  const dir = join(cacheDir, 'duckdb-worker');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'duckdb-browser-eh.worker.js');
  const patched = patchDuckDbWorker(readFileSync(original, 'utf8'), original);
  checkEarlyWasmAssumption(patched, original, STOCK_WORKER_FLAG);
  // Written aside and renamed: a build or dev server of another process never reads half a file.
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, patched);
  renameSync(partial, file);
  return file;
}

export function duckDbWorkerPatch({ stock = stockWorkerRequested() }: { stock?: boolean } = {}): Plugin {
  let patched = '';
  return {
    name: 'duckdb-worker-patch',
    enforce: 'pre',
    // Read by duckdb-instance.ts, which tells the worker whether to start the wasm early.
    config: () => ({ define: { __DUCKDB_EARLY_WASM__: JSON.stringify(!stock) } }),
    configResolved(config) {
      if (!stock) patched = writePatchedWorker(config.root, config.cacheDir);
    },
    resolveId(source) {
      return !stock && source === `${DUCKDB_WORKER_SCRIPT}?url` ? `${patched}?url` : null;
    },
  };
}
