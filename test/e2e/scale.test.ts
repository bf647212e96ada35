/**
 * Issue 18 at CI size: a generated dataset of 15,000 reports (about 200,000 indicators), opened
 * in the built site with `?data=`. Every view draws with at most a screen's worth of table rows
 * and list options in the page; a long filter list opens as a search box over a window; and the
 * paged tables show, page after page and in each order, the rows native DuckDB gives for the same
 * query on the same files. Screenshots of each view (wide and narrow, both languages) go to
 * test-output/scale-*.png.
 *
 * The dataset is made by `npm run generate` into test-output/ (ignored by git) on the first run
 * and kept there (same seed, same bytes: docs/generate.md); delete the folder to make it again.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openNodeDb, type NodeDb } from '../../src/build/node-db.ts';
import { budgetProjects } from '../../src/queries/budget-projects.ts';
import { reportListPage } from '../../src/queries/report-list-page.ts';
import { sql } from '../../src/queries/query.ts';
import { openPage, screenshot, useBrowser, type WatchedPage } from './browser.ts';

const siteUrl = inject('siteUrl');
const distDir = inject('distDir');
const browser = useBrowser();

const REPORTS = 15_000;
/** A screen's worth: the most table rows (and list options) any view may put into the page. */
const MAX_ROWS = 120;
const ROOT = resolve(import.meta.dirname, '../..');
const DATASET = resolve(ROOT, 'test-output', `scale-dataset-${REPORTS}`);
const MOUNT = 'e2e-scale';
const DATA = `data=./${MOUNT}/current/`;

let db: NodeDb;

beforeAll(async () => {
  if (!existsSync(join(DATASET, 'current', 'reports.csv'))) {
    execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/generate.ts', '--reports', String(REPORTS), '--format', 'csv', '--out', DATASET],
      { cwd: ROOT, stdio: 'ignore', timeout: 900_000 });
  }
  const mount = join(distDir, MOUNT);
  rmSync(mount, { force: true, recursive: true });
  symlinkSync(DATASET, mount); // the site's static server follows it
  db = await openNodeDb(join(DATASET, 'current'));
}, 1_000_000);
afterAll(() => db?.close());

const count = async (text: string) => Number((await db.query(sql<{ n: number }>('count')`SELECT COUNT(*)::INTEGER AS n FROM ${text}`))[0].n);

interface ViewCase {
  view: string;
  /** The perf mark the view sets when every query of it has settled. */
  mark: string;
  search?: string;
}

const VIEWS: readonly ViewCase[] = [
  { view: 'overview', mark: 'overview' },
  { view: 'budget', mark: 'budget' },
  { view: 'budget', mark: 'budget', search: '&bdim=fund' },
  { view: 'budget', mark: 'budget', search: '&bdim=project' },
  { view: 'indicators', mark: 'indicators' },
  { view: 'scores', mark: 'scores' },
  { view: 'compare', mark: 'compare', search: '&cdim=project' },
  { view: 'report', mark: 'report' },
  { view: 'findings', mark: 'findings' },
  { view: 'explorer', mark: 'explorer', search: '&xt=indicators' },
];

async function openView(search: string, width = 1440): Promise<WatchedPage> {
  const watched = await openPage(browser(), siteUrl, width);
  await watched.page.goto(`${siteUrl}?${DATA}&${search}`);
  return watched;
}

/** Waits for the view's `<mark>:settled` after `since` (a performance.now() before the change). */
async function settled(page: Page, mark: string, since = 0): Promise<void> {
  try {
    // A data error ends the wait at once (the check below reports it).
    await page.waitForFunction(([name, after]) => document.querySelector('.data-error')
      || performance.getEntriesByName(`${name}:settled`).some((e) => e.startTime >= (after as number)),
    [mark, since] as const, { timeout: 240_000, polling: 500 });
    if (await page.locator('.data-error').count() > 0) throw new Error('the dataset did not load');
  } catch (error) {
    const state = await page.evaluate(() => ({
      url: location.href, marks: performance.getEntriesByType('mark').map((m) => m.name), text: document.body.innerText.slice(0, 400),
    }));
    throw new Error(`${mark}:settled not reached: ${JSON.stringify(state)}`, { cause: error });
  }
}

const domRows = (page: Page) => page.evaluate(() => ({
  rows: document.querySelectorAll('tr').length,
  options: document.querySelectorAll('[role="option"], option').length,
}));

describe(`views on ${REPORTS.toLocaleString('en')} generated reports`, () => {
  it('is the size the issue asks for: about 200,000 indicators', async () => {
    expect(await count('reports')).toBe(REPORTS);
    const indicators = await count('indicators');
    expect(indicators).toBeGreaterThan(150_000);
    expect(indicators).toBeLessThan(260_000);
  });

  for (const { view, mark, search = '' } of VIEWS) {
    it(`${view}${search} draws with at most ${MAX_ROWS} table rows and options in the page`, async () => {
      const watched = await openView(`view=${view}${search}`);
      const { page } = watched;
      await settled(page, mark);
      const { rows, options } = await domRows(page);
      expect(rows, 'table rows').toBeLessThanOrEqual(MAX_ROWS);
      expect(options, 'list options').toBeLessThanOrEqual(MAX_ROWS);
      expect(await page.locator('.card-error, .data-error').count()).toBe(0);
      expect(watched.consoleErrors).toEqual([]);
      expect(watched.foreignRequests).toEqual([]);
      await page.context().close();
    }, 300_000);
  }
});

