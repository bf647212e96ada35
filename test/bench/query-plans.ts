/**
 * EXPLAIN ANALYZE of the overview's and the filter bar's queries on a large `.duckdb` (SCALE_DB),
 * native DuckDB on one thread (about DuckDB-WASM's speed, docs/performance.md), the relations set
 * up as the page sets them over an attached file (origin-views.ts, with the file's stored
 * aggregates). With BEFORE=<folder holding an older src/queries> (e.g. `git archive <commit>
 * src | tar -x -C /tmp/before`), the same queries of that tree run beside them on the same
 * relations. Prints a markdown table of the profiled times and, with PLANS=1, the plans of a few
 * of them: docs/query-plans.md is made of this output.
 *
 *   SCALE_DB=… BEFORE=/tmp/before npx tsx test/bench/query-plans.ts
 */
import path from 'node:path';
import { DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import { originViewsSql, NO_IMPORTS, type BaseDataset } from '../../src/lib/db/dataset/origin-views.ts';
import { TABLE_NAMES, type TableName } from '../../src/parser/types.ts';
import type { Filters } from '../../src/queries/filters.ts';
import type { Query } from '../../src/queries/query.ts';

const root = path.resolve(import.meta.dirname, '../..');
const DB = path.resolve(process.env.SCALE_DB ?? path.join(root, 'data/generated/current/fund-performance.duckdb'));

type QueryModules = {
  overviewQueryset: (filters: Filters) => Record<string, Query>;
  filterOptions: (filters: Filters) => Query;
};

async function queriesOf(tree: string): Promise<QueryModules> {
  const overview = await import(path.join(tree, 'src/features/overview/overview-queries.ts')).catch(() => null);
  const q = (name: string) => import(path.join(tree, 'src/queries', name));
  // An older tree's overview set, rebuilt from its query modules (its features/ may not be there).
  const [figures, counts, histogram, byCode, cities, list, options] = await Promise.all(
    ['overview-figures.ts', 'indicator-status-counts.ts', 'score-histogram.ts', 'findings-by-code.ts', 'city-summary.ts', 'report-list.ts', 'filter-options.ts'].map(q));
  return {
    overviewQueryset: overview?.overviewQueryset ?? ((f: Filters) => ({
      figures: figures.overviewFigures(f), statusCounts: counts.indicatorStatusCounts(f), scoreHistogram: histogram.scoreHistogram(f, 5),
      findingsByCode: byCode.findingsByCode(f), cities: cities.citySummary(f), reports: list.reportList(f),
    })),
    filterOptions: options.filterOptions,
  };
}

const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
const connection = await instance.connect();
await connection.run(`ATTACH '${DB.replace(/'/g, "''")}' AS ds_1 (READ_ONLY)`);
const columns = {} as Record<TableName, string[]>;
for (const table of TABLE_NAMES) {
  const rows = (await connection.runAndReadAll(`SELECT column_name FROM duckdb_columns() WHERE database_name = 'ds_1' AND schema_name = 'main' AND table_name = '${table}'`)).getRowObjectsJS();
  columns[table] = rows.map((r) => String(r.column_name));
}
const stored = Number((await connection.runAndReadAll("SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE database_name = 'ds_1' AND schema_name = 'agg'")).getRowObjectsJS()[0].n) === 3;
const base: BaseDataset = { source: 'ds_1', columns, materialize: false, aggregates: stored ? { schema: 'ds_1.agg' } : null };
for (const statement of originViewsSql(base, NO_IMPORTS)) await connection.run(statement);

const city = String((await connection.runAndReadAll('SELECT city FROM reports GROUP BY city ORDER BY count(*) DESC LIMIT 1')).getRowObjectsJS()[0].city);
const FILTER_SETS: [string, Filters][] = [
  ['no filter', {}],
  ['level1=产出指标', { level1: ['产出指标'] }],
  ['status=not_met', { status: ['not_met'] }],
  [`city=${city}`, { city: [city] }],
];

/** Profiled time of the query (EXPLAIN ANALYZE's total, ms), best of three, and its plan. */
async function profile(query: Query): Promise<{ ms: number; plan: string }> {
  // The tables made once per filter (a 一级/status filter's reports) are made first, and timed
  // apart: scopeMs holds what making them cost.
  for (const need of query.needs ?? []) {
    if (made.has(need.table)) continue;
    const started = performance.now();
    await connection.run(need.sql, need.params as DuckDBValue[]);
    scopeMs.set(need.table, performance.now() - started);
    made.add(need.table);
  }
  let best = Infinity;
  let plan = '';
  for (let i = 0; i < 3; i++) {
    const reader = await connection.runAndReadAll(`EXPLAIN ANALYZE ${query.sql}`, query.params as DuckDBValue[]);
    const text = String(reader.getRowObjectsJS()[0].explain_value);
    const total = /Total Time: ([\d.]+)s/.exec(text);
    const ms = total ? Number(total[1]) * 1000 : NaN;
    if (ms < best) [best, plan] = [ms, text];
  }
  return { ms: best, plan };
}

const made = new Set<string>();
const scopeMs = new Map<string, number>();
const trees: [string, QueryModules][] = [];
if (process.env.BEFORE) trees.push(['before', await queriesOf(path.resolve(process.env.BEFORE))]);
trees.push(['after', await queriesOf(root)]);

const indicators = Number((await connection.runAndReadAll('SELECT count(*) AS n FROM indicators')).getRowObjectsJS()[0].n);
console.log(`EXPLAIN ANALYZE, native DuckDB 1.4.3 on 1 thread, ${path.basename(DB)}: ${indicators.toLocaleString('en')} indicators; stored aggregates: ${stored ? 'yes' : 'no'}\n`);
console.log(`| query | filters | ${trees.map(([name]) => `${name} (ms)`).join(' | ')} |`);
console.log(`|---|---|${trees.map(() => '---:').join('|')}|`);
const plans: string[] = [];
const totals: number[][] = trees.map(() => []);
for (const [label, filters] of FILTER_SETS) {
  const names = Object.keys(trees[0][1].overviewQueryset(filters));
  for (const name of [...names, 'filterOptions']) {
    const times: number[] = [];
    for (const [index, [tree, modules]] of trees.entries()) {
      const query = name === 'filterOptions' ? modules.filterOptions(filters) : modules.overviewQueryset(filters)[name];
      const { ms, plan } = await profile(query);
      times.push(ms);
      totals[index].push(ms);
      const wanted = (name === 'statusCounts' && label.startsWith('level1')) || (name === 'figures' && label.startsWith('status')) || (name === 'findingsByCode' && label === 'no filter');
      if (process.env.PLANS && wanted) plans.push(`### ${name}, ${label}, ${tree}\n\n\`\`\`\n${plan.trim()}\n\`\`\`\n`);
    }
    console.log(`| ${name} | ${label} | ${times.map((t) => t.toFixed(1)).join(' | ')} |`);
  }
}
console.log(`| **sum** | | ${totals.map((t) => `**${t.reduce((a, b) => a + b, 0).toFixed(0)}**`).join(' | ')} |`);
if (scopeMs.size > 0) console.log(`\nMaking the report sets of the 一级/status filters, once per filter (not in the table above): ${[...scopeMs.values()].map((t) => `${t.toFixed(0)} ms`).join(', ')}`);
if (plans.length > 0) console.log(`\n${plans.join('\n')}`);
connection.closeSync();
instance.closeSync();
