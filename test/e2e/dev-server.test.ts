/**
 * The README's first command, `npm start`, is Vite's dev server: modules are served one by one,
 * untransformed into bundles, workers included. The dashboard must come up there too, on the
 * bundled data (the dev server writes data/dataset.duckdb and snapshot.json on request).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createServer, type ViteDevServer } from 'vite';
import { resolve } from 'node:path';
import { formatMoney } from '../../src/lib/format.ts';
import { expectClean, openPage, useBrowser } from './browser.ts';
import { expectedFigures } from './expected-figures.ts';

const root = resolve(import.meta.dirname, '../..');
const dataDir = inject('dataDir');
const browser = useBrowser();
let server: ViteDevServer;
let url: string;

beforeAll(async () => {
  server = await createServer({ root, configFile: resolve(root, 'vite.config.ts'), logLevel: 'error', server: { port: 0, host: '127.0.0.1', hmr: false } });
  await server.listen();
  url = server.resolvedUrls!.local[0];
}, 60_000);
afterAll(async () => {
  await server?.close();
});

describe('dev server (npm start)', () => {
  it('starts DuckDB and shows the bundled data from live queries', async () => {
    const watched = await openPage(browser(), url);
    await watched.page.goto(url);
    await watched.page.locator('[data-testid="overview"][data-source="live"]').waitFor({ timeout: 60_000 });
    const expected = expectedFigures(dataDir);
    expect(await watched.page.locator('[data-figure="budget-adjusted"] .key-figure-value').innerText()).toBe(formatMoney(expected.budgetAdjusted, 'zh'));
    expectClean(watched);
  }, 90_000);
});
