/**
 * The SQL console's locks: the guard (one read-only statement, judged by a scanner that agrees
 * with DuckDB's own lexer), the row-limited subquery, and the transaction that is always rolled
 * back. Run against native DuckDB loaded with the bundled data, as the app loads it.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_DATA_DIR } from '../../src/build/data-dir.ts';
import { openNodeDb, type NodeDb } from '../../src/build/node-db.ts';
import { ConsoleRejection, runGuardedSql, type ConsoleSession } from '../../src/queries/console-run.ts';
import { errorPlace, guardConsoleSql, limitedSql, scanSql, tokensShowSeveralStatements } from '../../src/queries/console-sql.ts';
import { openWasmDb } from './helpers.ts';

/** Rows of a bundled CSV, counted independently of DuckDB. */
const csvRows = (table: string): number =>
  Papa.parse(readFileSync(join(BUNDLED_DATA_DIR, `${table}.csv`), 'utf8'), { header: true, skipEmptyLines: true }).data.length;

const rejected = (sql: string) => {
  const result = guardConsoleSql(sql);
  return result.ok ? null : result.error;
};

describe('guardConsoleSql: statement kinds', () => {
  const refused = [
    'INSERT INTO reports SELECT * FROM reports', 'UPDATE reports SET total_score = 0', 'DELETE FROM findings',
    'CREATE TABLE x AS SELECT 1', 'CREATE OR REPLACE VIEW reports AS SELECT 1', 'DROP TABLE reports', 'DROP VIEW main.reports',
    'ALTER TABLE reports ADD COLUMN x INT', 'DETACH ds_1', 'SET threads = 1',
    "PRAGMA database_size", 'CALL pragma_version()', 'CHECKPOINT', 'BEGIN TRANSACTION', 'BEGIN', 'COMMIT', 'ROLLBACK',
    'USE ds_1', 'TRUNCATE reports', 'VACUUM', 'ANALYZE', 'RESET threads', 'DETACH DATABASE ds_1', 'CREATE SCHEMA s',
    'INSERT OR REPLACE INTO reports VALUES (1)', 'MERGE INTO reports USING findings ON true WHEN MATCHED THEN DELETE',
    'PREPARE p AS SELECT 1', 'EXECUTE p', 'DEALLOCATE p', 'CREATE MACRO m() AS 1', 'CREATE SECRET (TYPE s3)',
    'UPDATE EXTENSIONS', 'FORCE CHECKPOINT', 'ABORT', 'END',
  ];
  for (const sql of refused) {
    it(`refuses ${sql.split(' ')[0]} (${sql.slice(0, 30)})`, () => {
      const error = rejected(sql);
      expect(error?.code).toBe('notAllowed');
      expect(error && 'keyword' in error ? error.keyword : '').toBe(sql.split(' ')[0].toUpperCase());
    });
  }

  // A first word that begins no statement is a typo, not a change of data: where it is, and what it may mean.
  it('calls a mistyped first word a syntax error at its place, with the statement it may mean', () => {
    expect(rejected('SELEC city FROM reports')).toEqual({ code: 'syntax', keyword: 'SELEC', line: 1, column: 1, suggestion: 'SELECT' });
    expect(rejected('-- cities\n  slect city\nFROM reports')).toEqual({ code: 'syntax', keyword: 'slect', line: 2, column: 3, suggestion: 'SELECT' });
    expect(rejected('WTIH x AS (SELECT 1) SELECT * FROM x')).toMatchObject({ code: 'syntax', suggestion: 'WITH' });
    expect(rejected('hello world')).toMatchObject({ code: 'syntax', keyword: 'hello', suggestion: null });
    expect(rejected('DELET FROM findings')).toMatchObject({ code: 'syntax', keyword: 'DELET', suggestion: null }); // not offered SELECT
  });

  // Statements that reach files or the network are named as such (the engine refuses them too: engine-lock.test.ts).
  const offline: [string, string][] = [
    ["ATTACH 'x.db' AS x", 'ATTACH'], ["COPY reports TO 'out.csv'", 'COPY'], ["EXPORT DATABASE 'dir'", 'EXPORT'],
    ["IMPORT DATABASE 'dir'", 'IMPORT'], ['INSTALL httpfs', 'INSTALL'], ['LOAD httpfs', 'LOAD'], ['force install httpfs', 'FORCE INSTALL'],
  ];
  for (const [sql, keyword] of offline) {
    it(`refuses ${keyword} as reaching files or the network`, () => {
      expect(rejected(sql)).toEqual({ code: 'offline', keyword });
    });
  }

  const accepted: [string, string][] = [
    ['SELECT * FROM reports', 'SELECT'], ['select 1', 'SELECT'], ['  \n\tSELECT 1;', 'SELECT'],
    ['WITH x AS (SELECT 1) SELECT * FROM x', 'WITH'], ['FROM reports', 'FROM'], ['VALUES (1), (2)', 'VALUES'],
    ['TABLE reports', 'TABLE'], ['DESCRIBE reports', 'DESCRIBE'], ['SHOW TABLES', 'SHOW'], ['SUMMARIZE indicators', 'SUMMARIZE'],
    ['EXPLAIN SELECT 1', 'EXPLAIN'], ['EXPLAIN ANALYZE SELECT 1', 'EXPLAIN'], ['PIVOT indicators ON status USING count(*)', 'PIVOT'],
    ['UNPIVOT reports ON budget_initial, executed INTO NAME k VALUE v', 'UNPIVOT'], ['(SELECT 1) UNION (SELECT 2)', 'SELECT'],
    ['-- a comment first\nSELECT 1', 'SELECT'], ['/* lead */ SELECT 1', 'SELECT'], ['SELECT 1; -- trailing', 'SELECT'],
  ];
  for (const [sql, keyword] of accepted) {
    it(`accepts ${JSON.stringify(sql)}`, () => {
      const result = guardConsoleSql(sql);
      expect(result.ok && result.keyword).toBe(keyword);
    });
  }

  it('refuses EXPLAIN of a statement that changes data (EXPLAIN ANALYZE would run it)', () => {
    expect(rejected('EXPLAIN ANALYZE DELETE FROM reports')).toEqual({ code: 'notAllowed', keyword: 'EXPLAIN DELETE' });
    expect(rejected('EXPLAIN (FORMAT json) DROP TABLE reports')).toEqual({ code: 'notAllowed', keyword: 'EXPLAIN DROP' });
    expect(rejected('EXPLAIN EXPLAIN SELECT 1')?.code).toBe('notAllowed');
  });

  it('says when there is nothing to run', () => {
    for (const sql of ['', '   ', ';', ' ; ;', '-- only a comment', '/* only */']) expect(rejected(sql)).toEqual({ code: 'empty' });
  });
});

