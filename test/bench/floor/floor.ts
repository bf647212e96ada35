/**
 * The floor of issue 3's speed goals: a bare page that only starts DuckDB-WASM (the same eh
 * bundle the app uses, self-hosted) and answers one query. Marks `floor:answered`.
 */
import { AsyncDuckDB, VoidLogger } from '@duckdb/duckdb-wasm';
import wasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import workerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';

const db = new AsyncDuckDB(new VoidLogger(), new Worker(workerUrl));
await db.instantiate(new URL(wasmUrl, document.baseURI).href);
const connection = await db.connect();
const result = await connection.query('SELECT 42 AS answer');
performance.mark('floor:answered');
document.getElementById('out')!.textContent = `answer ${result.toArray()[0].answer}`;
