/**
 * The app starts DuckDB with a patched copy of its worker script (src/build/duckdb-worker-patch.ts).
 * Here both copies, DuckDB-WASM's own and the app's, answer one battery of statements in one page
 * (test/e2e/duckdb-worker-patch/), and must answer alike; and the built site must serve the copy.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { duckDbWorkerPatch } from '../../src/build/duckdb-worker-plugin.ts';
import { DUCKDB_WORKER_PATCHES } from '../../src/build/duckdb-worker-patch.ts';
import { expectClean, openPage, useBrowser } from './browser.ts';
import { serveStatic, type StaticSite } from './static-server.ts';
import { BATTERY, FAILING, WORKING } from './duckdb-worker-patch/battery.ts';

interface Answer {
  sql: string;
  rows?: string;
  error?: string;
}
type Run = { script: string; answers: Answer[] };

describe('DuckDB-WASM with the patched worker script', () => {
  const browser = useBrowser();
  let dir = '';
  let site: StaticSite;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'duckdb-worker-patch-'));
    await build({
      root: resolve(import.meta.dirname, 'duckdb-worker-patch'),
      base: './',
      configFile: false,
      logLevel: 'warn',
      plugins: [duckDbWorkerPatch()],
      build: { outDir: dir, emptyOutDir: true, target: 'es2022', assetsInlineLimit: 0 },
    });
    site = await serveStatic(dir);
  });
  afterAll(async () => {
    await site?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('answers every statement as DuckDB-WASM\'s own script does', async () => {
    const watched = await openPage(browser(), site.url);
    await watched.page.goto(site.url);
    await watched.page.waitForFunction(() => 'done' === document.getElementById('out')?.textContent, null, { timeout: 30_000 });
    const { stock, patched } = (await watched.page.evaluate('window.__answers')) as { stock: Run; patched: Run };

    // Two different scripts ran: the page's two imports were not both redirected (or both left).
    const scripts = await Promise.all([stock.script, patched.script].map(async (url) => (await fetch(new URL(url, site.url))).text()));
    expect(scripts[0]).not.toContain('updateGOT.lazy');
    expect(scripts[1]).toContain('updateGOT.lazy');

    expect(stock.answers.map((a) => a.sql)).toEqual(BATTERY);
    // The battery does what it is meant to: the working statements answer, the others fail.
    const failed = stock.answers.filter((a) => a.error !== undefined).map((a) => a.sql);
    expect(failed).toEqual(FAILING);
    expect(stock.answers[0].rows).toBe('[{"answer":42}]');
    expect(Number(/\d+/.exec(stock.answers[1].rows ?? '')?.[0])).toBeGreaterThan(500);
    expect(stock.answers.at(-1)?.rows).toBe('[{"after_the_errors":1}]');
    expect(WORKING.length + FAILING.length + 1).toBe(BATTERY.length);

    expect(patched.answers).toEqual(stock.answers);
    expectClean(watched);
    await watched.page.context().close();
  });

  it('is what the built site serves', () => {
    const assets = join(inject('distDir'), 'assets');
    const scripts = readdirSync(assets).filter((name) => /^duckdb-browser-eh\.worker-.*\.js$/.test(name));
    expect(scripts).toHaveLength(1);
    const served = readFileSync(join(assets, scripts[0]), 'utf8');
    for (const patch of DUCKDB_WORKER_PATCHES) {
      expect(served).toContain(patch.replace);
      expect(served).not.toContain(patch.find);
    }
  });
});
