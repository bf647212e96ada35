/**
 * npm run bench:explorer — the explorer's own query builders against a million indicator rows in
 * DuckDB-WASM (the blocking Node build: the same engine and the same view SQL as the browser,
 * on one thread). Prints the median of 5 runs for each sort, filter and grouping, page and count.
 *
 * The data: every table of data/ repeated COPIES times (1,000,020 indicators, 83,335 reports),
 * report ids rewritten per copy, cities and years spread and indicator scores varied so sorts and
 * filters are not degenerate. Written once to test-output/explorer-bench/million.duckdb (a file
 * the app also opens: `?view=explorer&xt=indicators&data=<url of the file>`).
 *
 * With --browser it also builds the site and times the same interactions end to end in headless
 * Chromium (DuckDB-WASM in its worker, the database file loaded with `?data=`): from the URL
 * change to the view's `explorer:settled` mark, i.e. rows on screen.
 *
 *   npm run bench:explorer                # generate if missing, then measure in Node
 *   npm run bench:explorer -- --browser   # and in Chromium
 *   npm run bench:explorer -- --fresh     # regenerate the data first
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { BUNDLED_DATA_DIR } from '../../src/build/data-dir.ts';
import { STORAGE_VERSION } from '../../src/cli/duckdb-file.ts';
import { NO_IMPORTS, originViewsSql } from '../../src/lib/db/dataset/origin-views.ts';
import { toPlainRow } from '../../src/lib/db/querying/plain-rows.ts';
import { createTableSql, csvColumnTypes } from '../../src/parser/schema.ts';
import { TABLE_NAMES } from '../../src/parser/types.ts';
import { explorerCount } from '../../src/queries/explorer-count.ts';
import { explorerGroupCount, explorerGroups } from '../../src/queries/explorer-groups.ts';
import { explorerOptions } from '../../src/queries/explorer-options.ts';
import { explorerPage } from '../../src/queries/explorer-page.ts';
import type { Query } from '../../src/queries/query.ts';

const root = path.resolve(import.meta.dirname, '../..');
const outDir = path.join(root, 'test-output', 'explorer-bench');
const dbFile = path.join(outDir, 'million.duckdb');
const COPIES = 16_667; // × 60 seed indicators = 1,000,020 rows
const RUNS = 5;
const PAGE = { pageIndex: 0, pageSize: 20 };
const CITIES = ['株洲市', '益阳市', '长沙市', '湘潭市', '衡阳市', '邵阳市', '岳阳市', '常德市', '张家界市', '郴州市', '永州市', '怀化市', '娄底市', '湘西州'];

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Per table: the columns a copy rewrites (`c.i` is the copy number, 0…COPIES-1). */
const copyId = (column: string) => `printf('%05d_', c.i) || t.${column}`;
const REWRITES: Record<string, Record<string, string>> = {
  reports: {
    report_id: copyId('report_id'),
    source_file: copyId('source_file'),
    city: `[${CITIES.map(quote).join(', ')}][1 + (c.i % ${CITIES.length})]`,
    year: '2020 + (c.i % 4)',
  },
  budget_lines: { report_id: copyId('report_id') },
  indicators: {
    report_id: copyId('report_id'),
    // Scores vary between 60 % and 100 % of the weight, so a sort by score has work to do.
    score: 'CASE WHEN t.weight IS NULL THEN t.score ELSE round(t.weight * (0.6 + (hash(c.i, t.seq) % 41) / 100.0), 1) END',
  },
  findings: { report_id: copyId('report_id') },
};

