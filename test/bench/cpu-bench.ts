/**
 * npm run bench:cpu — where the CPU goes during start-up: cold loads of the floor, the app's data
 * path without its UI and the app (the pages of bench:app), each under a Chromium trace. Prints,
 * per page, the median time each kind of thread spent in tasks from navigation to the page's last
 * mark and the CPU time within them (a thread waiting for a core, or on a lock, is busy without CPU), the local
 * test server's CPU, and what all that CPU needs at the least on this machine's cores (spread
 * perfectly over them), next to the floor's wall time.
 *
 * Tracing itself costs CPU and wall time (~10–20 % here), so compare pages with one another
 * rather than with bench:app's figures.
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { launchBrowser } from '../e2e/browser.ts';
import { serveStatic } from '../e2e/static-server.ts';
import { BENCH_PAGES, buildBenchSite, waitForMark } from './bench-site.ts';
import { cpuByGroup, GROUPS, type Group, type TraceEvent } from './trace-cpu.ts';

const root = path.resolve(import.meta.dirname, '../..');
const outDir = path.join(root, 'test-output', 'bench-site');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const CORES = availableParallelism();
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

await buildBenchSite(outDir);
const site = await serveStatic(outDir);
const browser = await launchBrowser();
const categories = ['toplevel', 'blink.user_timing', 'devtools.timeline', 'disabled-by-default-devtools.timeline'];

try {
  type Samples = { busy: number[]; cpu: number[] };
  const results: Record<string, { wall: number[]; groups: Record<Group, Samples> }> = {};
  for (let run = 0; run < RUNS; run++) {
    for (const [name, { path: pagePath, done }] of Object.entries(BENCH_PAGES)) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
      const page = await context.newPage();
      await browser.startTracing(page, { categories });
      const server = process.cpuUsage();
      await page.goto(`${site.url}${pagePath}`);
      await waitForMark(page, done);
      const serverUsage = process.cpuUsage(server);
      const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
      await context.close();
      const { wallMs, time } = cpuByGroup(trace.traceEvents, done);
      // The server runs in this process: its CPU over the load (Playwright's share is small).
      const serverMs = (serverUsage.user + serverUsage.system) / 1000;
      time.set('test server (Node)', { busyMs: serverMs, cpuMs: serverMs });
      const result = (results[name] ??= { wall: [], groups: Object.fromEntries(GROUPS.map((g): [Group, Samples] => [g, { busy: [], cpu: [] }])) as Record<Group, Samples> });
      result.wall.push(wallMs);
      for (const group of GROUPS) {
        result.groups[group].busy.push(time.get(group)?.busyMs ?? 0);
        result.groups[group].cpu.push(time.get(group)?.cpuMs ?? 0);
      }
    }
  }

  const pages = Object.values(results);
  const cell = (text: string) => text.padStart(18);
  const width = Math.max(...GROUPS.map((g) => g.length)) + 2;
  console.log(`bench:cpu — ${RUNS} traced cold loads of each page, medians from navigation to the page's last mark; ${CORES} cores`);
  console.log('busy: time in tasks; cpu: CPU time in them (busy beyond cpu: waiting mid-task for a core, or on a lock)');
  console.log(''.padEnd(width) + Object.keys(results).map((n) => cell(n)).join(''));
  console.log(''.padEnd(width) + Object.keys(results).map(() => cell('busy / cpu ms')).join(''));
  for (const group of GROUPS) {
    console.log(group.padEnd(width) + pages.map((r) => cell(`${Math.round(median(r.groups[group].busy))} / ${Math.round(median(r.groups[group].cpu))}`)).join(''));
  }
  const totals = pages.map((r) => median(r.wall.map((_, i) => GROUPS.reduce((sum, g) => sum + r.groups[g].cpu[i], 0))));
  console.log('CPU in all'.padEnd(width) + totals.map((t) => cell(`${Math.round(t)} ms`)).join(''));
  console.log(`… spread over ${CORES} cores`.padEnd(width) + totals.map((t) => cell(`${Math.round(t / CORES)} ms`)).join(''));
  console.log('wall time (traced)'.padEnd(width) + pages.map((r) => cell(`${Math.round(median(r.wall))} ms`)).join(''));
  const floorWall = median(results.floor.wall);
  console.log(`the app's CPU spread over ${CORES} cores: ${(totals[2] / CORES / floorWall).toFixed(2)} × the floor's wall time; its wall time: ${(median(results.app.wall) / floorWall).toFixed(2)} ×`);
} finally {
  await browser.close();
  await site.close();
}
