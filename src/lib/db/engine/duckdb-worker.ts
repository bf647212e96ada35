/**
 * The DuckDB worker's entry (a module worker): starts the wasm download and compilation
 * (early-wasm.ts), then loads DuckDB-WASM's own worker script, which answers the messages of
 * `AsyncDuckDB` as usual. Both URLs come in the worker's name, from duckdb-instance.ts. On the
 * way out, a streamed result over its byte limit is replaced by an error (result-budget.ts).
 */
import { startEarlyWasm, type WasmScope } from './early-wasm.ts';
import { ResultBudget } from './result-budget.ts';

declare const self: WasmScope & {
  name: string;
  onmessage: ((event: MessageEvent) => unknown) | null;
  postMessage(message: unknown, transfer: Transferable[]): void;
};

export interface DuckDbWorkerUrls {
  /** duckdb-browser-eh.worker.js, absolute. */
  script: string;
  /** duckdb-eh.wasm, absolute: the exact URL later given to `AsyncDuckDB.instantiate`. */
  wasm: string;
  /** Start the wasm at once (early-wasm.ts); false in a DUCKDB_STOCK_WORKER=1 build. */
  early: boolean;
}

/** Raised as the worker's error event, which duckdb-instance.ts turns into the start-up error. */
const raise = (error: unknown) => setTimeout(() => {
  throw error;
});

const urls = JSON.parse(self.name) as DuckDbWorkerUrls;
// A failed compilation would leave DuckDB's instantiation waiting forever.
if (urls.early) startEarlyWasm(self, urls.wasm).catch(raise);

// DuckDB's script answers through globalThis.postMessage, looked up at each call.
const budget = new ResultBudget();
const post = self.postMessage.bind(self);
self.postMessage = (message, transfer) => {
  const checked = budget.response(message as Parameters<ResultBudget['response']>[0]);
  post(checked, checked === message ? transfer : []);
};

// Messages that arrive while DuckDB's script loads wait here, then reach its handler in order.
const early: MessageEvent[] = [];
self.onmessage = (event) => early.push(event);
try {
  await import(/* @vite-ignore */ urls.script); // a classic script; it sets globalThis.onmessage
  const handler = self.onmessage;
  const dispatch = (event: MessageEvent) => {
    budget.request(event.data);
    return handler?.(event);
  };
  self.onmessage = dispatch;
  for (const event of early.splice(0)) void dispatch(event);
} catch (error) {
  raise(new Error(`${urls.script} could not be loaded (${(error as Error).message})`));
}
