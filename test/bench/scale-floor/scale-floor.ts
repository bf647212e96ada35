/**
 * The floors of bench:scale (issue 18): a bare page that starts DuckDB-WASM (the eh bundle, as
 * published), attaches the database file named by `?db=` by HTTP ranges and answers one GROUP BY
 * over its indicators — floor (a), marked `scale-floor:answered` — then runs the same GROUP BY
 * again, warm, WARM_RUNS times: floor (b), their times in `window.warmRuns`.
 */
import { AsyncDuckDB, DuckDBDataProtocol, VoidLogger } from '@duckdb/duckdb-wasm';
import wasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import workerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';

const WARM_RUNS = 7;
const GROUP_BY = 'SELECT status, count(*) AS n FROM f.indicators GROUP BY status';

const file = new URL(new URLSearchParams(location.search).get('db') ?? '', document.baseURI).href;
const db = new AsyncDuckDB(new VoidLogger(), new Worker(workerUrl));
await db.instantiate(new URL(wasmUrl, document.baseURI).href);
await db.open({ filesystem: { reliableHeadRequests: true, forceFullHTTPReads: false, allowFullHTTPReads: false } });
const connection = await db.connect();
await db.registerFileURL('f.duckdb', file, DuckDBDataProtocol.HTTP, false);
await connection.query("ATTACH 'f.duckdb' AS f (READ_ONLY)");
const first = await connection.query(GROUP_BY);
performance.mark('scale-floor:answered');
const warmRuns: number[] = [];
for (let i = 0; i < WARM_RUNS; i++) {
  const started = performance.now();
  await connection.query(GROUP_BY);
  warmRuns.push(performance.now() - started);
}
Object.assign(window, { warmRuns });
performance.mark('scale-floor:warm');
document.getElementById('out')!.textContent = `${first.numRows} statuses; warm ${warmRuns.map(Math.round).join(', ')} ms`;
