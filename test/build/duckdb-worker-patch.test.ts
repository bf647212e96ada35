import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createContext, runInContext, Script } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { DUCKDB_WORKER_PATCHES, patchDuckDbWorker } from '../../src/build/duckdb-worker-patch.ts';
import { DUCKDB_WORKER_SCRIPT, duckDbWorkerPatch, stockWorkerRequested, writePatchedWorker } from '../../src/build/duckdb-worker-plugin.ts';
import { checkEarlyWasmAssumption, EARLY_WASM_NEEDS } from '../../src/build/early-wasm-check.ts';

const root = resolve(import.meta.dirname, '../..');
const scriptFile = createRequire(join(root, 'package.json')).resolve(DUCKDB_WORKER_SCRIPT);
const script = readFileSync(scriptFile, 'utf8');

describe('patchDuckDbWorker', () => {
  it('makes each edit to the installed worker script, which still compiles', () => {
    const patched = patchDuckDbWorker(script, scriptFile);
    for (const patch of DUCKDB_WORKER_PATCHES) {
      expect(script.split(patch.find)).toHaveLength(2);
      expect(patched).not.toContain(patch.find);
      expect(patched).toContain(patch.replace);
    }
    expect(patched.length - script.length).toBeLessThan(500); // edits, not a rewrite
    expect(script).toMatch(/sourceMappingURL=/);
    expect(patched).not.toMatch(/sourceMappingURL=/); // the map would point at the wrong columns
    expect(() => new Script(patched, { filename: 'duckdb-browser-eh.worker.js' })).not.toThrow();
  });

  it('stops on a script it was not written for, naming the file and the edit', () => {
    const [first] = DUCKDB_WORKER_PATCHES;
    const changed = script.replace(first.find, first.find.replace('GOT[r]', 'GOT[n]'));
    expect(() => patchDuckDbWorker(changed, 'new-version.js')).toThrow(`new-version.js: the DuckDB-WASM worker patch "${first.name}" matched 0 times instead of once`);
    // …and names the way out: the stock script.
    expect(() => patchDuckDbWorker(changed, 'new-version.js')).toThrow('or build with DUCKDB_STOCK_WORKER=1 to ship DuckDB-WASM\'s own worker script');
    expect(() => patchDuckDbWorker(`${script}\n${first.find}`, 'twice.js')).toThrow(`"${first.name}" matched 2 times`);
  });

  it('gives each JavaScript function its own wrapper of its own signature, compiling one module per signature', () => {
    // The script's table-wrapper helpers, taken out of the stock and the patched script and run here.
    const helpers = (source: string) => {
      const from = source.indexOf('uleb128Encode=');
      const to = source.indexOf(',wasmTable=', from);
      expect(from).toBeGreaterThan(0);
      const context = createContext({ WebAssembly });
      runInContext(`var ${source.slice(from, to)};`, context);
      return context as unknown as { convertJsFunctionToWasm: ((f: (...args: number[]) => unknown, sig: string) => (...args: number[]) => unknown) & { modules?: object } };
    };
    const stock = helpers(script).convertJsFunctionToWasm;
    const patched = helpers(patchDuckDbWorker(script, scriptFile)).convertJsFunctionToWasm;
    const add = (a: number, b: number) => a + b;
    const double = (a: number) => a * 2;
    const ignore = () => 7;
    for (const convert of [stock, patched]) {
      const twice = convert(double, 'ii');
      const plus = convert(add, 'iii');
      const voidOne = convert(ignore, 'vi');
      const alsoOne = convert((a: number) => a + 100, 'ii');
      expect([twice(21), plus(40, 2), voidOne(1), alsoOne(1)]).toEqual([42, 42, undefined, 101]);
      expect([twice.length, plus.length, voidOne.length]).toEqual([1, 2, 1]); // the wasm types' parameters
      expect(twice).not.toBe(alsoOne);
    }
    expect(Object.keys(patched.modules ?? {}).sort()).toEqual(['ii', 'iii', 'vi']); // four wrappers, three modules
    expect(stock.modules).toBeUndefined();
  });

  it('inserts replacements literally (a `$&` in one stays as written)', () => {
    const patched = patchDuckDbWorker('a-b', 'x.js', [{ name: 'dollar', find: '-', replace: '$&$&' }]);
    expect(patched).toBe('a$&$&b');
  });
});