/** The data-report ids of a table's body rows, in order. */
const listedIds = (page: Page, selector: string) =>
  page.locator(`${selector} tbody tr[data-report]`).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-report')));

describe('paged tables return the rows DuckDB gives', () => {
  it('报告详情: each page, in two orders, is the page of the same query in native DuckDB', async () => {
    const watched = await openView('view=report&rsort=-budget_adjusted');
    const { page } = watched;
    await settled(page, 'report');
    const total = await count('reports');
    expect(await page.locator('[data-testid="report-list"] [data-testid="table-count"]').innerText())
      .toBe(`第 1–20 条，共 ${total.toLocaleString('zh-CN')} 条`);
    for (const pageIndex of [0, 1, 2]) {
      if (pageIndex > 0) {
        const since = await page.evaluate(() => performance.now());
        await page.locator('[data-testid="report-list"] [data-page="next"]').click();
        await settled(page, 'report', since);
      }
      const expected = await db.query(reportListPage({}, '', { id: 'budget_adjusted', desc: true }, { pageIndex, pageSize: 20 }));
      expect(await listedIds(page, '.report-table')).toEqual(expected.map((r) => r.report_id));
    }
    // Another order, by a text column: code-point order, as DuckDB sorts (no ICU in the page).
    const since = await page.evaluate(() => performance.now());
    await page.locator('.report-table th[data-column="city"] button').click();
    await settled(page, 'report', since);
    expect(new URL(page.url()).searchParams.get('rpage')).toBeNull();
    const byCity = await db.query(reportListPage({}, '', { id: 'city', desc: false }, { pageIndex: 0, pageSize: 20 }));
    expect(await listedIds(page, '.report-table')).toEqual(byCity.map((r) => r.report_id));
    await page.context().close();
  }, 300_000);

  it('预算执行: the project table, sorted and paged, equals budgetProjects with LIMIT/OFFSET', async () => {
    const watched = await openView('view=budget&bsort=execution_rate&bpage=3&bsize=50');
    const { page } = watched;
    await settled(page, 'budget');
    const all = await db.query(budgetProjects({}, { column: 'execution_rate', descending: false }));
    expect(await listedIds(page, '[data-testid="budget-projects"]')).toEqual(all.slice(100, 150).map((r) => r.report_id));
    await page.context().close();
  }, 300_000);
});

describe('a long filter list', () => {
  it('opens as a search box over a window of options, keeps the counts, and is keyboard usable', async () => {
    const funds = (await db.query(sql<{ fund: string; reports: number }>('funds')`
      SELECT fund, COUNT(*)::INTEGER AS reports FROM reports WHERE fund IS NOT NULL GROUP BY fund`));
    expect(funds.length).toBeGreaterThan(200);
    const watched = await openView('view=budget');
    const { page } = watched;
    await settled(page, 'budget');
    await page.locator('.multi-select[data-filter="fund"] .multi-select-button').click();
    const window = page.getByTestId('option-window');
    await window.waitFor();
    const shown = await window.locator('[role="option"]').count();
    expect(shown).toBeGreaterThan(5);
    expect(shown).toBeLessThanOrEqual(30);
    // Narrow it to one fund by typing part of its name; its count is the number of its reports.
    const target = funds.sort((a, b) => b.reports - a.reports)[0];
    await page.keyboard.type(target.fund);
    const option = window.locator('[role="option"]').filter({ hasText: target.fund }).first();
    await option.waitFor();
    expect(await option.locator('.multi-select-count').innerText()).toBe(target.reports.toLocaleString('zh-CN'));
    // Down to it and Enter: the filter is in the URL.
    const index = await window.locator('[role="option"]').evaluateAll((els, name) => els.findIndex((el) => el.textContent?.includes(name as string)), target.fund);
    for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForFunction((name) => new URL(location.href).searchParams.getAll('fund').includes(name), target.fund);
    await page.context().close();
  }, 300_000);
});

describe('screenshots at scale', () => {
  it('saves each view wide and narrow, in Chinese and English', async () => {
    for (const { view, mark, search = '' } of VIEWS.filter((v) => ['budget', 'indicators', 'scores', 'report'].includes(v.view) && !v.search)) {
      for (const [width, lang] of [[1440, 'zh'], [390, 'en']] as const) {
        const watched = await openView(`view=${view}${search}&lang=${lang}`, width);
        await settled(watched.page, mark);
        await screenshot(watched.page, `scale-${view}-${width}-${lang}`);
        await watched.page.context().close();
      }
    }
    expect(existsSync(resolve(ROOT, 'test-output', 'scale-budget-1440-zh.png'))).toBe(true);
    expect(readFileSync(resolve(ROOT, 'test-output', 'scale-budget-390-en.png')).length).toBeGreaterThan(10_000);
  }, 900_000);
});
