/**
 * Runs one battery of statements in DuckDB-WASM started with its published worker script and
 * with the app's patched copy (src/build/duckdb-worker-patch.ts), and leaves both answers on
 * `window.__answers` for test/e2e/duckdb-worker-patch.test.ts to compare.
 */
import { AsyncDuckDB, VoidLogger } from '@duckdb/duckdb-wasm';
import wasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
// The plugin redirects this exact import to the patched copy …
import patchedUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
// … and leaves the same file imported by its path alone.
import stockUrl from '../../../node_modules/@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { BATTERY } from './battery.ts';

type Answer = { sql: string; rows?: string; error?: string };

const text = (value: unknown) => JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));

async function run(workerUrl: string): Promise<{ script: string; answers: Answer[] }> {
  const db = new AsyncDuckDB(new VoidLogger(), new Worker(workerUrl));
  await db.instantiate(new URL(wasmUrl, document.baseURI).href);
  await db.registerFileText('cities.csv', 'city,budget\n长沙市,120.5\n株洲市,80\n益阳市,\n');
  const connection = await db.connect();
  const answers: Answer[] = [];
  for (const sql of BATTERY) {
    document.getElementById('out')!.textContent = `${workerUrl}: ${sql}`;
    try {
      const table = await connection.query(sql);
      answers.push({ sql, rows: text(table.toArray().map((row) => row.toJSON())) });
    } catch (error) {
      answers.push({ sql, error: (error as Error).message });
    }
  }
  await connection.close();
  await db.terminate();
  return { script: workerUrl, answers };
}

(window as unknown as { __answers: unknown }).__answers = { stock: await run(stockUrl), patched: await run(patchedUrl) };
document.getElementById('out')!.textContent = 'done';
