/**
 * npm run bench:scale — the app on a province's database (issue 18): the generated 2 M-indicator
 * `.duckdb` (SCALE_DB, default data/generated/current/fund-performance.duckdb: `npm run generate
 * -- --format duckdb`) opened with `?data=` from the production build in headless Chromium,
 * beside two floors on the same file in the same run: (a) a bare DuckDB-WASM page that attaches
 * the file by HTTP ranges and answers one GROUP BY over `indicators` (test/bench/scale-floor/),
 * (b) that page's warm GROUP BY. BENCH_RUNS cold loads of each (3 by default), alternating.
 *
 * Prints app:ready against 1.5 × (a), the renderer's peak memory (resident set of the renderer
 * processes this browser starts, sampled every 100 ms) against 1 GiB, filter change → overview
 * redrawn p95 against 8 × (b), each view's first draw (from opening it on a warm page) against
 * 2 × (a), and what the app and the floor fetched of the file (requests, bytes).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';
import { DuckDBInstance } from '@duckdb/node-api';
import { launchBrowser } from '../e2e/browser.ts';
import { serveStatic } from '../e2e/static-server.ts';
import { waitForMark } from './bench-site.ts';

const root = path.resolve(import.meta.dirname, '../..');
const outDir = path.join(root, 'test-output', 'scale-site');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const DB = path.resolve(process.env.SCALE_DB ?? path.join(root, 'data/generated/current/fund-performance.duckdb'));
const GIB = 1024 ** 3;
const VIEWS = ['budget', 'indicators', 'scores', 'compare', 'report', 'findings'] as const;

const median = (values: number[]) => [...values].filter(Number.isFinite).sort((a, b) => a - b)[Math.floor(values.filter(Number.isFinite).length / 2)] ?? NaN;
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))];
const ms = (v: number) => (Number.isFinite(v) ? `${Math.round(v).toLocaleString('en')} ms` : 'not drawn');
const mib = (bytes: number) => `${Math.round(bytes / 1024 ** 2).toLocaleString('en')} MiB`;

if (!existsSync(DB)) throw new Error(`bench:scale: no database at ${DB} (npm run generate -- --format duckdb, or SCALE_DB=…)`);

// Values the filter changes pick, from the file itself: the two largest cities and one fund.
const names = await (async () => {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run(`ATTACH '${DB.replace(/'/g, "''")}' AS f (READ_ONLY)`);
  const rows = async (sql: string) => (await connection.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
  const cities = (await rows('SELECT city FROM f.reports WHERE city IS NOT NULL GROUP BY city ORDER BY count(*) DESC, city LIMIT 2')).map((r) => String(r.city));
  const [fund] = (await rows('SELECT fund FROM f.reports WHERE fund IS NOT NULL GROUP BY fund ORDER BY count(*) DESC, fund LIMIT 1')).map((r) => String(r.fund));
  const [{ indicators }] = await rows('SELECT count(*)::INTEGER AS indicators FROM f.indicators');
  const [{ stored }] = await rows("SELECT count(*)::INTEGER AS stored FROM duckdb_tables() WHERE database_name = 'f' AND schema_name = 'agg'");
  connection.closeSync();
  instance.closeSync();
  return { cities, fund, indicators: Number(indicators), stored: Number(stored) };
})();

await build({ root, configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
await build({ root: path.join(root, 'test/bench/scale-floor'), base: './', configFile: false, logLevel: 'warn', build: { outDir: path.join(outDir, 'scale-floor'), emptyOutDir: true, target: 'es2022', assetsInlineLimit: 0 }, worker: { format: 'es' } });
mkdirSync(path.join(outDir, 'scale-data'), { recursive: true });
symlinkSync(DB, path.join(outDir, 'scale-data', 'fund-performance.duckdb'));
const DATA = './scale-data/fund-performance.duckdb';

const site = await serveStatic(outDir);
const browser = await launchBrowser();

/** The renderer processes this bench's browser started (descendants of this process), by pid. */
function rendererPids(): number[] {
  const parents = new Map<number, number>();
  const renderers: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('--type=renderer')) renderers.push(Number(entry));
    } catch {
      // gone already
    }
  }
  const ours = (pid: number): boolean => {
    for (let p = parents.get(pid); p; p = parents.get(p)) if (p === process.pid) return true;
    return false;
  };
  return renderers.filter(ours);
}