describe('guardConsoleSql: strings, comments and several statements', () => {
  it('ignores semicolons and keywords inside strings, identifiers and comments', () => {
    const single = [
      "SELECT ';' AS semi", "SELECT 'DROP TABLE reports; --' AS x", 'SELECT 1 AS "a;b"', "SELECT 'it''s; fine'",
      "SELECT E'a\\';b'", 'SELECT $$a;b$$', 'SELECT $tag$ ; DROP $tag$', 'SELECT 1 /* ; DROP TABLE x; */',
      'SELECT 1 /* nested /* ; */ still comment ; */', 'SELECT 1 -- ; DROP TABLE reports',
    ];
    for (const sql of single) expect(guardConsoleSql(sql).ok, sql).toBe(true);
  });

  it('counts the statements of several', () => {
    expect(rejected('SELECT 1; SELECT 2')).toEqual({ code: 'multiple', count: 2 });
    expect(rejected('SELECT 1; DROP TABLE reports')).toEqual({ code: 'multiple', count: 2 });
    expect(rejected("SELECT ';'; DELETE FROM findings; SELECT 3")).toEqual({ code: 'multiple', count: 3 });
  });

  it('finds a DROP hidden after a comment or a string', () => {
    expect(rejected('-- harmless\nDROP TABLE reports')).toEqual({ code: 'notAllowed', keyword: 'DROP' });
    expect(rejected('/* SELECT */ DROP TABLE reports')).toEqual({ code: 'notAllowed', keyword: 'DROP' });
    expect(rejected('SELECT 1 -- comment ends here\n; DROP TABLE reports')).toEqual({ code: 'multiple', count: 2 });
    // Without E, a backslash escapes nothing: the string ends at \' and DROP is a statement.
    expect(rejected("SELECT 'a\\'; DROP TABLE reports; --'")).toEqual({ code: 'multiple', count: 2 });
    expect(rejected('SELECT 1 /* a */; /* b */ DROP TABLE reports')).toEqual({ code: 'multiple', count: 2 });
  });

  it('refuses unterminated strings, identifiers and comments', () => {
    for (const sql of ["SELECT 'abc", 'SELECT "abc', 'SELECT 1 /* open', 'SELECT $$abc', 'SELECT 1 /* /* */']) {
      expect(rejected(sql), sql).toEqual({ code: 'unterminated' });
    }
  });

  it('blanks comments, keeping the length and line breaks', () => {
    const text = "SELECT 1 -- x;\n/* y; */ ';'";
    const scan = scanSql(text);
    expect(scan.code).toHaveLength(text.length);
    expect(scan.code).toBe(`SELECT 1 ${' '.repeat('-- x;'.length)}\n${' '.repeat('/* y; */'.length)} ';'`);
    expect(scan.semicolons).toEqual([]);
  });
});