async function generate(): Promise<void> {
  rmSync(dbFile, { force: true });
  mkdirSync(outDir, { recursive: true });
  const started = performance.now();
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(`ATTACH ${quote(dbFile)} AS out (STORAGE_VERSION '${STORAGE_VERSION}')`);
    for (const table of TABLE_NAMES) {
      const columns = Object.entries(csvColumnTypes(table)).map(([name, type]) => `${quote(name)}: ${quote(type)}`).join(', ');
      const source = `read_csv(${quote(path.join(BUNDLED_DATA_DIR, `${table}.csv`))}, header = true, auto_detect = false, columns = {${columns}})`;
      const names = Object.keys(csvColumnTypes(table));
      const select = names.map((name) => `${REWRITES[table][name] ?? `t."${name}"`} AS "${name}"`).join(', ');
      await connection.run(createTableSql(table, `out.${table}`));
      await connection.run(`INSERT INTO out.${table} SELECT ${select} FROM ${source} t, range(${COPIES}) c(i) ORDER BY c.i`);
    }
    await connection.run('DETACH out');
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  console.log(`generated ${path.relative(root, dbFile)} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

if (process.argv.includes('--fresh') || !existsSync(dbFile)) await generate();

// ---- DuckDB-WASM, loaded as the browser loads a database file --------------------------------
const duckdb = await import('@duckdb/duckdb-wasm/blocking');
const dist = path.join(root, 'node_modules/@duckdb/duckdb-wasm/dist');
const db = await duckdb.createDuckDB(
  { mvp: { mainModule: path.join(dist, 'duckdb-mvp.wasm'), mainWorker: '' }, eh: { mainModule: path.join(dist, 'duckdb-eh.wasm'), mainWorker: '' } },
  new duckdb.VoidLogger(),
  duckdb.NODE_RUNTIME,
);
await db.instantiate();
db.registerFileBuffer('ds_0.duckdb', new Uint8Array(readFileSync(dbFile)));
const conn = db.connect();
conn.query(`ATTACH 'ds_0.duckdb' AS ds_0 (READ_ONLY)`);
const columns = conn.query(`SELECT table_name, column_name FROM information_schema.columns WHERE table_catalog = 'ds_0' ORDER BY ordinal_position`)
  .toArray().map((row) => row.toJSON() as { table_name: string; column_name: string });
const base = {
  source: 'ds_0',
  columns: Object.fromEntries(TABLE_NAMES.map((t) => [t, columns.filter((c) => c.table_name === t).map((c) => c.column_name)])) as Record<(typeof TABLE_NAMES)[number], string[]>,
};
for (const statement of originViewsSql(base, NO_IMPORTS)) conn.query(statement);

/** As src/lib/db/querying/query-runner.ts runs a query: prepared, parameters bound, rows made plain. */
function run<T>(q: Query<T>): T[] {
  const statement = conn.prepare(q.sql);
  try {
    return statement.query(...q.params).toArray().map((row) => toPlainRow(row.toJSON()) as T);
  } finally {
    statement.close();
  }
}

const [{ rows: indicatorRows }] = run(explorerCount('indicators', {}, []));
const [{ rows: reportRows }] = run(explorerCount('reports', {}, []));
console.log(`DuckDB-WASM ${await db.getVersion()} (Node, one thread): ${indicatorRows.toLocaleString('en-US')} indicators, ${reportRows.toLocaleString('en-US')} reports`);

/** One interaction: the queries the view sends for it, in order (page, then count). */
interface Case {
  name: string;
  queries: Query<unknown>[];
}

const ind = 'indicators' as const;
const cases: Case[] = [
  { name: 'open indicators (default order)', queries: [explorerPage(ind, {}, [], [], PAGE), explorerCount(ind, {}, [])] },
  { name: 'sort by 得分 desc', queries: [explorerPage(ind, {}, [], [{ id: 'score', desc: true }], PAGE), explorerCount(ind, {}, [])] },
  { name: 'sort by 三级指标 (text)', queries: [explorerPage(ind, {}, [], [{ id: 'level3', desc: false }], PAGE), explorerCount(ind, {}, [])] },
  { name: 'sort by 完成比例, page 1,000', queries: [explorerPage(ind, {}, [], [{ id: 'achievement', desc: true }], { pageIndex: 999, pageSize: 20 }), explorerCount(ind, {}, [])] },
  { name: 'filter 完成状态 = 未达成 (choice)', queries: [explorerPage(ind, {}, [{ column: 'status', kind: 'choice', values: ['not_met'] }], [], PAGE), explorerCount(ind, {}, [{ column: 'status', kind: 'choice', values: ['not_met'] }])] },
  { name: 'filter 三级指标 contains 满意 (text)', queries: [explorerPage(ind, {}, [{ column: 'level3', kind: 'contains', text: '满意' }], [], PAGE), explorerCount(ind, {}, [{ column: 'level3', kind: 'contains', text: '满意' }])] },
  { name: 'filter 得分 5–8 (range), sort by 得分', queries: [explorerPage(ind, {}, [{ column: 'score', kind: 'range', min: 5, max: 8 }], [{ id: 'score', desc: true }], PAGE), explorerCount(ind, {}, [{ column: 'score', kind: 'range', min: 5, max: 8 }])] },
  { name: 'filter bar 城市 = 株洲市 (via reports)', queries: [explorerPage(ind, { city: ['株洲市'] }, [], [], PAGE), explorerCount(ind, { city: ['株洲市'] }, [])] },
  { name: 'group by 一级指标', queries: [explorerGroups(ind, 'level1', {}, [], [], PAGE), explorerGroupCount(ind, 'level1', {}, [])] },
  { name: 'group by 三级指标 (many groups)', queries: [explorerGroups(ind, 'level3', {}, [], [], PAGE), explorerGroupCount(ind, 'level3', {}, [])] },
  // The lists of the choice columns on screen by default (the view asks for those only).
  { name: 'choice lists (on switching table)', queries: [explorerOptions(ind, {}, ['level1', 'level2', 'kind', 'status'])] },
];

const ms = (v: number) => `${v.toFixed(1)} ms`.padStart(9);
console.log(`\nmedian of ${RUNS} (after one warm-up run)   answer = page + count, as the view waits for both\n`);
console.log(`${'interaction'.padEnd(40)} ${'page'.padStart(9)} ${'count'.padStart(9)} ${'answer'.padStart(9)}`);
const answers: number[] = [];
for (const c of cases) {
  const times: number[][] = [];
  for (let i = 0; i <= RUNS; i++) {
    const each = c.queries.map((q) => {
      const started = performance.now();
      run(q);
      return performance.now() - started;
    });
    if (i > 0) times.push(each); // the first run warms the buffer cache, as the view's first query does
  }
  const perQuery = c.queries.map((_, q) => median(times.map((t) => t[q])));
  const answer = median(times.map((t) => t.reduce((a, b) => a + b, 0)));
  if (c.queries.length > 1 && !c.name.startsWith('choice')) answers.push(answer);
  console.log(`${c.name.padEnd(40)} ${ms(perQuery[0])} ${c.queries.length > 1 ? ms(perQuery[1]) : ''.padStart(9)} ${ms(answer)}`);
}
console.log(`\nslowest sort/filter answer: ${Math.max(...answers).toFixed(1)} ms (target: 150 ms)`);
conn.close();

if (process.argv.includes('--browser')) await benchBrowser();

/** The same interactions in the built app, as a reader makes them: a URL change, rows redrawn. */
async function benchBrowser(): Promise<void> {
  const { build } = await import('vite');
  const { launchBrowser } = await import('../e2e/browser.ts');
  const { serveStatic } = await import('../e2e/static-server.ts');
  const siteDir = path.join(outDir, 'site');
  await build({ root, configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn', build: { outDir: siteDir, emptyOutDir: true } });
  copyFileSync(dbFile, path.join(siteDir, 'million.duckdb'));
  const site = await serveStatic(siteDir);
  const browser = await launchBrowser();
  try {
    const page = await (await browser.newContext({ viewport: { width: 1440, height: 1000 } })).newPage();
    const base = '?view=explorer&xt=indicators&data=./million.duckdb';
    const opened = performance.now();
    await page.goto(`${site.url}${base}`);
    await page.locator('[data-testid="explorer"][data-source="live"]').waitFor({ timeout: 120_000 });
    await page.locator('[data-testid="explorer-table"][aria-busy="false"]').waitFor({ timeout: 120_000 });
    console.log(`\nChromium, built site: ${await page.getByTestId('table-count').innerText()} on screen ${((performance.now() - opened) / 1000).toFixed(1)} s after opening`);
    await page.waitForTimeout(2000); // the choice lists finish
    const settledCount = () => page.evaluate(() => performance.getEntriesByName('explorer:settled').length);
    /** Milliseconds from a URL change to the next `explorer:settled` mark. */
    async function timeTo(search: string): Promise<number> {
      const before = await settledCount();
      const started = await page.evaluate((s) => {
        const at = performance.now();
        history.pushState(null, '', s);
        dispatchEvent(new PopStateEvent('popstate'));
        return at;
      }, search);
      await page.waitForFunction((n) => performance.getEntriesByName('explorer:settled').length > n, before, { timeout: 60_000 });
      return page.evaluate((at) => performance.getEntriesByName('explorer:settled').at(-1)!.startTime - at, started);
    }
    const interactions = [
      ['sort by 得分 desc', '&xsort=-score'],
      ['sort by 三级指标 (text)', '&xsort=level3'],
      ['filter 完成状态 = 未达成 (choice)', '&xc.status=not_met'],
      ['filter 三级指标 contains 满意 (text)', `&xs.level3=${encodeURIComponent('满意')}`],
      ['filter 得分 5–8 (range)', '&xmin.score=5&xmax.score=8'],
    ];
    console.log(`median of ${RUNS}, URL change → rows on screen\n`);
    for (const [name, search] of interactions) {
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        await timeTo(`${base}&xsort=-report_id`); // from the same starting point each time
        times.push(await timeTo(`${base}${search}`));
      }
      console.log(`${name.padEnd(40)} ${ms(median(times))}   (runs ${times.map((t) => t.toFixed(0)).join(', ')})`);
    }
  } finally {
    await browser.close();
    await site.close();
  }
}
