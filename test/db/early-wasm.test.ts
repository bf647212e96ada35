/**
 * The DuckDB worker's early wasm start (src/lib/db/engine/early-wasm.ts), in Node with a real (tiny)
 * wasm module: DuckDB's own fetch of the wasm gets a placeholder, its instantiateStreaming gets
 * the module compiled early, other fetches pass through, and a server without the wasm type
 * still works.
 */
import { describe, expect, it, vi } from 'vitest';
import { compileWasm, startEarlyWasm, type WasmScope } from '../../src/lib/db/engine/early-wasm.ts';

// (module (func (export "answer") (result i32) i32.const 42))
const WASM = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7f, 0x03, 0x02, 0x01, 0x00,
  0x07, 0x0a, 0x01, 0x06, 0x61, 0x6e, 0x73, 0x77, 0x65, 0x72, 0x00, 0x00, 0x0a, 0x06, 0x01, 0x04, 0x00, 0x41, 0x2a, 0x0b,
]);
const WASM_URL = 'http://site.test/assets/duckdb-eh.wasm';

function fakeScope(contentType = 'application/wasm', status = 200) {
  const network = vi.fn(async (input: RequestInfo | URL) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url === WASM_URL) return new Response(status === 200 ? WASM : 'missing', { status, headers: { 'Content-Type': contentType } });
    return new Response('other', { headers: { 'Content-Type': 'text/plain' } });
  });
  const wasm = {
    compile: vi.fn((bytes: BufferSource) => WebAssembly.compile(bytes)),
    compileStreaming: vi.fn((source: Response | PromiseLike<Response>) => WebAssembly.compileStreaming(source)),
    instantiate: (module: WebAssembly.Module, imports?: WebAssembly.Imports) => WebAssembly.instantiate(module, imports),
    instantiateStreaming: vi.fn((source: Response | PromiseLike<Response>, imports?: WebAssembly.Imports) => WebAssembly.instantiateStreaming(source, imports)),
  };
  const scope: WasmScope = { fetch: network, WebAssembly: wasm };
  return { scope, network, wasm };
}

const answer = (instance: WebAssembly.Instance) => (instance.exports.answer as () => number)();

describe('startEarlyWasm', () => {
  it('fetches the wasm once, at start, and hands the early compilation to DuckDB', async () => {
    const { scope, network, wasm } = fakeScope();
    const realInstantiateStreaming = wasm.instantiateStreaming;
    const compiled = startEarlyWasm(scope, WASM_URL);
    expect(network).toHaveBeenCalledTimes(1); // before DuckDB asks for anything
    await compiled;

    // What DuckDB-WASM 1.32's worker does: fetch(new Request(url)), then instantiateStreaming.
    const placeholder = await scope.fetch(new Request(WASM_URL));
    expect((await placeholder.arrayBuffer()).byteLength).toBe(0);
    expect(network).toHaveBeenCalledTimes(1);
    const { instance, module } = await scope.WebAssembly.instantiateStreaming(Promise.resolve(placeholder), {});
    expect(answer(instance)).toBe(42);
    expect(module).toBe(await compiled);
    expect(realInstantiateStreaming).not.toHaveBeenCalled();

    // Both hooks are one-shot: later calls reach the real functions.
    expect(scope.fetch).toBe(network);
    await scope.fetch(WASM_URL);
    expect(network).toHaveBeenCalledTimes(2);
    expect(scope.WebAssembly.instantiateStreaming).toBe(realInstantiateStreaming);
  });

  it('lets every other request through untouched', async () => {
    const { scope, network } = fakeScope();
    startEarlyWasm(scope, WASM_URL);
    const response = await scope.fetch('http://site.test/data/reports.csv');
    expect(await response.text()).toBe('other');
    expect(network).toHaveBeenCalledTimes(2);
  });

  it('compiles from a buffer when the server does not send application/wasm', async () => {
    const { scope, wasm } = fakeScope('application/octet-stream');
    const module = await startEarlyWasm(scope, WASM_URL);
    expect(wasm.compileStreaming).not.toHaveBeenCalled();
    expect(wasm.compile).toHaveBeenCalledTimes(1);
    expect(answer(await WebAssembly.instantiate(module))).toBe(42);
  });

  it('fails DuckDB\'s instantiation with the reason when the wasm cannot be fetched', async () => {
    const { scope } = fakeScope('text/plain', 404);
    startEarlyWasm(scope, WASM_URL).catch(() => undefined);
    await expect(scope.WebAssembly.instantiateStreaming(scope.fetch(WASM_URL), {})).rejects.toThrow(`${WASM_URL} could not be fetched (HTTP 404)`);
  });
});

describe('compileWasm', () => {
  it('names the URL when the network fails', async () => {
    const failing = async () => {
      throw new TypeError('Failed to fetch');
    };
    await expect(compileWasm(failing, WebAssembly, WASM_URL)).rejects.toThrow(`${WASM_URL} could not be fetched (Failed to fetch)`);
  });
});