describe('guardConsoleSql agrees with DuckDB on the number of statements', () => {
  let instance: DuckDBInstance;
  let connection: DuckDBConnection;
  beforeAll(async () => {
    instance = await DuckDBInstance.create(':memory:');
    connection = await instance.connect();
  });
  afterAll(() => {
    connection?.closeSync();
    instance?.closeSync();
  });

  const corpus = [
    'SELECT 1', 'SELECT 1; SELECT 2', "SELECT ';'", "SELECT 'a''b;'; SELECT 2", "SELECT E'a\\';b'", "SELECT 'a\\'; SELECT 2",
    'SELECT $$;$$', 'SELECT $x$ ; $x$; SELECT 2', 'SELECT "a;b" FROM (SELECT 1 AS "a;b")', 'SELECT 1 /* ; */',
    'SELECT 1 /* /* ; */ ; */; SELECT 2', 'SELECT 1 -- ;\n; SELECT 2', 'SELECT 1;;', "SELECT 'x' -- '\n; SELECT 2",
    'SELECT 1 AS e; SELECT 2', "SELECT e'\\\\'; SELECT 2", "SELECT 'é;'", 'SELECT 1 AS "x""; y"',
  ];
  for (const sql of corpus) {
    it(JSON.stringify(sql), async () => {
      const duckdbCount = (await connection.extractStatements(sql)).count;
      const result = guardConsoleSql(sql);
      const ours = result.ok ? 1 : result.error.code === 'multiple' ? result.error.count : 0;
      expect(ours).toBe(duckdbCount);
    });
  }
});

describe('DuckDB-WASM’s own lexer as the second lock', () => {
  // The same lexer the browser asks (db.tokenize), from duckdb-wasm's blocking Node build.
  let tokenize: (text: string) => { offsets: number[]; types: number[] };
  beforeAll(async () => {
    const db = await openWasmDb();
    tokenize = (text) => db.tokenize(text) as { offsets: number[]; types: number[] };
  });

  it('sees a second statement, and none in strings, comments or after a last semicolon', () => {
    const several = ['SELECT 1; DROP TABLE x', "SELECT E'a\\';b'; SELECT 2", 'SELECT 1;;SELECT 2'];
    const one = ["SELECT ';'", 'SELECT 1; -- done', 'SELECT 1 /* ; DROP */', 'SELECT $$;$$', 'SELECT 1;', 'SELECT 1;;'];
    for (const sql of several) expect(tokensShowSeveralStatements(sql, tokenize(sql)), sql).toBe(true);
    for (const sql of one) expect(tokensShowSeveralStatements(sql, tokenize(sql)), sql).toBe(false);
  });
});

