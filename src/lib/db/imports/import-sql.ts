/**
 * What the import needs of a database: statements, rows, and files it can read. DuckDB-WASM in
 * the page (below) and native DuckDB in the unit tests (test/db/import-helpers.ts) both provide
 * it, so the same import steps are tested without a browser.
 */
import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import type { DuckDbHandle } from '../engine/duckdb-instance.ts';
import { IMPORT_FILES_DIR } from '../engine/engine-lock.ts';
import { toPlainRow } from '../querying/plain-rows.ts';

export interface ImportSql {
  run(sql: string): Promise<void>;
  all<T>(sql: string): Promise<T[]>;
  /** Makes `bytes` readable under a name for read_csv or ATTACH; returns the name to use in SQL. */
  putFile(name: string, bytes: Uint8Array): Promise<string>;
  dropFile(name: string): Promise<void>;
}

/**
 * On a connection of its own, opened on first use: the import's transaction must not take in the
 * views' queries, which run on the shared connection meanwhile (and keep seeing the old data
 * until the import commits). The page keeps one (import-store.ts).
 */
export function wasmImportSql(handle: DuckDbHandle): ImportSql {
  let importConnection: Promise<AsyncDuckDBConnection> | null = null;
  const connection = () => (importConnection ??= handle.db.connect());
  return {
    async run(sql) {
      await (await connection()).query(sql);
    },
    async all<T>(sql: string) {
      const table = await (await connection()).query(sql);
      return table.toArray().map((row: { toJSON(): Record<string, unknown> }) => toPlainRow(row.toJSON()) as T);
    },
    async putFile(name, bytes) {
      // The one folder the locked engine still reads (engine-lock.ts). A copy: DuckDB-WASM takes
      // the buffer over, and the caller may still keep the bytes.
      const path = `${IMPORT_FILES_DIR}${name}`;
      await handle.db.registerFileBuffer(path, bytes.slice());
      return path;
    },
    async dropFile(name) {
      await handle.db.dropFile(name);
    },
  };
}
