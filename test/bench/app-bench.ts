/**
 * npm run bench:app — cold loads of the production build in headless Chromium, five times,
 * next to a bare page that only starts DuckDB-WASM and answers one query (the floor) and the
 * app's data path without its UI (data-path/). Prints medians and their ratios to the floor,
 * filter-change redraw times, and the JavaScript the app loads at first (gzip, without the wasm).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../e2e/browser.ts';
import { serveStatic } from '../e2e/static-server.ts';
import { BENCH_PAGES, buildBenchSite, waitForMark } from './bench-site.ts';

const root = path.resolve(import.meta.dirname, '../..');
const outDir = path.join(root, 'test-output', 'bench-site');
/** Cold loads of each page (BENCH_RUNS=9 for steadier medians on a busy machine). */
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))];
const ms = (v: number) => `${Math.round(v)} ms`;

await buildBenchSite(outDir);
const site = await serveStatic(outDir);
const browser = await launchBrowser();

async function coldPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  return context.newPage();
}

const { floor: floorPage, dataPath: dataPathPage, app: appPage } = BENCH_PAGES;

const markTime = (page: Page, name: string) =>
  page.evaluate((n) => performance.getEntriesByName(n)[0]?.startTime ?? NaN, name);

try {
  // Floor and app loads alternate, so a slow spell of the machine weighs on both alike.
  const floor: number[] = [];
  const dataPath: number[] = [];
  const marks = ['overview:drawn', 'db:ready', 'data:loaded', 'app:ready'] as const;
  const app: Record<string, number[]> = Object.fromEntries(marks.map((m) => [m, []]));
  const scripts = new Set<string>();
  for (let run = 0; run < RUNS; run++) {
    const bare = await coldPage();
    await bare.goto(`${site.url}${floorPage.path}`);
    await waitForMark(bare, floorPage.done);
    floor.push(await markTime(bare, floorPage.done));
    await bare.context().close();

    const dataOnly = await coldPage();
    await dataOnly.goto(`${site.url}${dataPathPage.path}`);
    await waitForMark(dataOnly, dataPathPage.done);
    dataPath.push(await markTime(dataOnly, dataPathPage.done));
    await dataOnly.context().close();

    const page = await coldPage();
    page.on('response', (response) => {
      const url = response.url();
      if (response.request().resourceType() === 'script' && run === 0) scripts.add(new URL(url).pathname);
    });
    await page.goto(`${site.url}${appPage.path}`);
    await waitForMark(page, appPage.done);
    for (const mark of marks) app[mark].push(await markTime(page, mark));
    await page.context().close();
  }

  // Filter changes on a warm page: each a URL change (as the filter bar and back/forward make),
  // timed from the change to the overview's next redraw from finished live queries, one at a
  // time on an idle page.
  // They start once the overview's idle warm-up (src/lib/db/startup/warm-up.ts) has prepared the
  // filter statements, as a user's first click would find the page; its end is printed.
  const page = await coldPage();
  await page.goto(site.url);
  await waitForMark(page, 'warm-up:done');
  const warmUp = await page.evaluate(() => performance.getEntriesByName('warm-up:done')[0].startTime - performance.getEntriesByName('app:ready')[0].startTime);
  const searches = ['?city=株洲市', '?city=益阳市', '', '?level1=产出指标', '?status=met', '?city=株洲市&status=unknown', '?fund=株洲市经济信息产业发展专项资金', ''];
  const redraws: number[] = [];
  const changes: { search: string; round: number; ms: number }[] = [];
  const queryShares: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (const search of searches) {
      const [redraw, queries] = await page.evaluate(async (s) => {
        const before = performance.getEntriesByName('overview:settled').length;
        const started = performance.now();
        history.pushState(null, '', `${location.pathname}${s}`);
        dispatchEvent(new PopStateEvent('popstate'));
        const deadline = started + 10_000;
        while (performance.getEntriesByName('overview:settled').length === before && performance.now() < deadline) {
          await new Promise((r) => setTimeout(r, 2));
        }
        const marks = performance.getEntriesByName('overview:settled');
        const end = marks[marks.length - 1].startTime;
        // Time DuckDB spent on the change: the union of this change's query measures.
        // (The filter options follow the change as a background query, after the view's.)
        const spans = performance.getEntriesByType('measure').filter((m) => m.name.startsWith('query:') && m.name !== 'query:filter-options' && m.startTime >= started && m.startTime < end);
        let busy = 0;
        let until = started;
        for (const m of spans.sort((a, b) => a.startTime - b.startTime)) {
          const from = Math.max(m.startTime, until);
          const to = m.startTime + m.duration;
          if (to > from) busy += to - from;
          until = Math.max(until, to);
        }
        // The next change comes once the page is idle again, as a person's next click would:
        // after the filter options this change asked for.
        while (!performance.getEntriesByName('query:filter-options').some((m) => m.startTime >= started) && performance.now() < deadline) {
          await new Promise((r) => setTimeout(r, 5));
        }
        return [end - started, busy];
      }, search);
      redraws.push(redraw);
      changes.push({ search: search || '(no filter)', round, ms: redraw });
      queryShares.push(queries);
    }
  }

  const jsFiles = [...scripts].filter((p) => !/duckdb.*worker/.test(p)).map((p) => path.join(outDir, p.replace(/^\/sub\/path\//, '')));
  const gzipKb = jsFiles.reduce((sum, file) => sum + gzipSync(readFileSync(file)).length, 0) / 1024;
  const workerFiles = [...scripts].filter((p) => /duckdb.*worker/.test(p));

  const floorMedian = median(floor);
  console.log(`bench:app — ${RUNS} cold loads each (floor, data path and app in turn), headless Chromium, production build on 127.0.0.1`);
  console.log(`floor (DuckDB-WASM started, one query answered): median ${ms(floorMedian)}  [${floor.map(ms).join(', ')}]`);
  const report = (label: string, values: number[]) => {
    const m = median(values);
    // Each load is divided by the floor load just before it: a slow spell of the machine then
    // moves both, and the median of these ratios is the figure to compare with the goals.
    const ratio = median(values.map((value, run) => value / floor[run]));
    console.log(`${label.padEnd(15)} median ${ms(m).padStart(8)}  = ${ratio.toFixed(2)} × floor  [${values.map(ms).join(', ')}]`);
  };
  for (const mark of marks) report(mark, app[mark]);
  console.log('the app\'s data path alone (its DuckDB start, the attach and the overview\'s queries; no UI):');
  report('  answered', dataPath);
  console.log(`idle warm-up of the filter statements: done ${ms(warmUp)} after app:ready`);
  console.log(`filter change → overview redrawn: p50 ${ms(percentile(redraws, 0.5))}, p95 ${ms(percentile(redraws, 0.95))} (${redraws.length} changes); of which queries p50 ${ms(percentile(queryShares, 0.5))}, p95 ${ms(percentile(queryShares, 0.95))}`);
  const slowest = [...changes].sort((a, b) => b.ms - a.ms).slice(0, 4);
  console.log(`  slowest: ${slowest.map((c) => `${c.search} (round ${c.round + 1}) ${ms(c.ms)}`).join('; ')}`);
  console.log(`app JavaScript at first load: ${gzipKb.toFixed(0)} KB gzip in ${jsFiles.length} files (without the wasm and the DuckDB worker${workerFiles.length ? `, ${workerFiles.length} worker file` : ''})`);
} finally {
  await browser.close();
  await site.close();
}
