/**
 * Loads a dataset into a fresh schema (CSV) or catalog (attached database file), then points the
 * `main.<table>` views at it in one transaction. A load that fails leaves the views, and so the
 * data the page shows, exactly as they were. The views also carry the imports (origin-views.ts),
 * which stay in place when the dataset under them changes.
 *
 * The bundled dataset is read from `data/dataset.duckdb`, the build's copy of its CSVs in
 * DuckDB's format: attaching it takes about half the time of parsing the CSVs at start-up
 * (bench:app). Without that file (a dev setup, a hand-made dist/) the CSVs are read.
 */
import type { DuckDbHandle } from './duckdb-instance.ts';
import type { DatasetSource } from './dataset-source.ts';
import { getImportLayers, originViewSql, type BaseDataset } from './origin-views.ts';
import { TABLE_NAMES, TABLE_COLUMNS, DatasetError, STARTUP_DATABASE_FILE, contractColumns, createTableFromCsvSql, csvFileName, csvHeaderLine, missingColumns, parseCsvHeader, quoteIdent, type TableName } from './schema.ts';

let generation = 0;
let current: { name: string; attached: boolean; base: BaseDataset } | null = null;

/** The dataset under the views (null before the first load): imports build their views over it. */
export const getBaseDataset = (): BaseDataset | null => current?.base ?? null;

async function fetchCsv(source: DatasetSource, table: TableName): Promise<{ file: string; bytes: Uint8Array }> {
  const file = `${source.label}${source.label.endsWith('/') ? '' : '/'}${csvFileName(table)}`;
  let response: Response;
  try {
    response = await fetch(new URL(csvFileName(table), source.url));
  } catch (error) {
    throw new DatasetError(file, 'dataset.notFetched', { reason: (error as Error).message });
  }
  if (!response.ok) throw new DatasetError(file, 'dataset.notFetched', { reason: `HTTP ${response.status}` });
  return { file, bytes: new Uint8Array(await response.arrayBuffer()) };
}

/**
 * The four CSVs. When some cannot be fetched, the error names the first of them in contract order
 * (not whichever answer came first) and lists the others, so that one message says what is missing.
 */
async function fetchAllCsv(source: DatasetSource): Promise<FetchedFile[]> {
  const settled = await Promise.allSettled(TABLE_NAMES.map((table) => fetchCsv(source, table)));
  const failed = TABLE_NAMES.flatMap((table, i) => {
    const result = settled[i];
    return result.status === 'rejected' ? [{ table, error: result.reason as unknown }] : [];
  });
  if (failed.length === 0) return settled.map((result) => (result as PromiseFulfilledResult<FetchedFile>).value);
  const [{ error: first }, ...others] = failed;
  if (others.length === 0 || !(first instanceof DatasetError) || !others.every(({ error }) => error instanceof DatasetError)) throw first;
  throw new DatasetError(first.file, 'dataset.notFetched', { reason: first.params.reason, others: others.map(({ table }) => csvFileName(table)) });
}

interface FetchedFile {
  file: string;
  bytes: Uint8Array;
}

/** What a CSV folder's load starts from: the build's database of the CSVs, or the CSVs. */
type FetchedDataset = { kind: 'database'; database: FetchedFile } | { kind: 'csv'; files: FetchedFile[] };

export type DatasetFiles = Promise<FetchedDataset>;

/** A DuckDB database file: `DUCK` at byte 8 of its first block. */
const isDuckDbFile = (bytes: Uint8Array): boolean => bytes.length >= 12 && String.fromCharCode(...bytes.subarray(8, 12)) === 'DUCK';

/**
 * The bundled dataset's `dataset.duckdb`, or null when the folder has none (the CSVs are read
 * then): a 404, or a page a host sends for any unknown path (a single-page-app fallback).
 */
async function fetchStartupDatabase(source: DatasetSource): Promise<FetchedFile | null> {
  try {
    const response = await fetch(new URL(STARTUP_DATABASE_FILE, source.url));
    if (!response.ok) return null;
    const bytes = new Uint8Array(await response.arrayBuffer());
    return isDuckDbFile(bytes) ? { file: `${source.label}${STARTUP_DATABASE_FILE}`, bytes } : null;
  } catch {
    return null; // the CSVs' own fetch reports what is wrong with the network
  }
}

/**
 * Starts fetching a CSV dataset (its start-up database or its four files). Called before DuckDB
 * has started, so that the download runs alongside the engine's own (wasm) download.
 */
