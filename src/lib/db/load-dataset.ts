/**
 * Loads a dataset into a fresh schema (CSV) or catalog (attached database file), then points the
 * `main.<table>` views at it in one transaction. A load that fails leaves the views, and so the
 * data the page shows, exactly as they were. The views also carry the imports (origin-views.ts),
 * which stay in place when the dataset under them changes.
 */
import type { DuckDbHandle } from './duckdb-instance.ts';
import type { DatasetSource } from './dataset-source.ts';
import { getImportLayers, originViewSql, type BaseDataset } from './origin-views.ts';
import { TABLE_NAMES, DatasetError, createTableFromCsvSql, csvFileName, missingColumns, parseCsvHeader, type TableName } from './schema.ts';

let generation = 0;
let current: { name: string; kind: DatasetSource['kind']; base: BaseDataset } | null = null;

/** The dataset under the views (null before the first load): imports build their views over it. */
export const getBaseDataset = (): BaseDataset | null => current?.base ?? null;

async function fetchCsv(source: DatasetSource, table: TableName): Promise<{ file: string; bytes: Uint8Array }> {
  const file = `${source.label}${source.label.endsWith('/') ? '' : '/'}${csvFileName(table)}`;
  let response: Response;
  try {
    response = await fetch(new URL(csvFileName(table), source.url));
  } catch (error) {
    throw new DatasetError(file, `could not be fetched (${(error as Error).message})`);
  }
  if (!response.ok) throw new DatasetError(file, `could not be fetched (HTTP ${response.status})`);
  return { file, bytes: new Uint8Array(await response.arrayBuffer()) };
}

export type DatasetFiles = Promise<{ file: string; bytes: Uint8Array }[]>;

/**
 * Starts fetching a CSV dataset's four files. Called before DuckDB has started, so that the
 * download runs alongside the engine's own (wasm) download instead of after it.
 */
export function fetchDatasetFiles(source: DatasetSource): DatasetFiles | undefined {
  if (source.kind === 'duckdb-file') return undefined;
  const files = Promise.all(TABLE_NAMES.map((table) => fetchCsv(source, table)));
  files.catch(() => undefined); // awaited (and its error reported) by loadDataset
  return files;
}

async function run(handle: DuckDbHandle, sql: string, file: string): Promise<void> {
  try {
    await handle.connection.query(sql);
  } catch (error) {
    throw new DatasetError(file, (error as Error).message);
  }
}

async function loadCsvFolder(handle: DuckDbHandle, source: DatasetSource, name: string, prefetched?: DatasetFiles): Promise<BaseDataset> {
  const base: BaseDataset = { source: name, columns: {} as Record<TableName, string[]>, materialize: true };
  const files = await (prefetched ?? fetchDatasetFiles(source)!);
  const decoder = new TextDecoder();
  await handle.connection.query('BEGIN TRANSACTION');
  try {
    await handle.connection.query(`CREATE SCHEMA ${name}`);
    for (const [index, table] of TABLE_NAMES.entries()) {
      const { file, bytes } = files[index];
      const header = parseCsvHeader(decoder.decode(bytes.subarray(0, 64 * 1024)).split('\n')[0]);
      const registered = `${name}_${csvFileName(table)}`;
      await handle.db.registerFileBuffer(registered, bytes);
      await run(handle, createTableFromCsvSql(table, `${name}.${table}`, registered, header, file), file);
      base.columns[table] = header;
      await run(handle, originViewSql(table, base, getImportLayers()), file);
    }
    await handle.connection.query('COMMIT');
    return base;
  } catch (error) {
    await handle.connection.query('ROLLBACK');
    throw error;
  }
}

async function loadDatabaseFile(handle: DuckDbHandle, source: DatasetSource, name: string): Promise<BaseDataset> {
  const registered = `${name}.duckdb`;
  await handle.db.registerFileURL(registered, source.url, handle.duckdb.DuckDBDataProtocol.HTTP, false);
  await run(handle, `ATTACH '${registered}' AS ${name} (READ_ONLY)`, source.label);
  try {
    const columns = await handle.connection.query(
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_catalog = '${name}'`,
    );
    const present = new Map<string, string[]>();
    for (const row of columns.toArray() as { table_name: string; column_name: string }[]) {
      present.set(row.table_name, [...(present.get(row.table_name) ?? []), row.column_name]);
    }
    for (const table of TABLE_NAMES) {
      const names = present.get(table);
      if (!names) throw new DatasetError(source.label, `has no table ${table}`);
      const missing = missingColumns(table, names);
      if (missing.length > 0) throw new DatasetError(source.label, `table ${table} lacks column(s) ${missing.join(', ')}`);
    }
    const base: BaseDataset = { source: name, columns: Object.fromEntries(TABLE_NAMES.map((t) => [t, present.get(t)!])) as Record<TableName, string[]> };
    await handle.connection.query('BEGIN TRANSACTION');
    try {
      for (const table of TABLE_NAMES) await run(handle, originViewSql(table, base, getImportLayers()), source.label);
      await handle.connection.query('COMMIT');
      return base;
    } catch (error) {
      await handle.connection.query('ROLLBACK');
      throw error;
    }
  } catch (error) {
    await handle.connection.query(`DETACH ${name}`).catch(() => undefined);
    throw error;
  }
}

/** Loads `source` (its files perhaps already on their way) and makes it the data every query sees. */
export async function loadDataset(handle: DuckDbHandle, source: DatasetSource, prefetched?: DatasetFiles): Promise<void> {
  const name = `ds_${++generation}`; // generated, never from input: safe as an identifier
  const base = source.kind === 'duckdb-file' ? await loadDatabaseFile(handle, source, name) : await loadCsvFolder(handle, source, name, prefetched);
  const previous = current;
  current = { name, kind: source.kind, base };
  if (previous) {
    const drop = previous.kind === 'duckdb-file' ? `DETACH ${previous.name}` : `DROP SCHEMA ${previous.name} CASCADE`;
    await handle.connection.query(drop).catch(() => undefined); // the views no longer use it
  }
}
