/**
 * The way out when a new DuckDB-WASM's worker script no longer takes the build's edits:
 * `DUCKDB_STOCK_WORKER=1 npm run build` ships DuckDB-WASM's own script, untouched, and the worker
 * starts the wasm the stock way (src/build/duckdb-worker-plugin.ts). Built here into a folder of
 * its own, that site must start and show the overview's figures from live queries, as the
 * default build does.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DUCKDB_WORKER_SCRIPT, STOCK_WORKER_FLAG } from '../../src/build/duckdb-worker-plugin.ts';
import { formatCount, formatMoney } from '../../src/lib/format.ts';
import { expectClean, openPage, useBrowser } from './browser.ts';
import { expectedFigures } from './expected-figures.ts';
import { serveStatic, type StaticSite } from './static-server.ts';

const root = resolve(import.meta.dirname, '../..');
const dataDir = inject('dataDir');
const defaultDist = inject('distDir');
const browser = useBrowser();
const outDir = resolve(root, 'test-output', `site-stock-worker-${process.pid}`);
let site: StaticSite;

/** The DuckDB worker script a built site ships (assets/duckdb-browser-eh.worker-<hash>.js). */
function shippedWorker(dist: string): string {
  const [name, ...others] = readdirSync(join(dist, 'assets')).filter((file) => /^duckdb-browser-eh\.worker-.*\.js$/.test(file));
  expect(others).toEqual([]);
  return readFileSync(join(dist, 'assets', name), 'utf8');
}

beforeAll(async () => {
  const before = process.env[STOCK_WORKER_FLAG];
  process.env[STOCK_WORKER_FLAG] = '1';
  try {
    await build({ root, configFile: resolve(root, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    if (before === undefined) delete process.env[STOCK_WORKER_FLAG];
    else process.env[STOCK_WORKER_FLAG] = before;
  }
  site = await serveStatic(outDir);
}, 300_000);
afterAll(async () => {
  await site?.close();
  rmSync(outDir, { recursive: true, force: true });
});

describe(`a build with ${STOCK_WORKER_FLAG}=1`, () => {
  it('ships DuckDB-WASM\'s own worker script, byte for byte (the default build ships the edited one)', () => {
    const stock = readFileSync(createRequire(join(root, 'package.json')).resolve(DUCKDB_WORKER_SCRIPT), 'utf8');
    expect(shippedWorker(outDir)).toBe(stock);
    expect(shippedWorker(defaultDist)).not.toBe(stock);
  });

  it('starts DuckDB and shows the overview from live queries, with no console error', async () => {
    const watched = await openPage(browser(), site.url);
    const { page } = watched;
    await page.goto(site.url);
    await page.locator('[data-testid="overview"][data-source="live"]').waitFor({ timeout: 60_000 });
    await page.locator('[data-testid="chart-budget-by-city"] canvas').first().waitFor();
    const expected = expectedFigures(dataDir);
    const figure = (id: string) => page.locator(`[data-figure="${id}"] .key-figure-value`).innerText();
    expect(await figure('reports')).toBe(formatCount(expected.reports, 'zh'));
    expect(await figure('budget-adjusted')).toBe(formatMoney(expected.budgetAdjusted, 'zh'));
    expect(await page.evaluate(() => performance.getEntriesByName('db:ready').length)).toBe(1);
    expectClean(watched);
  }, 90_000);
});
