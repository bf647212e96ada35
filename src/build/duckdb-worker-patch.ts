/**
 * Edits to DuckDB-WASM's worker script (duckdb-browser-eh.worker.js, version 1.32.0) that
 * cut its start-up by ~350 ms on a two-core PC (bench:app, A/B), with the same results.
 *
 * The script is Emscripten's dynamic-linking runtime around duckdb-eh.wasm, a MAIN_MODULE that
 * exports 75,011 symbols (65,167 functions) so that extensions could link against it. After the
 * instantiation, plain JavaScript walks that export list several times before DuckDB answers
 * anything: ~500 ms of the worker's time, measured with Chromium's sampling profiler, and most of
 * what separates the wasm's compilation from `db:ready`. The edits remove the work that has no
 * effect, and change nothing the engine or an extension would see:
 *
 * - `lazy-got`: `updateGOT` gave every export a Global Offset Table entry (a `WebAssembly.Global`)
 *   and a function-table slot, 75,011 of each. Only 268 are imported by the module (`GOT.func`,
 *   `GOT.mem`); a side module that later needs another gets it from Emscripten's own GOT proxy,
 *   and `reportUndefinedSymbols` fills it in after that module loads, as it already does for any
 *   entry still 0. For the main module's exports only, entries that do not exist are now left for
 *   that path instead of being made up front.
 * - `merge-symbols`: `mergeLibSymbols` copied the exports into `wasmImports` through
 *   `Object.entries` twice (once for `dynCall_` names), allocating 150,000 pairs. One `for…in`
 *   does the same assignments in the same order.
 * - `exports-prototype`: `applySignatureConversions` copied the 75,011 exports with
 *   `Object.assign` to wrap 18 of them. The copy now inherits from the exports instead, and
 *   shadows those 18. The runtime reads `wasmExports` by property name only, which finds the same
 *   values either way.
 * - `wrapper-modules`: a JavaScript function that needs a function-table slot (263 of them at
 *   start, in `reportUndefinedSymbols`) gets a wasm wrapper from `convertJsFunctionToWasm`, which
 *   compiled a new tiny module for each. The module's bytes depend only on the signature, so one
 *   compiled module per signature now serves every function of that signature; each function
 *   still gets its own instance, as before.
 *
 * Each edit must match the script exactly once, or the build stops: a new DuckDB-WASM version
 * needs these edits reviewed against its script, not applied blindly. Until then
 * `DUCKDB_STOCK_WORKER=1 npm run build` ships DuckDB-WASM's own script (duckdb-worker-plugin.ts).
 */

/** The build flag that ships DuckDB-WASM's worker as it comes: no edits, no early wasm start. */
export const STOCK_WORKER_FLAG = 'DUCKDB_STOCK_WORKER';

export interface WorkerPatch {
  readonly name: string;
  readonly find: string;
  readonly replace: string;
}

export const DUCKDB_WORKER_PATCHES: readonly WorkerPatch[] = [
  {
    name: 'lazy-got',
    find: ',GOT[r]||(GOT[r]=new WebAssembly.Global({value:"i32",mutable:!0})),(t||GOT[r].value==0)&&',
    replace: ';if(!GOT[r]){if(updateGOT.lazy)continue;GOT[r]=new WebAssembly.Global({value:"i32",mutable:!0})}(t||GOT[r].value==0)&&',
  },
  {
    name: 'lazy-got (main module only)',
    find: 'wasmExports=relocateExports(wasmExports,1024);',
    replace: 'updateGOT.lazy=!0,wasmExports=relocateExports(wasmExports,1024),updateGOT.lazy=!1;',
  },
  {
    name: 'merge-symbols',
    find: 'mergeLibSymbols=(e,t)=>{registerDynCallSymbols(e);for(var[r,n]of Object.entries(e))(l=>{isSymbolDefined(l)||(wasmImports[l]=n)})(r)}',
    replace: 'mergeLibSymbols=(e,t)=>{for(var r in e){var n=e[r];r.startsWith("dynCall_")&&!Module.hasOwnProperty(r)&&(Module[r]=n),isSymbolDefined(r)||(wasmImports[r]=n)}}',
  },
  {
    name: 'wrapper-modules',
    find: 'var a=new WebAssembly.Module(new Uint8Array(n)),l=',
    replace: 'var m=convertJsFunctionToWasm.modules||(convertJsFunctionToWasm.modules={}),a=m[t]||(m[t]=new WebAssembly.Module(new Uint8Array(n))),l=',
  },
  {
    name: 'exports-prototype',
    find: 'function applySignatureConversions(e){e=Object.assign({},e);',
    replace: 'function applySignatureConversions(e){e=Object.create(e);',
  },
];

/** Applies every patch to `source` (the script `file`); throws when one does not match exactly once. */
export function patchDuckDbWorker(source: string, file: string, patches: readonly WorkerPatch[] = DUCKDB_WORKER_PATCHES): string {
  let patched = source;
  for (const patch of patches) {
    const matches = patched.split(patch.find).length - 1;
    if (matches !== 1) {
      throw new Error(
        `${file}: the DuckDB-WASM worker patch "${patch.name}" matched ${matches} times instead of once. ` +
          'The installed @duckdb/duckdb-wasm is not the version src/build/duckdb-worker-patch.ts was written for: review the patches against its worker script, ' +
          `or build with ${STOCK_WORKER_FLAG}=1 to ship DuckDB-WASM's own worker script (same results, a slower start).`,
      );
    }
    patched = patched.replace(patch.find, () => patch.replace);
  }
  // Its source map no longer matches, and is not served: browsers' tools would report it missing.
  return patched.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
}
