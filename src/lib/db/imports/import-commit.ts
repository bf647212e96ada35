/**
 * The loading half of an import: the rows go into a schema of their own (`imp_<id>`), are checked
 * against the data already there, and the `main.<table>` views are rebuilt over them, all in one
 * transaction. The caller's `beforeCommit` (keeping the import in IndexedDB) runs inside it, so a
 * failure anywhere leaves the data exactly as it was. Runs on any ImportSql (DuckDB-WASM, or
 * native DuckDB in the unit tests).
 */
import { SCHEMA } from '../../../parser/schema.ts';
import { ImportFailedError, type ImportProblem } from '../../import/import-problem.ts';
import { ALLOWED_VALUES, knownColumns, listNames, requiredColumns } from '../../import/contract-rows.ts';
import type { ImportSql } from './import-sql.ts';
import { normalizedSql } from '../../../queries/normalized-text.ts';
import type { TableChunk } from '../../import/prepare-import.ts';
import { AGGREGATE_SCHEMA, AGGREGATE_TABLES } from '../dataset/aggregates.ts';
import { originViewsSql, type BaseDataset, type ImportLayers } from '../dataset/origin-views.ts';
import { createTableFromCsvSql, insertFromCsvSql, quoteIdent, quoteString, TABLE_NAMES, TABLE_COLUMNS, type TableName } from '../dataset/schema.ts';

export type ImportMode = 'add' | 'replace';

/** One import as the views know it. Its tables live in schema `imp_<id>`. */
export interface ImportLayer {
  id: number;
  mode: ImportMode;
  /** It takes the place of reports already there (its schema's `replaced` table names them). */
  replaces?: boolean;
}

/**
 * What an adding import does with its reports that are already in the data — the same report_id,
 * the same content (the report's figures and its indicator table, whatever its file and id), or
 * the same year, city, fund, project and department: refuse the import and say so (the default),
 * leave them out, or show them in place of the reports already there.
 */
export type SameReports = 'refuse' | 'skip' | 'replace';

/** Reports an import left out, and reports of the data it took the place of. */
export interface SameReportsOutcome {
  skipped: string[];
  replaced: string[];
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
  /** Of a kept import: its own reports it left out, and the reports of the data it replaced. */
  skips?: readonly string[];
  replaces?: readonly string[];
}

export interface CommitOptions {
  /** What to do with reports already in the data (checked imports only): see SameReports. */
  same?: SameReports;
  /** Told, before beforeCommit, which reports were left out or replaced. */
  onSame?: (outcome: SameReportsOutcome) => void;
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
  replacing: imports.filter((layer) => layer.replaces).map((layer) => schemaOf(layer.id)),
});

const MAX_LISTED = 20;

