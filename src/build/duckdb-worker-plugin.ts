/**
 * Vite plugin: the app's `import … from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url'`
 * gets DuckDB's worker script with the start-up edits of duckdb-worker-patch.ts. The patched copy
 * is written to Vite's cache folder when the config is resolved, and Vite then serves (dev) or
 * emits (build) it like any other `?url` asset. Only that exact import is redirected: a page that
 * imports the script by another path (a test comparing the two) gets DuckDB's own.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { patchDuckDbWorker } from './duckdb-worker-patch.ts';

export const DUCKDB_WORKER_SCRIPT = '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js';

/** Writes the patched worker script into `cacheDir` and returns its path. */
export function writePatchedWorker(root: string, cacheDir: string): string {
  const original = createRequire(join(root, 'package.json')).resolve(DUCKDB_WORKER_SCRIPT);
  const dir = join(cacheDir, 'duckdb-worker');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'duckdb-browser-eh.worker.js');
  // Written aside and renamed: a build or dev server of another process never reads half a file.
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, patchDuckDbWorker(readFileSync(original, 'utf8'), original));
  renameSync(partial, file);
  return file;
}

export function duckDbWorkerPatch(): Plugin {
  let patched = '';
  return {
    name: 'duckdb-worker-patch',
    enforce: 'pre',
    configResolved(config) {
      patched = writePatchedWorker(config.root, config.cacheDir);
    },
    resolveId(source) {
      return source === `${DUCKDB_WORKER_SCRIPT}?url` ? `${patched}?url` : null;
    },
  };
}
