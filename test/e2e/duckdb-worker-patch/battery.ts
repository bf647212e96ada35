/** Statements over much of DuckDB: its binder, optimizer, operators, casts, errors and the file system. */
export const WORKING: readonly string[] = [
  'SELECT 42 AS answer',
  'SELECT count(*) AS functions FROM duckdb_functions()',
  'SELECT count(*) AS settings FROM duckdb_settings()',
  "SELECT * FROM read_csv('cities.csv') ORDER BY city",
  "SELECT city, coalesce(budget, 0)::DECIMAL(18, 2) AS budget FROM read_csv('cities.csv') ORDER BY budget DESC, city",
  "SELECT upper('abc') || lower('ÄÖ') || '中文' AS s, length('绩效看板') AS n, regexp_replace('2025年度', '[0-9]+', '#') AS r",
  "SELECT string_agg(x, '、' ORDER BY x) AS s FROM (VALUES ('乙'), ('甲'), ('丙')) t(x)",
  'SELECT i % 3 AS k, sum(i) AS s, avg(i) AS a, min(i), max(i), count(DISTINCT i % 5) FROM range(1000) t(i) GROUP BY ALL ORDER BY k',
  'SELECT i, row_number() OVER (PARTITION BY i % 2 ORDER BY i DESC) AS r, sum(i) OVER (ORDER BY i ROWS 2 PRECEDING) AS w FROM range(10) t(i) ORDER BY i',
  'SELECT a.i, b.j FROM range(50) a(i) JOIN (SELECT i * 2 AS j FROM range(50) t(i)) b ON a.i = b.j ORDER BY a.i LIMIT 5',
  'WITH RECURSIVE f(n, v) AS (SELECT 1, 1::HUGEINT UNION ALL SELECT n + 1, v * (n + 1) FROM f WHERE n < 30) SELECT max(v)::VARCHAR AS v FROM f',
  'SELECT list_sort([3, 1, 2]) AS l, list_transform([1, 2, 3], x -> x * 10) AS t, {a: 1, b: [2]} AS s, map([1], [2]) AS m',
  "SELECT strftime(DATE '2025-03-01' + INTERVAL 40 DAY, '%Y-%m-%d') AS d, date_trunc('month', TIMESTAMP '2025-07-19 12:00') AS m",
  'SELECT 1.1::DECIMAL(18, 2) * 3 AS d, 10 / 4 AS f, 10 // 4 AS i, 2 ** 62 AS p, pi()::VARCHAR AS pi',
  "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x) AS median, quantile_disc(x, 0.9) AS q FROM (VALUES (1.0), (5.0), (2.0), (9.0)) t(x)",
  "SELECT * FROM (VALUES ('b', 2), ('a', 1)) t(k, v) PIVOT (sum(v) FOR k IN ('a', 'b'))",
  "CREATE TABLE t AS SELECT i, 'row ' || i AS s FROM range(100) t(i)",
  'UPDATE t SET s = s || \'!\' WHERE i % 10 = 0',
  'DELETE FROM t WHERE i > 90',
  'SELECT count(*), count(s) FILTER (WHERE s LIKE \'%!\') FROM t',
  "ATTACH ':memory:' AS other",
  'CREATE TABLE other.u AS SELECT * FROM t WHERE i < 5',
  'SELECT * FROM other.u ORDER BY i',
  "COPY (SELECT * FROM other.u) TO 'u.csv' (HEADER)",
  "SELECT * FROM read_csv('u.csv') ORDER BY i",
  'BEGIN TRANSACTION',
  'INSERT INTO t VALUES (1000, \'x\')',
  'ROLLBACK',
  'SELECT max(i) FROM t',
  'PREPARE p AS SELECT ? + 1 AS v',
  'EXECUTE p(41)',
  'CREATE TABLE k (id INTEGER PRIMARY KEY)',
];

/** Errors: the binder's, the parser's, a cast's, a key constraint's and the file system's, each thrown through the wasm. */
export const FAILING: readonly string[] = [
  'SELECT * FROM no_such_table',
  'SELEC 1',
  "SELECT 'x'::INTEGER",
  'INSERT INTO k VALUES (1), (1)',
  "SELECT * FROM read_csv('missing.csv')",
];

/** Every statement in order, and one more after the errors: the connection must still answer. */
export const BATTERY: readonly string[] = [...WORKING, ...FAILING, 'SELECT 1 AS after_the_errors'];
