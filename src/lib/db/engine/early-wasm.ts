/**
 * Starts downloading and compiling DuckDB's wasm (~33 MB) the moment its worker starts, instead
 * of after the worker has evaluated DuckDB's 770 kB script and received the `instantiate`
 * message (~350 ms later on a two-core PC, measured with bench:app and a Chromium trace).
 *
 * DuckDB-WASM 1.32 instantiates with `WebAssembly.instantiateStreaming(fetch(wasmUrl))`. In the
 * worker (and only there) `fetch` of that one URL gets an empty placeholder, so nothing is
 * downloaded twice, and `instantiateStreaming` instantiates the module compiled early instead.
 *
 * It also makes start-up survive a server that sends the wasm without `application/wasm`
 * (streaming compilation refuses it): the bytes are then compiled from a buffer.
 */

type Fetch = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

/** The parts of a worker's global scope this module replaces (a test passes its own). */
export interface WasmScope {
  fetch: Fetch;
  WebAssembly: {
    compile(bytes: BufferSource): Promise<WebAssembly.Module>;
    compileStreaming(source: Response | PromiseLike<Response>): Promise<WebAssembly.Module>;
    instantiate(module: WebAssembly.Module, imports?: WebAssembly.Imports): Promise<WebAssembly.Instance>;
    instantiateStreaming(
      source: Response | PromiseLike<Response>,
      imports?: WebAssembly.Imports,
    ): Promise<WebAssembly.WebAssemblyInstantiatedSource>;
  };
}

/** Fetches and compiles `url`: streaming when the server names the type, from a buffer otherwise. */
export async function compileWasm(fetch: Fetch, wasm: WasmScope['WebAssembly'], url: string): Promise<WebAssembly.Module> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin' });
  } catch (error) {
    throw new Error(`${url} could not be fetched (${(error as Error).message})`);
  }
  if (!response.ok) throw new Error(`${url} could not be fetched (HTTP ${response.status})`);
  const type = response.headers.get('content-type')?.split(';')[0].trim().toLowerCase();
  if (type === 'application/wasm') return wasm.compileStreaming(response);
  return wasm.compile(await response.arrayBuffer());
}

const urlOf = (input: RequestInfo | URL): string =>
  typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;

/**
 * Begins compiling `wasmUrl` (absolute) now and hooks `scope` so that the first fetch of that URL
 * and the first `instantiateStreaming` use it. Returns the compilation, for errors.
 */
export function startEarlyWasm(scope: WasmScope, wasmUrl: string): Promise<WebAssembly.Module> {
  const originalFetch = scope.fetch;
  const realFetch = originalFetch.bind(scope);
  const wasm = scope.WebAssembly;
  const originalInstantiateStreaming = wasm.instantiateStreaming;
  const compiled = compileWasm(realFetch, wasm, wasmUrl);
  compiled.catch(() => undefined); // reported by the instantiation that awaits it

  scope.fetch = (input, init) => {
    if (urlOf(input) !== wasmUrl) return realFetch(input, init);
    scope.fetch = originalFetch; // only DuckDB's one fetch is answered with the placeholder
    return Promise.resolve(new Response(new Uint8Array(0), { headers: { 'Content-Type': 'application/wasm' } }));
  };
  wasm.instantiateStreaming = async (source, imports) => {
    wasm.instantiateStreaming = originalInstantiateStreaming;
    Promise.resolve(source).then((placeholder) => placeholder.body?.cancel()).catch(() => undefined); // nothing to read
    const module = await compiled;
    return { module, instance: await wasm.instantiate(module, imports) };
  };
  return compiled;
}