/** An import's schema being filled a chunk at a time, before its transaction (commitImport with `staged`). */
export interface StagedImport {
  append(chunk: TableChunk): Promise<void>;
  /** Takes the schema away again: the import failed, or was given up. */
  drop(): Promise<void>;
}


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
      await sql.run(make(table, `${schema}.${table}`, file, knownColumns(table), `${table}.csv`));
    } finally {
      await sql.dropFile(file).catch(() => undefined);
    }
  };
  await sql.run(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await sql.run(`CREATE SCHEMA ${schema}`);
  try {
    for (const table of TABLE_NAMES) await load(table, `${knownColumns(table).join(',')}\r\n`, createTableFromCsvSql);
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
  let next = layer.mode === 'replace' ? [layer] : [...current, layer];
  const schema = schemaOf(layer.id);
  const files: string[] = [];
  const attached: { alias: string; name: string }[] = [];
  try {
    const csvFiles = {} as Record<TableName, string>;
    for (const table of TABLE_NAMES) {
      if (payload.staged) break;
      csvFiles[table] = await sql.putFile(`${schema}_${table}.csv`, new TextEncoder().encode(payload.csv?.[table] ?? `${knownColumns(table).join(',')}\r\n`));
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
          await sql.run(createTableFromCsvSql(table, `${schema}.${table}`, csvFiles[table], knownColumns(table), `${table}.csv`));
        }
      }
      for (const [index, { alias, name }] of attached.entries()) {
        for (const table of TABLE_NAMES) {
          await sql.run(copyTableSql(table, `${alias}.${table}`, `${schema}.${table}`, databaseColumns[index][table]))
            .catch((error: Error) => fail([{ kind: 'message', file: `${name} › ${table}`, found: error.message }]));
        }
      }
      if (payload.skips?.length) await dropReports(sql, schema, payload.skips);
      if (payload.replaces?.length) await keepReplaced(sql, schema, payload.replaces);
      if (options.check) {
        const problems = await findConflicts(sql, schema, payload, attached.map((a) => a.name));
        if (problems.length > 0) fail(problems);
        const fileOf = fileNamer(payload, attached.map((a) => a.name));
        await refuseTwiceInImport(sql, schema, fileOf);
        if (layer.mode === 'add') {
          const outcome = await settleSameReports(sql, schema, fileOf, options.same ?? 'refuse');
          options.onSame?.(outcome);
        }
      }
      if (payload.replaces?.length || (await hasReplaced(sql, schema))) {
        const marked = { ...layer, replaces: true };
        next = next.map((l) => (l === layer ? marked : l));
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
 * (Indexes and constraints belong to a table and run nothing either.) The per-report aggregates
 * an ingest's file stores (`agg.*`, aggregates.ts) are tables too: they are not read, the
 * import's own are computed from its rows.
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
       AND NOT (schema_name = '${AGGREGATE_SCHEMA}' AND table_name IN (${AGGREGATE_TABLES.map(quoteString).join(', ')}))
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

/** Reports twice, rows without their report (reports already in the data: settleSameReports). */
/** The file a report of the import came from: its report file, or the database files. */
const fileNamer = (payload: ImportPayload, databases: string[]) => (id: string): string => payload.reportFiles[id] ?? listNames(databases);

async function findConflicts(sql: ImportSql, schema: string, payload: ImportPayload, databases: string[]): Promise<ImportProblem[]> {
  const fileOf = fileNamer(payload, databases);
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
  return problems;
}

/** Whether import `schema` has a `replaced` table (reports of the data it shows in their place). */
async function hasReplaced(sql: ImportSql, schema: string): Promise<boolean> {
  const rows = await sql.all<{ n: number }>(
    `SELECT count(*)::INTEGER AS n FROM information_schema.tables WHERE table_schema = ${quoteString(schema)} AND table_name = 'replaced'`);
  return rows[0].n > 0;
}

const idList = (ids: readonly string[]) => ids.map(quoteString).join(', ');

/** Takes `ids`' rows out of every table of import `schema`. */
async function dropReports(sql: ImportSql, schema: string, ids: readonly string[]): Promise<void> {
  for (const table of TABLE_NAMES) await sql.run(`DELETE FROM ${schema}.${table} WHERE report_id IN (${idList(ids)})`);
}

/** Names, in import `schema`, the reports of the data it shows in their place (origin-views.ts hides them). */
async function keepReplaced(sql: ImportSql, schema: string, ids: readonly string[]): Promise<void> {
  await sql.run(`CREATE TABLE ${schema}.replaced AS SELECT DISTINCT report_id FROM (VALUES ${ids.map((id) => `(${quoteString(id)})`).join(', ')}) v(report_id)`);
}

/** Year, city, fund, project and department, when the report names at least the first four. */
const identitySql = (r: string) =>
  `CASE WHEN ${r}.year IS NOT NULL AND ${normalizedSql(`${r}.city`)} <> '' AND ${normalizedSql(`${r}.fund`)} <> '' AND ${normalizedSql(`${r}.project`)} <> ''
    THEN concat_ws('|', ${r}.year, ${normalizedSql(`${r}.city`)}, ${normalizedSql(`${r}.fund`)}, ${normalizedSql(`${r}.project`)}, ${normalizedSql(`${r}.department`)}) END`;

/**
 * A report's content as a hash: its figures and its indicator table, not its id, file or format
 * (the same report read from a .docx and from its text has the same content).
 */
const contentSql = (source: string, where: string) => `
  SELECT r.report_id, md5(concat_ws('|', r.year, r.province, r.city, r.fund, r.project, r.department, r.implementer,
    r.goal_target, r.goal_actual, r.budget_initial, r.budget_adjusted, r.executed, r.total_score, coalesce(i.rows, ''))) AS content
  FROM ${source}.reports r
  LEFT JOIN (SELECT report_id, string_agg(concat_ws('~', level1, level2, level3, target_text, actual_text, weight, score), '^' ORDER BY seq) AS rows
    FROM ${source}.indicators WHERE report_id IN (SELECT report_id FROM ${source}.reports r WHERE ${where}) GROUP BY report_id) i USING (report_id)
  WHERE ${where}`;

/**
 * The reports of import `schema` that are already in the data (main.*), each with the report it
 * matches and how: the same id, else the same content, else the same project (identitySql). Only
 * reports of the data with the year, city and fund of an imported one are hashed.
 */
const sameReportsSql = (schema: string) => `
  WITH n AS (SELECT report_id, year, city, fund, ${identitySql('r')} AS identity FROM ${schema}.reports r),
  o AS (SELECT report_id, year, city, fund, ${identitySql('r')} AS identity FROM main.reports r),
  nc AS (${contentSql(schema, 'TRUE')}),
  oc AS (${contentSql('main', `EXISTS (SELECT 1 FROM ${schema}.reports x WHERE x.year IS NOT DISTINCT FROM r.year AND x.city IS NOT DISTINCT FROM r.city AND x.fund IS NOT DISTINCT FROM r.fund)`)}),
  matches AS (
    SELECT n.report_id AS new_id, o.report_id AS old_id, 1 AS rank FROM n JOIN o ON n.report_id = o.report_id
    UNION ALL SELECT nc.report_id, oc.report_id, 2 FROM nc JOIN oc ON nc.content = oc.content
    UNION ALL SELECT n.report_id, o.report_id, 3 FROM n JOIN o ON n.identity = o.identity)
  SELECT new_id, arg_min(old_id, rank) AS old_id, min(rank) AS rank FROM matches GROUP BY new_id ORDER BY new_id`;

/**
 * The same within the import: a report twice under two ids (two files of one report). Each group
 * of equal content (or project) keeps its smallest id; the others are its repeats — a window over
 * the group, not a self-join, which would pair every two of a thousand copies.
 */
const sameInImportSql = (schema: string) => `
  WITH n AS (SELECT report_id, ${identitySql('r')} AS identity FROM ${schema}.reports r),
  nc AS (${contentSql(schema, 'TRUE')}),
  matches AS (
    SELECT report_id AS new_id, min(report_id) OVER (PARTITION BY content) AS old_id, 2 AS rank FROM nc
    UNION ALL SELECT report_id, min(report_id) OVER (PARTITION BY identity), 3 FROM n WHERE identity IS NOT NULL)
  SELECT new_id, arg_min(old_id, rank) AS old_id, min(rank) AS rank FROM matches WHERE new_id <> old_id GROUP BY new_id ORDER BY new_id`;

const SAME_KIND = { 1: 'duplicateLoaded', 2: 'sameContentLoaded', 3: 'sameProjectLoaded' } as const;
const SAME_IN_IMPORT_KIND = { 2: 'sameContentInImport', 3: 'sameProjectInImport' } as const;

/** A report twice within the import under two ids (sameInImportSql) is refused, whatever the choice below. */
async function refuseTwiceInImport(sql: ImportSql, schema: string, fileOf: (id: string) => string): Promise<void> {
  const twice = await sql.all<{ new_id: string; old_id: string; rank: 2 | 3 }>(sameInImportSql(schema));
  if (twice.length > 0) {
    fail(twice.slice(0, MAX_LISTED).map((m) => ({ kind: SAME_IN_IMPORT_KIND[m.rank], file: fileOf(m.new_id), found: m.new_id, expected: m.old_id })));
  }
}

/**
 * Reports of an adding import that the data already has (sameReportsSql): refused with a problem
 * each (`refuse`), taken out of the import (`skip`), or kept and the others hidden (`replace`).
 */
async function settleSameReports(sql: ImportSql, schema: string, fileOf: (id: string) => string, choice: SameReports): Promise<SameReportsOutcome> {
  const same = await sql.all<{ new_id: string; old_id: string; rank: 1 | 2 | 3 }>(sameReportsSql(schema));
  if (same.length === 0) return { skipped: [], replaced: [] };
  if (choice === 'refuse') {
    const problems: ImportProblem[] = same.slice(0, MAX_LISTED).map((m) => ({ kind: SAME_KIND[m.rank], file: fileOf(m.new_id), found: m.new_id, expected: m.old_id }));
    if (same.length > MAX_LISTED) problems.push({ kind: 'more', file: '', count: same.length - MAX_LISTED });
    fail(problems);
  }
  if (choice === 'skip') {
    const skipped = same.map((m) => m.new_id);
    await dropReports(sql, schema, skipped);
    const [{ n }] = await sql.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${schema}.reports`);
    if (n === 0) fail([{ kind: 'noReports', file: '' }]);
    return { skipped, replaced: [] };
  }
  // Replaced by id too: the new report then shows instead of the one of the same id.
  const replaced = [...new Set(same.map((m) => m.old_id))];
  await keepReplaced(sql, schema, replaced);
  return { skipped: [], replaced };
}