const rss = (pid: number): number => {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
};

/** Samples the largest renderer's resident set every 100 ms until stopped; returns the peak. */
function memoryWatch(): { peak(): number; stop(): number } {
  let peak = 0;
  const sample = () => {
    for (const pid of rendererPids()) peak = Math.max(peak, rss(pid));
  };
  sample();
  const timer = setInterval(sample, 100);
  return { peak: () => peak, stop: () => (clearInterval(timer), sample(), peak) };
}

/** Requests for the database file and the bytes they brought, the worker's included. */
function fileTraffic(context: BrowserContext): { requests: number; bytes: number } {
  const traffic = { requests: 0, bytes: 0 };
  context.on('requestfinished', (request) => {
    if (!request.url().includes('fund-performance.duckdb')) return;
    traffic.requests++;
    void request.sizes().then((sizes) => { traffic.bytes += sizes.responseBodySize; }).catch(() => undefined);
  });
  return traffic;
}

/** A line on stderr as the bench goes (the figures come at the end, on stdout). */
const progress = (line: string) => process.stderr.write(`[bench:scale ${new Date().toISOString().slice(11, 19)}] ${line}\n`);

const markTime = (page: Page, name: string) => page.evaluate((n) => performance.getEntriesByName(n)[0]?.startTime ?? NaN, name);

/** A URL change on the open page, as the filter bar or a tab makes it. */
const navigate = (page: Page, search: string) => page.evaluate((s) => {
  history.pushState(null, '', `${location.pathname}${s}`);
  dispatchEvent(new PopStateEvent('popstate'));
}, search);

const floorA: number[] = [];
const floorB: number[] = [];
const ready: number[] = [];
const peaks: number[] = [];
const redraws: number[] = [];
const views: Record<string, number[]> = Object.fromEntries(VIEWS.map((v) => [v, []]));
const warmUps: number[] = [];
let floorTraffic = { requests: 0, bytes: 0 };
let appTraffic = { requests: 0, bytes: 0 };
const base = `?data=${encodeURIComponent(DATA)}`;
const searches = [
  `${base}&city=${encodeURIComponent(names.cities[0])}`, `${base}&city=${encodeURIComponent(names.cities[1] ?? names.cities[0])}`, base,
  `${base}&level1=${encodeURIComponent('产出指标')}`, `${base}&status=met`, `${base}&city=${encodeURIComponent(names.cities[0])}&status=unknown`,
  `${base}&fund=${encodeURIComponent(names.fund)}`, `${base}&status=not_met`, base,
];