describe('errorPlace', () => {
  it('reads DuckDB\'s LINE and caret, a line DuckDB cut short, and the end of input', () => {
    const long = `SELECT ${Array.from({ length: 60 }, (_, i) => `c${i}`).join(', ')}, city FRM reports WHERE year = 2022`;
    const at = long.indexOf('reports');
    const shown = `...${long.slice(at - 30, at + 10)}...`;
    const caret = ' '.repeat('LINE 1: '.length + 3 + 30);
    expect(errorPlace(`Parser Error: syntax error at or near "reports"\n\nLINE 1: ${shown}\n${caret}^`, long))
      .toEqual({ line: 1, column: long.indexOf('reports') + 1, length: 7 });
    expect(errorPlace('Parser Error: syntax error at end of input', 'SELECT *\nFROM reports WHERE (year > 1\n\n')).toEqual({ line: 2, column: 29, length: 0 });
    expect(errorPlace('Binder Error: no place named', 'SELECT 1')).toBeNull();
  });
});

describe('runGuardedSql on native DuckDB with the bundled data', () => {
  let db: NodeDb;
  const log: string[] = [];
  const raw = (sql: string) => db.query<Record<string, unknown>>({ name: 'console-test', sql, params: [] });
  const session: ConsoleSession = {
    async execute(sql) {
      log.push(sql);
      await raw(sql);
    },
    async fetch(sql) {
      log.push(sql);
      const rows = await raw(sql);
      return { columns: Object.keys(rows[0] ?? {}), rows };
    },
    async parse(sql) {
      log.push(`prepare: ${sql}`);
      await db.prepare(sql);
    },
  };
  const counts = async () => (await raw(
    'SELECT (SELECT COUNT(*) FROM reports) AS r, (SELECT COUNT(*) FROM budget_lines) AS b, (SELECT COUNT(*) FROM indicators) AS i, (SELECT COUNT(*) FROM findings) AS f',
  ))[0];

  beforeAll(async () => {
    db = await openNodeDb(BUNDLED_DATA_DIR);
  });
  afterAll(() => db?.close());

  it('runs a query inside a transaction that is rolled back', async () => {
    log.length = 0;
    const result = await runGuardedSql(session, 'SELECT city, COUNT(*) AS n FROM reports GROUP BY city ORDER BY city;');
    expect(result.rows).toEqual([{ city: '株洲市', n: 4 }, { city: '益阳市', n: 1 }]);
    expect(result.truncated).toBe(false);
    expect(log).toEqual(['BEGIN TRANSACTION', limitedSql('SELECT city, COUNT(*) AS n FROM reports GROUP BY city ORDER BY city', 'SELECT', 10_001), 'ROLLBACK']);
  });

  it('shows at most the limit and says there are more, keeping the order of the query', async () => {
    const result = await runGuardedSql(session, 'SELECT seq, level3 FROM indicators ORDER BY seq DESC, report_id', 10);
    expect(result.rows).toHaveLength(10);
    expect(result.truncated).toBe(true);
    expect(result.rows[0].seq).toBe(15); // 益阳's report has the most indicators: 15
    const exact = await runGuardedSql(session, 'SELECT * FROM reports', 5);
    expect(exact.truncated).toBe(false);
  });

  it('keeps a trailing line comment from swallowing the wrapper', async () => {
    const result = await runGuardedSql(session, 'SELECT COUNT(*) AS n FROM findings -- all of them');
    expect(result.rows).toEqual([{ n: csvRows('findings') }]);
  });

  it('runs DESCRIBE, SHOW, SUMMARIZE, PIVOT and EXPLAIN', async () => {
    expect((await runGuardedSql(session, 'SHOW TABLES')).rows.map((r) => r.name)).toEqual(['budget_lines', 'findings', 'indicators', 'reports']);
    expect((await runGuardedSql(session, 'DESCRIBE reports')).rows[0]).toMatchObject({ column_name: 'report_id', column_type: 'VARCHAR' });
    expect((await runGuardedSql(session, 'SUMMARIZE reports')).rows.length).toBeGreaterThan(20);
    const pivot = await runGuardedSql(session, 'PIVOT indicators ON status USING COUNT(*) GROUP BY level1 ORDER BY level1');
    expect(pivot.rows.reduce((sum, row) => sum + Number(row.met), 0)).toBe(27);
    expect((await runGuardedSql(session, 'EXPLAIN SELECT 1')).rows.length).toBeGreaterThan(0);
  });

  it('refuses a DROP and leaves every table as it was', async () => {
    const before = await counts();
    log.length = 0;
    for (const sql of ['DROP VIEW reports', 'DELETE FROM findings', '-- x\nDROP SCHEMA ds_0 CASCADE', 'SELECT 1; DROP VIEW reports']) {
      await expect(runGuardedSql(session, sql)).rejects.toMatchObject({ reason: { code: sql.includes(';') ? 'multiple' : 'notAllowed' } });
    }
    // DuckDB only prepared them (parsed and bound, never ran), in a transaction rolled back.
    expect(log.filter((entry) => !/^(BEGIN TRANSACTION|ROLLBACK|prepare: )/.test(entry))).toEqual([]);
    expect(log.filter((entry) => entry.startsWith('prepare: '))).toHaveLength(3);
    expect(await counts()).toEqual(before);
    expect(before).toEqual({ r: csvRows('reports'), b: csvRows('budget_lines'), i: csvRows('indicators'), f: csvRows('findings') });
  });

  it('reports DuckDB errors and rolls back, so the next query works', async () => {
    log.length = 0;
    await expect(runGuardedSql(session, 'SELECT no_such_column FROM reports')).rejects.toThrow(/no_such_column/);
    expect(log.at(-1)).toBe('ROLLBACK');
    expect((await runGuardedSql(session, 'SELECT COUNT(*) AS n FROM reports')).rows).toEqual([{ n: 5 }]);
  });

  it('points DuckDB’s LINE n at the line the person typed', async () => {
    await expect(runGuardedSql(session, 'SELECT\n  no_such_column\nFROM reports')).rejects.toThrow(/LINE 2:/);
    await expect(runGuardedSql(session, '\n\n-- why\nSELECT no_such_column FROM reports')).rejects.toThrow(/LINE 4:/);
    await expect(runGuardedSql(session, 'EXPLAIN SELECT\nno_such_column FROM reports')).rejects.toThrow(/LINE 2:/);
  });

  it('says DuckDB\'s parser error, with its place, for a statement it cannot read; refuses a change only when it parses', async () => {
    const reasonOf = (sql: string) => runGuardedSql(session, sql).then(() => null, (error: ConsoleRejection) => error.reason);
    expect(await reasonOf('SELEC city FROM reports')).toEqual({
      code: 'syntax', keyword: 'SELEC', line: 1, column: 1, suggestion: 'SELECT', message: 'syntax error at or near "SELEC"',
    });
    expect(await reasonOf('-- cities\nDELET FROM findings')).toEqual({
      code: 'syntax', keyword: 'DELET', line: 2, column: 1, suggestion: null, message: 'syntax error at or near "DELET"',
    });
    // Begins like a change, but DuckDB cannot read it: a syntax error at the end, not "changes data".
    expect(await reasonOf('UPDATE reports SET city = 1 WHERE')).toMatchObject({ code: 'syntax', line: 1, column: 34, message: 'syntax error at end of input' });
    expect(await reasonOf('CREATE TABLE x AS SELEC 1')).toMatchObject({ code: 'syntax', keyword: 'SELEC', column: 19 });
    expect(await reasonOf('DELETE FROM findings')).toEqual({ code: 'notAllowed', keyword: 'DELETE' });
    expect((await counts()).f).toBe(csvRows('findings'));
  });

  it('finds the place of DuckDB\'s error in the text as typed', async () => {
    const text = 'SELECT city,\n    year\n  FRM reports';
    const error = await runGuardedSql(session, text).then(() => null, (e: Error) => e);
    expect(errorPlace(error!.message, text)).toEqual({ line: 3, column: 7, length: 7 }); // "reports", after the mistyped FROM
    const binder = 'SELECT cty FROM reports';
    expect(errorPlace((await runGuardedSql(session, binder).catch((e: Error) => e) as Error).message, binder)).toEqual({ line: 1, column: 8, length: 3 });
  });

  it('cannot change data even through a statement the subquery would allow', async () => {
    // The wrapper makes data changes a syntax error; the rollback would undo them anyway.
    await expect(runGuardedSql(session, 'WITH x AS (SELECT 1) DELETE FROM ds_0.findings')).rejects.toThrow(/syntax error/i);
    expect((await counts()).f).toBe(csvRows('findings'));
  });
});
