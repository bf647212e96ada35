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
import type { DuckDbHandle } from '../engine/duckdb-instance.ts';
import type { DatasetSource } from './dataset-source.ts';
import { fetchDatasetFiles, type DatasetFiles, type FetchedFile } from './fetch-dataset.ts';
import { fetchDatabase, type DownloadProgress } from './fetch-database.ts';
import { NO_IMPORTS, originAggregatesSql, originViewSql, type BaseDataset, type ImportLayers } from './origin-views.ts';
import { AGGREGATE_COLUMNS, AGGREGATE_SCHEMA, AGGREGATE_TABLES, type StoredAggregates } from './aggregates.ts';
import { TABLE_NAMES, TABLE_COLUMNS, DatasetError, contractColumns, createTableFromCsvSql, csvFileName, csvHeaderLine, missingColumns, parseCsvHeader, quoteIdent, type TableName } from './schema.ts';

/** DuckDB's own message on a file it could not read (it writes English only). */
const unreadable = (file: string, message: string) => new DatasetError(file, 'dataset.unreadable', { reason: message });

async function run(handle: DuckDbHandle, sql: string, file: string): Promise<void> {
  try {
    await handle.connection.query(sql);
  } catch (error) {
    throw unreadable(file, (error as Error).message);
  }
}

async function loadCsvFiles(handle: DuckDbHandle, files: FetchedFile[], name: string, layers: ImportLayers): Promise<BaseDataset> {
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
      await run(handle, originViewSql(table, base, layers), file);
    }
    for (const statement of originAggregatesSql(base, layers)) await run(handle, statement, files[0].file);
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
async function attachDatabase(handle: DuckDbHandle, registered: string, label: string, name: string, materialize: boolean, layers: ImportLayers): Promise<BaseDataset> {
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
    const aggregates = await storedAggregates(handle, name);
    const base: BaseDataset = { source: name, columns: Object.fromEntries(TABLE_NAMES.map((t) => [t, present.get(t)!])) as Record<TableName, string[]>, materialize, aggregates };
    await handle.connection.query('BEGIN TRANSACTION');
    try {
      for (const table of TABLE_NAMES) await run(handle, originViewSql(table, base, layers), label);
      for (const statement of originAggregatesSql(base, layers)) await run(handle, statement, label);
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

/**
 * The aggregates an ingest's `.duckdb` file holds (`agg.*`, src/cli/duckdb-file.ts), when every
 * table is there with exactly the columns of aggregates.ts; null otherwise (an older file, or one
 * from elsewhere): they are then computed from the file's tables.
 */
async function storedAggregates(handle: DuckDbHandle, catalog: string): Promise<StoredAggregates | null> {
  for (const table of AGGREGATE_TABLES) {
    try {
      const empty = await handle.connection.query(`SELECT * FROM ${catalog}.${AGGREGATE_SCHEMA}.${table} LIMIT 0`);
      const names = empty.schema.fields.map((field) => field.name);
      if (names.join(',') !== AGGREGATE_COLUMNS[table].join(',')) return null;
    } catch {
      return null;
    }
  }
  return { schema: `${catalog}.${AGGREGATE_SCHEMA}` };
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
async function attachStartupDatabase(handle: DuckDbHandle, registered: string, name: string, layers: ImportLayers, whenQueued?: () => void): Promise<BaseDataset | null> {
  const columns = Object.fromEntries(TABLE_NAMES.map((table) => [table, contractColumns(table)])) as Record<TableName, string[]>;
  const base: BaseDataset = { source: name, columns, materialize: true };
  const statements = [
    `ATTACH '${registered}' AS ${name} (READ_ONLY)`,
    'BEGIN TRANSACTION',
    ...TABLE_NAMES.map((table) => originViewSql(table, base, layers)),
    ...originAggregatesSql(base, layers),
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

async function loadCsvFolder(handle: DuckDbHandle, source: DatasetSource, name: string, layers: ImportLayers, options: LoadOptions): Promise<{ base: BaseDataset; attached: boolean }> {
  const fetched = await (options.files ?? fetchDatasetFiles(source)!);
  if (fetched.kind === 'csv') return { base: await loadCsvFiles(handle, fetched.files, name, layers), attached: false };
  const registered = `${name}.duckdb`;
  // The attach is sent at once, behind the file: the worker takes its messages in order.
  const registering = handle.db.registerFileBuffer(registered, fetched.database.bytes);
  const quick = attachStartupDatabase(handle, registered, name, layers, options.whenQueued); // null on any failure
  try {
    await registering;
    const base = (await quick) ?? (await attachDatabase(handle, registered, fetched.database.file, name, true, layers));
    return { base, attached: true };
  } catch (error) {
    await handle.db.dropFile(registered).catch(() => undefined);
    throw error;
  }
}

/**
 * A `.duckdb` file named by `?data=`: read in place by HTTP ranges when the server answers them,
 * else downloaded whole with its progress reported (fetch-database.ts).
 */
async function loadDatabaseFile(handle: DuckDbHandle, source: DatasetSource, name: string, layers: ImportLayers, options: LoadOptions): Promise<{ base: BaseDataset; attached: boolean }> {
  const registered = `${name}.duckdb`;
  const file = await fetchDatabase(source.url, source.label, options.onDownload);
  if (file.ranges) await handle.db.registerFileURL(registered, source.url, handle.duckdb.DuckDBDataProtocol.HTTP, false);
  else await handle.db.registerFileBuffer(registered, file.bytes);
  performance.mark(file.ranges ? 'data:ranges' : 'data:downloaded');
  try {
    return { base: await attachDatabase(handle, registered, source.label, name, false, layers), attached: true };
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
  /** The download of a `.duckdb` file from a server without byte ranges, as it goes. */
  onDownload?: (progress: DownloadProgress) => void;
}

/**
 * The dataset under the page's views: which one is loaded, and the imports the views were last
 * built with over it (import-store.ts sets them). One per page (session.ts).
 */
export class DatasetLoader {
  private generation = 0;
  private current: { name: string; attached: boolean; base: BaseDataset } | null = null;
  /** The URL of the dataset the page opened, set before it loads: an import belongs to it (import-store.ts). */
  opened: string | null = null;
  /** The import layers the views were last built with: a new dataset's views are built with them. */
  importLayers: ImportLayers = NO_IMPORTS;

  /** The dataset under the views (null before the first load): imports build their views over it. */
  get base(): BaseDataset | null {
    return this.current?.base ?? null;
  }

  /** Loads `source` and makes it the data every query sees. */
  async load(handle: DuckDbHandle, source: DatasetSource, options: LoadOptions = {}): Promise<void> {
    const name = `ds_${++this.generation}`; // generated, never from input: safe as an identifier
    const { base, attached } = source.kind === 'duckdb-file'
      ? await loadDatabaseFile(handle, source, name, this.importLayers, options)
      : await loadCsvFolder(handle, source, name, this.importLayers, options);
    const previous = this.current;
    this.current = { name, attached, base };
    if (previous) {
      const drop = previous.attached ? `DETACH ${previous.name}` : `DROP SCHEMA ${previous.name} CASCADE`;
      await handle.connection.query(drop).catch(() => undefined); // the views no longer use it
      if (previous.attached) await handle.db.dropFile(`${previous.name}.duckdb`).catch(() => undefined);
    }
  }
}