try {
  for (let run = 0; run < RUNS; run++) {
    const floorContext = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const floorBytes = fileTraffic(floorContext);
    const floor = await floorContext.newPage();
    await floor.goto(`${site.url}scale-floor/?db=${encodeURIComponent(`../${DATA}`)}`);
    await waitForMark(floor, 'scale-floor:warm', 180_000);
    floorA.push(await markTime(floor, 'scale-floor:answered'));
    floorB.push(median(await floor.evaluate(() => (window as unknown as { warmRuns: number[] }).warmRuns)));
    await floorContext.close();
    floorTraffic = floorBytes;
    progress(`run ${run + 1}: floor (a) ${ms(floorA.at(-1)!)}, (b) ${ms(floorB.at(-1)!)}`);

    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const traffic = fileTraffic(context);
    const memory = memoryWatch();
    const page = await context.newPage();
    await page.goto(`${site.url}${base}`);
    await waitForMark(page, 'app:ready', 300_000);
    ready.push(await markTime(page, 'app:ready'));
    appTraffic = { ...traffic };
    progress(`run ${run + 1}: app:ready ${ms(ready.at(-1)!)}; renderer peak so far ${mib(memory.peak())}; file read ${traffic.requests} requests, ${mib(traffic.bytes)}`);
    // Filter changes once the idle warm-up has prepared the filter statements (as bench:app).
    const warmed = await waitForMark(page, 'warm-up:done', 180_000).then(() => true, () => false);
    progress(`run ${run + 1}: warm-up ${warmed ? 'done' : 'not done within 180 s'}`);
    warmUps.push(warmed ? await page.evaluate(() => performance.getEntriesByName('warm-up:done')[0].startTime - performance.getEntriesByName('app:ready')[0].startTime) : NaN);
    for (const search of searches) {
      const redraw = await page.evaluate(async (s) => {
        const before = performance.getEntriesByName('overview:settled').length;
        const started = performance.now();
        history.pushState(null, '', `${location.pathname}${s}`);
        dispatchEvent(new PopStateEvent('popstate'));
        const deadline = started + 30_000;
        while (performance.getEntriesByName('overview:settled').length === before && performance.now() < deadline) await new Promise((r) => setTimeout(r, 2));
        const marks = performance.getEntriesByName('overview:settled');
        const end = marks.length > before ? marks[marks.length - 1].startTime : NaN;
        while (!performance.getEntriesByName('query:filter-options').some((m) => m.startTime >= started) && performance.now() < deadline) await new Promise((r) => setTimeout(r, 5));
        return end - started;
      }, search);
      redraws.push(redraw);
      progress(`run ${run + 1}: ${decodeURIComponent(search.replace(base, '')) || '(no filter)'} redrawn in ${ms(redraw)}`);
    }
    // Each view's first draw, opened on this warm page without filters.
    // A view that holds the page's main thread (150,000 rows drawn at once) answers no
    // evaluate, so the wait is bounded here, and the views after it are left unmeasured.
    let blocked = false;
    for (const view of VIEWS) {
      if (blocked) {
        views[view].push(NaN);
        continue;
      }
      const started = await page.evaluate(() => performance.now());
      await navigate(page, `${base}&view=${view}`);
      const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 60_000));
      const drawn = await Promise.race([waitForMark(page, `${view}:drawn`, 60_000).then(() => true, () => false), timeout]);
      blocked = !drawn;
      views[view].push(drawn ? (await markTime(page, `${view}:drawn`)) - started : NaN);
      progress(`run ${run + 1}: ${view} first drawn in ${ms(views[view].at(-1)!)}; renderer peak so far ${mib(memory.peak())}`);
    }
    peaks.push(memory.stop());
    await context.close().catch(() => undefined);
  }

  const a = median(floorA);
  const b = median(floorB);
  const ratio = (value: number, floor: number) => (value / floor).toFixed(2);
  console.log(`bench:scale — ${RUNS} runs, headless Chromium, production build on 127.0.0.1; ${DB}`);
  console.log(`  ${names.indicators.toLocaleString('en')} indicators; per-report aggregates stored in the file: ${names.stored > 0 ? 'yes' : 'no (computed at load)'}`);
  console.log(`floor (a), bare page attaching the file by ranges + one GROUP BY: median ${ms(a)}  [${floorA.map(ms).join(', ')}]; ${floorTraffic.requests} requests, ${mib(floorTraffic.bytes)}`);
  console.log(`floor (b), its warm GROUP BY: median ${ms(b)}  [${floorB.map(ms).join(', ')}]`);
  console.log(`app:ready: median ${ms(median(ready))} = ${ratio(median(ready), a)} × (a)  (goal ≤ 1.5 ×)  [${ready.map(ms).join(', ')}]; file read: ${appTraffic.requests} requests, ${mib(appTraffic.bytes)} by app:ready`);
  console.log(`renderer memory peak: ${mib(Math.max(...peaks))} (runs: ${peaks.map(mib).join(', ')})  (goal ≤ 1 GiB: ${Math.max(...peaks) <= GIB ? 'met' : 'missed'})`);
  console.log(`idle warm-up done after app:ready: ${warmUps.map(ms).join(', ')}`);
  const done = redraws.filter(Number.isFinite);
  console.log(`filter change → overview redrawn: p50 ${ms(percentile(done, 0.5))}, p95 ${ms(percentile(done, 0.95))} = ${ratio(percentile(done, 0.95), b)} × (b)  (goal ≤ 8 ×); ${redraws.length} changes, ${redraws.length - done.length} not redrawn within 30 s`);
  for (const view of VIEWS) {
    const m = median(views[view]);
    console.log(`  ${view.padEnd(10)} first drawn ${ms(m).padStart(10)} = ${ratio(m, a)} × (a)  (goal ≤ 2 ×)  [${views[view].map(ms).join(', ')}]`);
  }
} finally {
  await browser.close();
  await site.close();
}