describe('checkEarlyWasmAssumption', () => {
  it('passes the installed script, stock and patched: it fetches the wasm URL and instantiates it streaming', () => {
    expect(() => checkEarlyWasmAssumption(script, scriptFile, 'FLAG')).not.toThrow();
    expect(() => checkEarlyWasmAssumption(patchDuckDbWorker(script, scriptFile), scriptFile, 'FLAG')).not.toThrow();
  });

  it('stops a script that instantiates another way, naming the file, early-wasm.ts, what is missing and the flag', () => {
    const buffered = script.replace(/WebAssembly\.instantiateStreaming\((\w+),(\w+)\)/g, 'WebAssembly.instantiate($1,$2)');
    expect(buffered).not.toBe(script);
    expect(() => checkEarlyWasmAssumption(buffered, 'next.js', 'DUCKDB_STOCK_WORKER')).toThrow(
      /^next\.js: .*src\/lib\/db\/engine\/early-wasm\.ts expects \(not found in instantiateWasm: WebAssembly\.instantiateStreaming\(…\)\).*DUCKDB_STOCK_WORKER=1/);
    const fetchedOtherwise = script.replace('new Request(this.mainModuleURL)', 'new Request(this.mainModuleURL+"?v=2")');
    expect(() => checkEarlyWasmAssumption(fetchedOtherwise, 'next.js', 'F')).toThrow(`not found in instantiateWasm: ${EARLY_WASM_NEEDS[0].what})`);
    expect(() => checkEarlyWasmAssumption('var x=1;', 'empty.js', 'F')).toThrow('not found in instantiateWasm: an instantiateWasm(…) method');
  });
});

describe('duckDbWorkerPatch (Vite plugin)', () => {
  let dir = '';
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('writes the patched copy and redirects only the exact `?url` import to it', () => {
    dir = mkdtempSync(join(tmpdir(), 'duckdb-worker-plugin-'));
    const file = writePatchedWorker(root, dir);
    expect(file).toBe(join(dir, 'duckdb-worker', 'duckdb-browser-eh.worker.js'));
    expect(readFileSync(file, 'utf8')).toBe(patchDuckDbWorker(script, scriptFile));
    expect(readdirSync(join(dir, 'duckdb-worker'))).toEqual(['duckdb-browser-eh.worker.js']); // no partial file left

    const plugin = duckDbWorkerPatch();
    const configResolved = plugin.configResolved as (config: { root: string; cacheDir: string }) => void;
    configResolved({ root, cacheDir: dir });
    const resolveId = plugin.resolveId as (source: string) => string | null;
    expect(resolveId(`${DUCKDB_WORKER_SCRIPT}?url`)).toBe(`${file}?url`);
    expect(resolveId(DUCKDB_WORKER_SCRIPT)).toBeNull();
    expect(resolveId('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url')).toBeNull();
  });

  it('with DUCKDB_STOCK_WORKER=1 leaves DuckDB\'s script alone and tells the page to start the wasm the stock way', () => {
    expect(stockWorkerRequested({ DUCKDB_STOCK_WORKER: '1' })).toBe(true);
    expect(stockWorkerRequested({ DUCKDB_STOCK_WORKER: '0' })).toBe(false);
    expect(stockWorkerRequested({})).toBe(false);
    dir = mkdtempSync(join(tmpdir(), 'duckdb-worker-plugin-'));
    const plugin = duckDbWorkerPatch({ stock: true });
    (plugin.configResolved as (config: { root: string; cacheDir: string }) => void)({ root, cacheDir: dir });
    expect(readdirSync(dir)).toEqual([]); // no patched copy written
    expect((plugin.resolveId as (source: string) => string | null)(`${DUCKDB_WORKER_SCRIPT}?url`)).toBeNull();
    const config = plugin.config as () => { define: Record<string, string> };
    expect(config().define.__DUCKDB_EARLY_WASM__).toBe('false');
    expect((duckDbWorkerPatch({ stock: false }).config as typeof config)().define.__DUCKDB_EARLY_WASM__).toBe('true');
  });
});
