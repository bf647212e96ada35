/**
 * The loading half of an import: the rows go into a schema of their own (`imp_<id>`), are checked
 * against the data already there, and the `main.<table>` views are rebuilt over them, all in one
 * transaction. The caller's `beforeCommit` (keeping the import in IndexedDB) runs inside it, so a
 * failure anywhere leaves the data exactly as it was. Runs on any ImportSql (DuckDB-WASM, or
 * native DuckDB in the unit tests).
 */
import { SCHEMA } from '../../../parser/schema.ts';
import { ImportFailedError, type ImportProblem } from '../../import/import-problem.ts';
import { ALLOWED_VALUES, listNames, requiredColumns } from '../../import/contract-rows.ts';
import type { ImportSql } from './import-sql.ts';
import type { TableChunk } from '../../import/prepare-import.ts';
import { originViewsSql, type BaseDataset, type ImportLayers } from '../dataset/origin-views.ts';
import { createTableFromCsvSql, insertFromCsvSql, quoteIdent, quoteString, TABLE_NAMES, TABLE_COLUMNS, type TableName } from '../dataset/schema.ts';

export type ImportMode = 'add' | 'replace';

/** One import as the views know it. Its tables live in schema `imp_<id>`. */
export interface ImportLayer {
  id: number;
  mode: ImportMode;
}

export interface ImportPayload {
  /**
   * The four tables as contract CSV (prepare-import.ts), or `staged` when their rows are in the
   * import's schema already (stageImport, a chunk at a time).
   */
  csv?: Record<TableName, string>;
  staged?: boolean;
  /** Database files written by the ingest, copied in as they are. */
  databases: readonly { name: string; bytes: Uint8Array }[];
  /** report_id → file, to name the file in messages. */
  reportFiles: Readonly<Record<string, string>>;
}

export interface CommitOptions {
  /** Check for duplicates and orphans (off when restoring an import checked before). */
  check: boolean;
  /** Runs inside the transaction, after every check: a throw rolls the import back. */
  beforeCommit?: () => Promise<void>;
}

export const schemaOf = (id: number): string => `imp_${Math.trunc(id)}`;

/** A replacing import hides the dataset; it is always the oldest of the layers. */
export const layersOf = (imports: readonly ImportLayer[]): ImportLayers => ({
  hideBase: imports.some((layer) => layer.mode === 'replace'),
  schemas: imports.map((layer) => schemaOf(layer.id)),
});

const MAX_LISTED = 20;

/** An import's schema being filled a chunk at a time, before its transaction (commitImport with `staged`). */
export interface StagedImport {
  append(chunk: TableChunk): Promise<void>;
  /** Takes the schema away again: the import failed, or was given up. */
  drop(): Promise<void>;
}

const CONTRACT_HEADER = Object.fromEntries(TABLE_NAMES.map((table) => [table, SCHEMA[table].map((c) => c.name)])) as Record<TableName, string[]>;

/**
 * Creates import `id`'s schema with its four tables, empty, so that rows go in as they are read
 * and no more than a chunk of them is ever held by the page. The views do not see the schema
 * until commitImport's transaction; drop() takes it away when the import does not get there.
 */