export function fetchDatasetFiles(source: DatasetSource): DatasetFiles | undefined {
  if (source.kind === 'duckdb-file') return undefined;
  const csv = async (): Promise<FetchedDataset> => ({ kind: 'csv', files: await fetchAllCsv(source) });
  const fetched = source.bundled
    ? fetchStartupDatabase(source).then((database) => (database ? { kind: 'database' as const, database } : csv()))
    : csv();
  fetched.catch(() => undefined); // awaited (and its error reported) by loadDataset
  return fetched;
}

/** DuckDB's own message on a file it could not read (it writes English only). */
const unreadable = (file: string, message: string) => new DatasetError(file, 'dataset.unreadable', { reason: message });

async function run(handle: DuckDbHandle, sql: string, file: string): Promise<void> {
  try {
    await handle.connection.query(sql);
  } catch (error) {
    throw unreadable(file, (error as Error).message);
  }
}

async function loadCsvFiles(handle: DuckDbHandle, files: FetchedFile[], name: string): Promise<BaseDataset> {
  const base: BaseDataset = { source: name, columns: {} as Record<TableName, string[]>, materialize: true };
  const decoder = new TextDecoder();
  await handle.connection.query('BEGIN TRANSACTION');
  try {
    await handle.connection.query(`CREATE SCHEMA ${name}`);
    for (const [index, table] of TABLE_NAMES.entries()) {
      const { file, bytes } = files[index];
      const header = parseCsvHeader(csvHeaderLine(decoder.decode(bytes.subarray(0, 64 * 1024))));
      const registered = `${name}_${csvFileName(table)}`;
      await handle.db.registerFileBuffer(registered, bytes);
      try {
        await run(handle, createTableFromCsvSql(table, `${name}.${table}`, registered, header, file), file);
      } finally {
        await handle.db.dropFile(registered); // the table holds the data now
      }
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

/**
 * Attaches the database registered as `registered` (as catalog `name`), checks it has the
 * contract's tables and columns, and points the main relations at it: tables copied into
 * memory when `materialize`, views that read the file in place otherwise.
 */
async function attachDatabase(handle: DuckDbHandle, registered: string, label: string, name: string, materialize: boolean): Promise<BaseDataset> {
  await run(handle, `ATTACH '${registered}' AS ${name} (READ_ONLY)`, label);
  try {
    // Each table's columns from an empty result's schema: information_schema.columns,
    // duckdb_columns() and duckdb_tables() cost 120–250 ms at start-up (cold), this ~20 ms.
    const present = new Map<string, string[]>();
    for (const table of TABLE_NAMES) {
      let empty;
      try {
        empty = await handle.connection.query(`SELECT * FROM ${name}.main.${table} LIMIT 0`);
      } catch (error) {
        const message = (error as Error).message;
        if (/does not exist/i.test(message)) throw new DatasetError(label, 'dataset.noTable', { table });
        throw unreadable(label, message);
      }
      present.set(table, empty.schema.fields.map((field) => field.name));
      const missing = missingColumns(table, present.get(table)!);
      if (missing.length > 0) throw new DatasetError(label, 'dataset.tableLacksColumns', { table, columns: missing });
      for (const field of empty.schema.fields) await checkColumnValues(handle, label, `${name}.main.${table}`, table, field.name, String(field.type));
    }
    const base: BaseDataset = { source: name, columns: Object.fromEntries(TABLE_NAMES.map((t) => [t, present.get(t)!])) as Record<TableName, string[]>, materialize };
    await handle.connection.query('BEGIN TRANSACTION');
    try {
      for (const table of TABLE_NAMES) await run(handle, originViewSql(table, base, getImportLayers()), label);
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

/** The Arrow type DuckDB gives a column of each contract type: a column of another type is checked. */
const ARROW_TYPES: Record<string, RegExp> = { INTEGER: /^Int32$/, DOUBLE: /^Float64$/, VARCHAR: /^(Large)?Utf8$/ };

/**
 * A contract column stored with another type than the contract's (text where a number belongs,
 * say) is cast by the views; a value the cast cannot take would fail every query later, with no
 * file or row in DuckDB's message. Such a column's values are tried now: the first that does not
 * fit is named, with its table, column and report.
 */
async function checkColumnValues(handle: DuckDbHandle, label: string, relation: string, table: TableName, column: string, arrowType: string): Promise<void> {
  const { required, optional } = TABLE_COLUMNS[table];
  const type = required[column] ?? optional[column];
  if (!type || ARROW_TYPES[type]?.test(arrowType)) return;
  const col = quoteIdent(column);
  let row: { n: number; example: string | null; report: string | null } | undefined;
  try {
    const result = await handle.connection.query(
      `SELECT count(*)::INTEGER AS n, CAST(first(${col}) AS VARCHAR) AS example, CAST(first(report_id) AS VARCHAR) AS report
       FROM ${relation} WHERE ${col} IS NOT NULL AND TRY_CAST(${col} AS ${type}) IS NULL`);
    row = result.toArray()[0]?.toJSON() as typeof row;
  } catch (error) {
    throw unreadable(label, (error as Error).message);
  }
  if (!row || row.n === 0) return;
  throw new DatasetError(label, 'dataset.badValues', { table, column, count: row.n, type, example: row.example, report: row.report });
}

/**
 * The build's start-up database in one call to the worker: attach it, copy its tables into the
 * main ones and commit, without first asking it for its columns (the build writes every contract
 * column: src/build/node-db.ts). The round trips and the four probes of attachDatabase cost
 * ~50 ms of the start (bench:app). Returns null when that call fails for any reason (a file
 * from an older build or put together by hand, no database at all): nothing of it is kept, a
 * `data:checked` mark says so, and attachDatabase then checks the file table by table and says
 * what is wrong.
 */
async function attachStartupDatabase(handle: DuckDbHandle, registered: string, name: string, whenQueued?: () => void): Promise<BaseDataset | null> {
  const columns = Object.fromEntries(TABLE_NAMES.map((table) => [table, contractColumns(table)])) as Record<TableName, string[]>;
  const base: BaseDataset = { source: name, columns, materialize: true };
  const statements = [
    `ATTACH '${registered}' AS ${name} (READ_ONLY)`,
    'BEGIN TRANSACTION',
    ...TABLE_NAMES.map((table) => originViewSql(table, base, getImportLayers())),
    'COMMIT',
  ];
  try {
    const loaded = handle.connection.query(statements.join(';\n'));
    whenQueued?.();
    await loaded;
    return base;
  } catch {
    await handle.connection.query('ROLLBACK').catch(() => undefined); // none may be open
    await handle.connection.query(`DETACH DATABASE IF EXISTS ${name}`).catch(() => undefined);
    performance.mark('data:checked'); // the slower path: e2e tests hold the build's own file to the fast one
    return null;
  }
}

async function loadCsvFolder(handle: DuckDbHandle, source: DatasetSource, name: string, options: LoadOptions): Promise<{ base: BaseDataset; attached: boolean }> {
  const fetched = await (options.files ?? fetchDatasetFiles(source)!);
  if (fetched.kind === 'csv') return { base: await loadCsvFiles(handle, fetched.files, name), attached: false };
  const registered = `${name}.duckdb`;
  // The attach is sent at once, behind the file: the worker takes its messages in order.
  const registering = handle.db.registerFileBuffer(registered, fetched.database.bytes);
  const quick = attachStartupDatabase(handle, registered, name, options.whenQueued); // null on any failure
  try {
    await registering;
    const base = (await quick) ?? (await attachDatabase(handle, registered, fetched.database.file, name, true));
    return { base, attached: true };
  } catch (error) {
    await handle.db.dropFile(registered).catch(() => undefined);
    throw error;
  }
}

async function loadDatabaseFile(handle: DuckDbHandle, source: DatasetSource, name: string): Promise<{ base: BaseDataset; attached: boolean }> {
  const registered = `${name}.duckdb`;
  await handle.db.registerFileURL(registered, source.url, handle.duckdb.DuckDBDataProtocol.HTTP, false);
  try {
    return { base: await attachDatabase(handle, registered, source.label, name, false), attached: true };
  } catch (error) {
    await handle.db.dropFile(registered).catch(() => undefined);
    throw error;
  }
}

export interface LoadOptions {
  /** The dataset's files, when their download has already started (early-start.ts). */
  files?: DatasetFiles;
  /**
   * Called once the build database's one call is queued in the worker (that path only): queries
   * sent then run right behind the load, without waiting for a round trip through the page,
   * whose main thread may be busy drawing. If that call fails they fail too; then the load goes
   * on the slower way and this is not called again.
   */
  whenQueued?: () => void;
}

/** Loads `source` and makes it the data every query sees. */
export async function loadDataset(handle: DuckDbHandle, source: DatasetSource, options: LoadOptions = {}): Promise<void> {
  const name = `ds_${++generation}`; // generated, never from input: safe as an identifier
  const { base, attached } = source.kind === 'duckdb-file' ? await loadDatabaseFile(handle, source, name) : await loadCsvFolder(handle, source, name, options);
  const previous = current;
  current = { name, attached, base };
  if (previous) {
    const drop = previous.attached ? `DETACH ${previous.name}` : `DROP SCHEMA ${previous.name} CASCADE`;
    await handle.connection.query(drop).catch(() => undefined); // the views no longer use it
    if (previous.attached) await handle.db.dropFile(`${previous.name}.duckdb`).catch(() => undefined);
  }
}
