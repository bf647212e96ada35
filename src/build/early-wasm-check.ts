/**
 * What src/lib/db/engine/early-wasm.ts relies on, checked in the worker script the build ships:
 * DuckDB-WASM (1.32) instantiates its wasm in `instantiateWasm` with
 * `fetch(new Request(this.mainModuleURL))` and `WebAssembly.instantiateStreaming(…)`. The early
 * start answers exactly that fetch with a placeholder and that call with the module it compiled
 * the moment the worker started. A DuckDB-WASM that instantiates another way would download the
 * wasm a second time and compile it twice (the page still works, seconds slower): the build stops
 * instead and says so.
 */

/** The parts of DuckDB's `instantiateWasm` that early-wasm.ts hooks. */
export const EARLY_WASM_NEEDS: readonly { what: string; pattern: RegExp }[] = [
  { what: 'fetch(new Request(this.mainModuleURL))', pattern: /new Request\(this\.mainModuleURL\),\w+=await fetch\(\w+\)/ },
  { what: 'WebAssembly.instantiateStreaming(…)', pattern: /WebAssembly\.instantiateStreaming\(\w+,\w+\)/ },
];

/** How far into `instantiateWasm` its fetch and instantiation are looked for. */
const METHOD_LENGTH = 2_500;

/** Throws, naming `file`, early-wasm.ts and the way out, when `source` does not instantiate as early-wasm.ts expects. */
export function checkEarlyWasmAssumption(source: string, file: string, stockFlag: string): void {
  const start = source.search(/instantiateWasm\(\w+,\w+\)\{/);
  const method = start < 0 ? '' : source.slice(start, start + METHOD_LENGTH);
  const missing = start < 0 ? ['an instantiateWasm(…) method'] : EARLY_WASM_NEEDS.filter((need) => !need.pattern.test(method)).map((need) => need.what);
  if (missing.length === 0) return;
  throw new Error(
    `${file}: DuckDB-WASM's worker no longer instantiates its wasm the way src/lib/db/engine/early-wasm.ts expects ` +
      `(not found in instantiateWasm: ${missing.join(', ')}). Review early-wasm.ts against this script, ` +
      `or build with ${stockFlag}=1 to ship DuckDB-WASM's own worker script without the early wasm start.`,
  );
}