export async function stageImport(sql: ImportSql, id: number): Promise<StagedImport> {
  const schema = schemaOf(id);
  let chunks = 0;
  const load = async (table: TableName, csv: string, make: typeof createTableFromCsvSql) => {
    const file = await sql.putFile(`${schema}_${table}_${chunks++}.csv`, new TextEncoder().encode(csv));
    try {
      await sql.run(make(table, `${schema}.${table}`, file, CONTRACT_HEADER[table], `${table}.csv`));
    } finally {
      await sql.dropFile(file).catch(() => undefined);
    }
  };
  await sql.run(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await sql.run(`CREATE SCHEMA ${schema}`);
  try {
    for (const table of TABLE_NAMES) await load(table, `${CONTRACT_HEADER[table].join(',')}\r\n`, createTableFromCsvSql);
  } catch (error) {
    await sql.run(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
    throw error;
  }
  return {
    append: (chunk) => load(chunk.table, chunk.csv, insertFromCsvSql),
    drop: () => sql.run(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined),
  };
}
const fail = (problems: ImportProblem[]): never => {
  throw new ImportFailedError(problems);
};

/** Adds `layer` over `current` (or in place of it, when replacing); returns the new layers. */
export async function commitImport(sql: ImportSql, base: BaseDataset | null, current: readonly ImportLayer[], layer: ImportLayer,
  payload: ImportPayload, options: CommitOptions): Promise<ImportLayer[]> {
  const next = layer.mode === 'replace' ? [layer] : [...current, layer];
  const schema = schemaOf(layer.id);
  const files: string[] = [];
  const attached: { alias: string; name: string }[] = [];
  try {
    const csvFiles = {} as Record<TableName, string>;
    for (const table of TABLE_NAMES) {
      if (payload.staged) break;
      csvFiles[table] = await sql.putFile(`${schema}_${table}.csv`, new TextEncoder().encode(payload.csv?.[table] ?? `${CONTRACT_HEADER[table].join(',')}\r\n`));
      files.push(csvFiles[table]);
    }
    // ATTACH cannot run inside a transaction: open the database files first.
    for (const [index, database] of payload.databases.entries()) {
      const alias = `${schema}_db${index}`;
      const registered = await sql.putFile(`${alias}.duckdb`, database.bytes);
      files.push(registered);
      await sql.run(`ATTACH ${quoteString(registered)} AS ${alias} (READ_ONLY)`)
        .catch((error: Error) => fail([{ kind: 'message', file: database.name, found: error.message }]));
      attached.push({ alias, name: database.name });
    }
    const databaseColumns = await Promise.all(attached.map(({ alias, name }) => checkDatabase(sql, alias, name)));

    await sql.run('BEGIN TRANSACTION');
    try {
      if (!payload.staged) {
        await sql.run(`CREATE SCHEMA ${schema}`);
        for (const table of TABLE_NAMES) {
          await sql.run(createTableFromCsvSql(table, `${schema}.${table}`, csvFiles[table], CONTRACT_HEADER[table], `${table}.csv`));
        }
      }
      for (const [index, { alias, name }] of attached.entries()) {
        for (const table of TABLE_NAMES) {
          await sql.run(copyTableSql(table, `${alias}.${table}`, `${schema}.${table}`, databaseColumns[index][table]))
            .catch((error: Error) => fail([{ kind: 'message', file: `${name} › ${table}`, found: error.message }]));
        }
      }
      if (options.check) {
        const problems = await findConflicts(sql, schema, layer.mode, payload, attached.map((a) => a.name));
        if (problems.length > 0) fail(problems);
      }
      for (const statement of originViewsSql(base, layersOf(next))) await sql.run(statement);
      if (layer.mode === 'replace') for (const old of current) await sql.run(`DROP SCHEMA ${schemaOf(old.id)} CASCADE`);
      await options.beforeCommit?.();
      await sql.run('COMMIT');
    } catch (error) {
      await sql.run('ROLLBACK').catch(() => undefined);
      throw error;
    }
  } finally {
    for (const { alias } of attached) await sql.run(`DETACH ${alias}`).catch(() => undefined);
    for (const file of files) await sql.dropFile(file).catch(() => undefined);
  }
  return next;
}

/** Removes imports (a replacing one takes every later one with it: they were added on top of it). */
export async function removeImports(sql: ImportSql, base: BaseDataset | null, current: readonly ImportLayer[], ids: readonly number[],
  beforeCommit?: (removed: ImportLayer[]) => Promise<void>): Promise<ImportLayer[]> {
  const removesReplacement = current.some((layer) => ids.includes(layer.id) && layer.mode === 'replace');
  const removed = current.filter((layer) => removesReplacement || ids.includes(layer.id));
  const next = current.filter((layer) => !removed.includes(layer));
  await sql.run('BEGIN TRANSACTION');
  try {
    for (const statement of originViewsSql(base, layersOf(next))) await sql.run(statement);
    for (const layer of removed) await sql.run(`DROP SCHEMA IF EXISTS ${schemaOf(layer.id)} CASCADE`);
    await beforeCommit?.(removed);
    await sql.run('COMMIT');
  } catch (error) {
    await sql.run('ROLLBACK').catch(() => undefined);
    throw error;
  }
  return next;
}

/** `VIEW reports`, `TABLE MACRO other.m`: a catalog object by kind and name (schema when not main). */
const objectName = (kind: string, name: string) => `${kind} || ' ' || CASE WHEN schema_name = 'main' THEN '' ELSE schema_name || '.' END || ${name}`;

/**
 * What an attached database file holds besides the contract's four tables in `main`: views,
 * macros, sequences, types, other tables. A view runs its SQL whenever it is read (one over a
 * macro that calls read_csv('http://…'), say), so a file with any of them is refused before a
 * row of it is read: an import gives tables, never code. Reading the catalog runs nothing.
 * (Indexes and constraints belong to a table and run nothing either.)
 */
async function findNonTables(sql: ImportSql, alias: string): Promise<string[]> {
  const inFile = `database_name = ${quoteString(alias)}`;
  const rows = await sql.all<{ object: string }>(
    `SELECT ${objectName("'VIEW'", 'view_name')} AS object FROM duckdb_views() WHERE ${inFile} AND NOT internal
     UNION ALL SELECT ${objectName("upper(replace(function_type, '_', ' '))", 'function_name')} FROM duckdb_functions() WHERE ${inFile} AND NOT internal
     UNION ALL SELECT ${objectName("'SEQUENCE'", 'sequence_name')} FROM duckdb_sequences() WHERE ${inFile}
     UNION ALL SELECT ${objectName("'TYPE'", 'type_name')} FROM duckdb_types() WHERE ${inFile} AND NOT internal
     UNION ALL SELECT ${objectName("'TABLE'", 'table_name')} FROM duckdb_tables() WHERE ${inFile}
       AND NOT (schema_name = 'main' AND table_name IN (${TABLE_NAMES.map(quoteString).join(', ')}))
     ORDER BY 1`);
  return rows.map((row) => row.object);
}

/**
 * Refuses a database file that holds more than tables (findNonTables); else the contract columns
 * of each of its tables, with problems if any are missing. Runs on restored imports too.
 */
async function checkDatabase(sql: ImportSql, alias: string, file: string): Promise<Record<TableName, string[]>> {
  const others = await findNonTables(sql, alias);
  if (others.length > 0) fail([{ kind: 'notPlainTables', file, found: listNames(others.slice(0, MAX_LISTED)) }]);
  const rows = await sql.all<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns WHERE table_catalog = ${quoteString(alias)}`);
  const present = new Map<string, string[]>();
  for (const row of rows) present.set(row.table_name, [...(present.get(row.table_name) ?? []), row.column_name]);
  const problems: ImportProblem[] = [];
  for (const table of TABLE_NAMES) {
    const names = present.get(table);
    if (!names) problems.push({ kind: 'missingTable', file, found: table });
    else {
      const missing = requiredColumns(table).filter((name) => !names.includes(name));
      if (missing.length > 0) problems.push({ kind: 'missingColumns', file: `${file} › ${table}`, found: listNames(missing), expected: listNames(requiredColumns(table)) });
    }
  }
  if (problems.length > 0) fail(problems);
  return Object.fromEntries(TABLE_NAMES.map((table) => [table, present.get(table)!])) as Record<TableName, string[]>;
}

/** Copies the contract columns a database table has, cast to their contract types. */
function copyTableSql(table: TableName, from: string, to: string, present: readonly string[]): string {
  const { required, optional } = TABLE_COLUMNS[table];
  const columns = Object.entries({ ...required, ...optional })
    .filter(([name]) => present.includes(name))
    .map(([name, type]) => `CAST(${quoteIdent(name)} AS ${type}) AS ${quoteIdent(name)}`);
  return `INSERT INTO ${to} BY NAME SELECT ${columns.join(', ')} FROM ${from}`;
}

/**
 * The checks the worker makes on each row of a CSV file or sheet (contract-rows.ts), made in SQL
 * on the rows of database files: no blank in a required column, no value outside a column's
 * list. A row is named by its table and report (a database has no lines).
 */
async function findBadValues(sql: ImportSql, schema: string, databases: string): Promise<ImportProblem[]> {
  const problems: ImportProblem[] = [];
  const where = (table: TableName, reportId: string | null) => `${databases} › ${table}${reportId != null ? ` › ${reportId}` : ''}`;
  for (const table of TABLE_NAMES) {
    for (const spec of SCHEMA[table]) {
      const column = quoteIdent(spec.name);
      if (spec.required) {
        const blank = await sql.all<{ report_id: string | null }>(
          `SELECT report_id FROM ${schema}.${table} WHERE ${column} IS NULL OR trim(CAST(${column} AS VARCHAR)) = '' ORDER BY 1 NULLS FIRST LIMIT ${MAX_LISTED}`);
        for (const row of blank) problems.push({ kind: 'required', file: where(table, row.report_id), column: spec.name });
      }
      const allowed = ALLOWED_VALUES[table]?.[spec.name];
      if (allowed) {
        const outside = await sql.all<{ report_id: string | null; value: string }>(
          `SELECT report_id, ${column} AS value FROM ${schema}.${table} WHERE ${column} NOT IN (${allowed.map(quoteString).join(', ')}) ORDER BY 1 NULLS FIRST, 2 LIMIT ${MAX_LISTED}`);
        for (const row of outside) problems.push({ kind: 'notAllowed', file: where(table, row.report_id), column: spec.name, found: row.value, expected: allowed.join(' / ') });
      }
    }
  }
  return problems.slice(0, MAX_LISTED);
}

/** Reports twice, rows without their report, reports already in the data (when adding). */
async function findConflicts(sql: ImportSql, schema: string, mode: ImportMode, payload: ImportPayload, databases: string[]): Promise<ImportProblem[]> {
  const fileOf = (id: string) => payload.reportFiles[id] ?? listNames(databases);
  const problems: ImportProblem[] = [];
  const ids = (query: string) => sql.all<{ report_id: string }>(`${query} ORDER BY 1 LIMIT ${MAX_LISTED}`).then((rows) => rows.map((r) => r.report_id));
  const [{ reports }] = await sql.all<{ reports: number }>(`SELECT count(*) AS reports FROM ${schema}.reports`);
  if (reports === 0) return [{ kind: 'noReports', file: '' }];
  if (databases.length > 0) {
    // Files read by the worker were checked there, with lines; database files only now.
    problems.push(...(await findBadValues(sql, schema, listNames(databases))));
    for (const id of await ids(`SELECT report_id FROM ${schema}.reports GROUP BY 1 HAVING count(*) > 1`)) {
      problems.push({ kind: 'duplicateInImport', file: fileOf(id), found: id, expected: listNames(databases) });
    }
    for (const table of TABLE_NAMES.filter((t) => t !== 'reports')) {
      // NOT EXISTS, not NOT IN: one blank report_id among the reports would make NOT IN match nothing.
      const orphans = `SELECT DISTINCT report_id FROM ${schema}.${table} t WHERE report_id IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM ${schema}.reports r WHERE r.report_id = t.report_id)`;
      for (const id of await ids(orphans)) problems.push({ kind: 'orphan', file: `${listNames(databases)} › ${table}`, found: id });
    }
  }
  if (mode === 'add') {
    for (const id of await ids(`SELECT report_id FROM ${schema}.reports WHERE report_id IN (SELECT report_id FROM main.reports)`)) {
      problems.push({ kind: 'duplicateLoaded', file: fileOf(id), found: id });
    }
  }
  return problems;
}
