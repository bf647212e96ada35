/**
 * The DuckDB worker's entry (a classic worker): starts the wasm download and compilation
 * (early-wasm.ts), then loads DuckDB-WASM's own worker script, which answers the messages of
 * `AsyncDuckDB` as usual. Both URLs come in the worker's name, from duckdb-instance.ts.
 */
import { startEarlyWasm, type WasmScope } from './early-wasm.ts';

declare const self: WasmScope & { name: string; importScripts(...urls: string[]): void };

export interface DuckDbWorkerUrls {
  /** duckdb-browser-eh.worker.js, absolute. */
  script: string;
  /** duckdb-eh.wasm, absolute: the exact URL later given to `AsyncDuckDB.instantiate`. */
  wasm: string;
}

const urls = JSON.parse(self.name) as DuckDbWorkerUrls;
const compiled = startEarlyWasm(self, urls.wasm);
// A failed compilation would leave DuckDB's instantiation waiting forever: raise it as the
// worker's error event, which duckdb-instance.ts turns into the start-up error.
compiled.catch((error: unknown) => setTimeout(() => {
  throw error;
}));
self.importScripts(urls.script);
