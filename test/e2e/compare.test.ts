/**
 * The compare view in the production build: figures of each item checked against sums worked
 * out straight from the CSV files, URL state (cdim, cmp, filters), clicks, languages, phone width.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { formatCount, formatMoney, formatNumber, tableMoneyScale } from '../../src/lib/format.ts';
import { expectClean, openPage, screenshot, useBrowser, type WatchedPage } from './browser.ts';
import { expectedFigures, readCsv, type Row } from './expected-figures.ts';

const siteUrl = inject('siteUrl');
const dataDir = inject('dataDir');
const browser = useBrowser();

/** Distinct values of a column, largest summed 全年预算 first (the view's column order). */
function byBudget(rows: Row[], column: string): string[] {
  const totals = new Map<string, number>();
  for (const row of rows) if (row[column]) totals.set(row[column], (totals.get(row[column]) ?? 0) + Number(row.budget_adjusted || 0));
  return [...totals].sort((a, b) => b[1] - a[1]).map(([label]) => label);
}

async function openCompare(search = '', width = 1440): Promise<WatchedPage> {
  const watched = await openPage(browser(), siteUrl, width);
  await watched.page.goto(`${siteUrl}?view=compare${search}`);
  await watched.page.locator('[data-testid="compare"][data-source="live"]').waitFor({ timeout: 30_000 });
  await watched.page.locator('[data-testid="chart-compare-budget"] canvas').first().waitFor();
  return watched;
}

const headerItems = (page: Page) => page.locator('[data-testid="compare-table"] thead th[data-item]').evaluateAll(
  (cells) => cells.map((cell) => cell.getAttribute('data-item')));
const cells = (page: Page, measure: string) => page.locator(`[data-testid="compare-table"] tr[data-measure="${measure}"] td`).allInnerTexts();

describe('compare (production build under a sub-path)', () => {
  it('puts the cities side by side with the figures of the data', async () => {
    const watched = await openCompare();
    const { page } = watched;
    const cities = byBudget(readCsv(dataDir, 'reports'), 'city');
    expect(cities).toEqual(['株洲市', '益阳市']); // the bundled data: 3817.84 vs 593.04 万元
    expect(await headerItems(page)).toEqual(cities);
    const expected = cities.map((city) => expectedFigures(dataDir, (r) => r.city === city));
    expect(await cells(page, 'reports')).toEqual(expected.map((e) => formatCount(e.reports, 'zh')));
    expect(await cells(page, 'budget-initial')).toEqual(expected.map((e) => formatMoney(e.budgetInitial, 'zh', tableMoneyScale('zh'))));
    expect(await cells(page, 'budget-adjusted')).toEqual(['3,817.84 万元', '593.04 万元']);
    expect(await cells(page, 'budget-adjusted')).toEqual(expected.map((e) => formatMoney(e.budgetAdjusted, 'zh', tableMoneyScale('zh'))));
    expect(await cells(page, 'executed')).toEqual(expected.map((e) => formatMoney(e.executed, 'zh', tableMoneyScale('zh'))));
    // Issues ranked per report, the raw count beside (a city of few reports is not better for having few issues).
    expect(await cells(page, 'findings')).toEqual(expected.map((e) => `${formatCount(e.findings, 'zh')}（每份 ${formatNumber(e.findings / e.reports, 'zh', 1)}）`));
    // Yiyang's cut (752 → 593.04) shows against 年初: 78.9%.
    expect((await cells(page, 'execution-rate-initial'))[1]).toBe('78.9%');
    expect(await page.locator('[data-testid="compare-table"] td.is-best').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="compare"] .chart canvas').count()).toBeGreaterThanOrEqual(3);
    await page.waitForTimeout(700); // let the charts finish their entry animation
    await screenshot(page, 'compare-zh-1440');
    expectClean(watched);
  });

  it('compares the projects a URL filter leaves, and opens a project’s report on a click', async () => {
    const city = '株洲市';
    const watched = await openCompare(`&cdim=project&city=${encodeURIComponent(city)}`);
    const { page } = watched;
    const inCity = readCsv(dataDir, 'reports').filter((r) => r.city === city);
    const projects = byBudget(inCity, 'project');
    expect(projects).toHaveLength(4); // ≤ 6: all of them by default
    expect(await headerItems(page)).toEqual(projects);
    expect(await page.locator('[data-filter="city"] .multi-select-value').innerText()).toBe(city);
    await page.waitForTimeout(700);
    await screenshot(page, 'compare-projects-zh-1440');
    const last = inCity.find((r) => r.project === projects.at(-1))!;
    await page.locator(`th[data-item="${last.project}"] .compare-item`).click();
    await page.waitForURL((url) => url.searchParams.get('view') === 'report');
    expect(new URL(page.url()).searchParams.get('report')).toBe(last.report_id);
    expectClean(watched);
  });

  it('keeps the chosen items in the URL; the picker adds one; a city name toggles the city filter', async () => {
    const projects = byBudget(readCsv(dataDir, 'reports'), 'project');
    const chosen = [projects[0], projects[2]];
    const watched = await openCompare(`&cdim=project${chosen.map((p) => `&cmp=${encodeURIComponent(p)}`).join('')}`);
    const { page } = watched;
    expect(await headerItems(page)).toEqual(chosen);
    await page.locator('[data-filter="compare-items"] .multi-select-button').click();
    await page.getByRole('option', { name: projects[1] }).locator('input').check();
    await page.waitForFunction((count) => document.querySelectorAll('[data-testid="compare-table"] thead th[data-item]').length === count, 3);
    expect(new URL(page.url()).searchParams.getAll('cmp')).toEqual([...chosen, projects[1]]);
    expect(await headerItems(page)).toEqual(projects.slice(0, 3)); // columns in 全年预算 order

    await page.locator('[data-dimension="city"]').click();
    await page.locator('th[data-item="益阳市"] .compare-item').click();
    await page.waitForURL((url) => url.searchParams.get('city') === '益阳市');
    const url = new URL(page.url());
    expect(url.searchParams.get('cdim')).toBeNull();
    expect(url.searchParams.getAll('cmp')).toEqual([]);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="compare-table"] thead th[data-item]').length === 1);
    expect(await cells(page, 'budget-adjusted')).toEqual([formatMoney(expectedFigures(dataDir, (r) => r.city === '益阳市').budgetAdjusted, 'zh')]);
    expectClean(watched);
  });

  it('speaks English', async () => {
    const english = await openCompare('&lang=en&cdim=fund');
    const funds = byBudget(readCsv(dataDir, 'reports'), 'fund');
    expect(await headerItems(english.page)).toEqual(funds);
    expect(await cells(english.page, 'budget-adjusted')).toEqual(
      funds.map((fund) => formatMoney(expectedFigures(dataDir, (r) => r.fund === fund).budgetAdjusted, 'en', tableMoneyScale('en'))));
    expect(await english.page.locator('[data-testid="compare-table"] tbody th[scope="colgroup"]').first().innerText()).toBe('Budget execution');
    await english.page.waitForTimeout(700);
    await screenshot(english.page, 'compare-en-1440');
    expectClean(english);
  });

  it.each(['zh', 'en'] as const)('fits a phone screen (%s)', async (lang) => {
    const watched = await openCompare(lang === 'en' ? '&lang=en' : '', 390);
    await watched.page.waitForTimeout(700);
    const overflow = await watched.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(watched.page, `compare-${lang}-390`);
    expectClean(watched);
  });
});
