/**
 * Issue 18 item 3: a `.duckdb` dataset named by `?data=` is read by HTTP byte ranges where the
 * server answers them, and downloaded whole, with its progress shown, where it does not. Both
 * from the production build; the ranged file is still read after the engine is locked
 * (external access off: engine-lock.ts), when a later view needs blocks the overview did not.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { formatCount, formatMoney } from '../../src/lib/format.ts';
import { expectClean, openPage, useBrowser } from './browser.ts';
import { expectedFigures } from './expected-figures.ts';

const siteUrl = inject('siteUrl');
const rangelessSiteUrl = inject('rangelessSiteUrl');
const dataDir = inject('dataDir');
const distDir = inject('distDir');
const browser = useBrowser();
const FILE = 'e2e/dataset.duckdb';
const GENERATED = 'e2e/generated.duckdb';
const fileSize = () => statSync(path.join(distDir, FILE)).size;

interface FileRequest { method: string; range: string | null; status: number; bytes: number; at: number }

/** Every request for the database file, the DuckDB worker's included, with what it brought. */
function watchFile(context: BrowserContext, file = FILE): FileRequest[] {
  const requests: FileRequest[] = [];
  context.on('requestfinished', async (request) => {
    if (!new URL(request.url()).pathname.endsWith(file)) return; // the file, not the page naming it in ?data= // the file, not the page naming it in ?data=
    const response = await request.response();
    const sizes = await request.sizes();
    requests.push({ method: request.method(), range: await request.headerValue('range'), status: response?.status() ?? 0, bytes: sizes.responseBodySize, at: Date.now() });
  });
  return requests;
}

const figure = (page: Page, id: string) => page.locator(`[data-figure="${id}"] .key-figure-value`).innerText();

async function expectOverviewFigures(page: Page): Promise<void> {
  await page.locator('[data-testid="overview"][data-source="live"]').waitFor({ timeout: 60_000 });
  const expected = expectedFigures(dataDir);
  expect(await figure(page, 'reports')).toBe(formatCount(expected.reports, 'zh'));
  expect(await figure(page, 'budget-adjusted')).toBe(formatMoney(expected.budgetAdjusted, 'zh'));
  expect(await figure(page, 'findings')).toBe(formatCount(expected.findings, 'zh'));
}

describe('a .duckdb dataset over HTTP', () => {
  it('is read by byte ranges where the server answers them', async () => {
    const watched = await openPage(browser(), siteUrl);
    const { page } = watched;
    const requests = watchFile(page.context());
    await page.goto(`${siteUrl}?data=./${FILE}`);
    await expectOverviewFigures(page);
    expect(await page.evaluate(() => performance.getEntriesByName('data:ranges').length)).toBe(1);
    // No request brought the whole file: the probe's one byte, HEADs and ranges only.
    expect(requests.length).toBeGreaterThan(1);
    for (const request of requests) {
      if (request.method === 'HEAD') continue;
      expect(request.range, JSON.stringify(request)).toMatch(/^bytes=\d+-\d+$/);
      expect(request.status).toBe(206);
    }
    // Each answer a part of the file (DuckDB-WASM may read a block twice, so the sum is not bounded by the size).
    expect(Math.max(...requests.map((r) => r.bytes))).toBeLessThan(fileSize() / 2);
    // The explorer over all the indicators' columns needs blocks the overview did not read: they
    // come by ranges although DuckDB's external access is off by now.
    expectClean(watched);
  });

  it('goes on reading by ranges after the engine is locked, when a view needs blocks the overview did not', async () => {
    const watched = await openPage(browser(), siteUrl);
    const { page } = watched;
    const requests = watchFile(page.context(), GENERATED);
    await page.goto(`${siteUrl}?data=./${GENERATED}`);
    await page.locator('[data-testid="overview"][data-source="live"]').waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => performance.getEntriesByName('app:ready').length > 0);
    const atOverview = requests.length;
    // The explorer sorted by the indicators' actual text reads that column whole: blocks the
    // overview's queries never touched. Opened in the page (the same engine, locked since the
    // load), as a tab would open it.
    await page.evaluate((search) => {
      history.pushState(null, '', `${location.pathname}${search}`);
      dispatchEvent(new PopStateEvent('popstate'));
    }, `?data=./${GENERATED}&view=explorer&xt=indicators&xsort=-actual_text`);
    await page.locator('[data-testid="explorer"][data-table="indicators"][data-source="live"]').waitFor({ timeout: 60_000 });
    await page.locator('[data-testid="explorer-table"][aria-busy="false"]').waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-testid="explorer-table"] tbody tr').count()).toBeGreaterThan(0);
    expect(requests.length).toBeGreaterThan(atOverview);
    expect(requests.slice(atOverview).every((r) => r.method === 'HEAD' || (r.status === 206 && r.range !== null))).toBe(true);
    expectClean(watched);
  });

  it('is downloaded whole, its progress shown in bytes and percent, where the server ignores Range', async () => {
    const watched = await openPage(browser(), rangelessSiteUrl);
    const { page } = watched;
    const requests = watchFile(page.context());
    // Every text the download's status line shows, as it changes.
    await page.addInitScript(() => {
      const seen: string[] = [];
      Object.assign(window, { downloadTexts: seen });
      new MutationObserver(() => {
        const text = document.querySelector('[data-testid="data-download"]')?.textContent;
        if (text && seen.at(-1) !== text) seen.push(text);
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    await page.goto(`${rangelessSiteUrl}?data=./${FILE}`);
    await expectOverviewFigures(page);
    expect(await page.evaluate(() => performance.getEntriesByName('data:downloaded').length)).toBe(1);
    // One GET, answered whole; DuckDB read from memory and asked the server nothing.
    expect(requests.map((r) => `${r.method} ${r.status}`)).toEqual(['GET 200']);
    expect(requests[0].bytes).toBe(fileSize());
    const texts = await page.evaluate(() => (window as unknown as { downloadTexts: string[] }).downloadTexts);
    const percents = texts.map((text) => Number(/（(\d+)%）/.exec(text)?.[1]));
    expect(percents.length, texts.join(' | ')).toBeGreaterThanOrEqual(3);
    expect(percents.every(Number.isFinite), texts.join(' | ')).toBe(true);
    expect(percents.some((p) => p > 0 && p < 100), texts.join(' | ')).toBe(true);
    expect(texts.at(-1)).toMatch(/ MB（100%）$|KB（100%）$/);
    expect(await page.getByTestId('data-download').count()).toBe(0); // gone once loaded
    expectClean(watched);
  });
});
