/**
 * The site the start-up benches load: the production build, with the floor (test/bench/floor/)
 * and the app's data path without its UI (test/bench/data-path/) in folders next to its
 * index.html, so that all three share one server, one dataset and one copy of the wasm.
 */
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { duckDbWorkerPatch } from '../../src/build/duckdb-worker-plugin.ts';

const root = path.resolve(import.meta.dirname, '../..');

/** The pages of the site, each with the performance mark that ends its start-up. */
export const BENCH_PAGES = {
  floor: { path: 'floor/', done: 'floor:answered' },
  dataPath: { path: 'data-path/', done: 'data-path:answered' },
  app: { path: '', done: 'app:ready' },
} as const;

/**
 * Waits for the page's performance mark `name`, asking for it every 20 ms with a plain
 * expression. (`page.waitForFunction` would inject Playwright's injected script, its selector
 * engine and helpers, into the page: 35–45 ms of its main thread in the middle of a cold load,
 * which no visitor's browser spends.)
 */
export async function waitForMark(page: Page, name: string, timeout = 60_000): Promise<void> {
  const deadline = Date.now() + timeout;
  const expression = `performance.getEntriesByName(${JSON.stringify(name)}).length > 0`;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > deadline) throw new Error(`no ${name} mark within ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Builds the site into `outDir` (emptied first). */
export async function buildBenchSite(outDir: string): Promise<void> {
  rmSync(outDir, { recursive: true, force: true });
  await build({ root, configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  for (const page of ['floor', 'data-path']) {
    // The floor is DuckDB-WASM as published; the data path starts DuckDB as the app does.
    const plugins = page === 'data-path' ? [duckDbWorkerPatch()] : [];
    await build({ root: path.join(root, 'test/bench', page), base: './', configFile: false, logLevel: 'warn', plugins, build: { outDir: path.join(outDir, page), emptyOutDir: true, target: 'es2022', assetsInlineLimit: 0 }, worker: { format: 'es' } });
  }
}

/**
 * The import benches' setting: the production build alone in `outDir`, served, and a browser.
 * openImportView() opens a fresh page on the import view, ready for files; close() ends it all.
 */
export async function importBenchSite(outDir: string) {
  rmSync(outDir, { recursive: true, force: true });
  await build({ root, configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const { serveStatic } = await import('../e2e/static-server.ts');
  const { launchBrowser } = await import('../e2e/browser.ts');
  const site = await serveStatic(outDir);
  const browser = await launchBrowser();
  return {
    async openImportView(): Promise<{ page: Page; close(): Promise<void> }> {
      const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
      const page = await context.newPage();
      await page.goto(`${site.url}?view=import`);
      await page.locator('[data-testid="import-summary"][data-source="live"]').waitFor({ timeout: 60_000 });
      return { page, close: () => context.close() };
    },
    async close(): Promise<void> {
      await browser.close();
      await site.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}
