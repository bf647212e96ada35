/**
 * The explorer in the production build: figures computed straight from data/*.csv with papaparse;
 * switching tables, a filter of each kind, sorting, grouping by city with a drill-down, hiding a
 * column, the filter bar, a row opening its report, English, and a phone screen.
 */
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, screenshot, useBrowser, type WatchedPage } from './browser.ts';
import { readCsv, type Row } from './expected-figures.ts';

const siteUrl = inject('siteUrl');
const dataDir = inject('dataDir');
const browser = useBrowser();

const reports = readCsv(dataDir, 'reports');
const indicators = readCsv(dataDir, 'indicators');
const findings = readCsv(dataDir, 'findings');
const cityOf = new Map(reports.map((r) => [r.report_id, r.city]));
const zhNumber = (n: number) => n.toLocaleString('zh-CN', { maximumFractionDigits: 2 });
/** Money in a table column: 万元 with two decimals, as Intl writes it. */
const zhMoney = (n: number) => `${n.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 万元`;
const rangeText = (total: number, size = 20) => `第 1–${Math.min(size, total)} 条，共 ${zhNumber(total)} 条`;

const rowsOf = (page: Page) => page.locator('[data-testid="explorer-table"] tbody tr');
const cell = (page: Page, row: number, column: string) => rowsOf(page).nth(row).locator(`td[data-column="${column}"]`).innerText();
const searchParam = (page: Page, name: string) => new URL(page.url()).searchParams.getAll(name);

async function openExplorer(search = '', width = 1440): Promise<WatchedPage> {
  const watched = await openPage(browser(), siteUrl, width);
  await watched.page.goto(`${siteUrl}?view=explorer${search}`);
  await watched.page.locator('[data-testid="explorer"][data-source="live"]').waitFor({ timeout: 30_000 });
  await watched.page.locator('[data-testid="explorer-table"][aria-busy="false"]').waitFor();
  return watched;
}

/** Waits until the table shows `text` as its row count and the page's rows have landed. */
async function waitForCount(page: Page, text: string): Promise<void> {
  await page.waitForFunction((t) => document.querySelector('[data-testid="table-count"]')?.textContent === t, text);
  await page.locator('[data-testid="explorer-table"][aria-busy="false"]').waitFor();
}

async function done({ page, consoleErrors, foreignRequests }: WatchedPage): Promise<void> {
  expect(consoleErrors).toEqual([]);
  expect(foreignRequests).toEqual([]);
  await page.context().close();
}

describe('explorer view (production build under a sub-path)', () => {
  it('shows the reports with units, blanks as —, and the long text hidden', async () => {
    const watched = await openExplorer();
    const { page } = watched;
    expect(await page.getByTestId('table-count').innerText()).toBe(rangeText(reports.length));
    expect(await page.getByTestId('explorer-summary').innerText()).toContain(`报告 · 共 ${reports.length} 行`);
    expect(await rowsOf(page).count()).toBe(reports.length);
    const first = reports[0]; // the default order is by report id, as in the CSV
    expect(await cell(page, 0, 'project')).toBe(first.project);
    expect(await cell(page, 0, 'budget_adjusted')).toBe(zhMoney(Number(first.budget_adjusted)));
    expect(await cell(page, 0, 'execution_rate')).toBe(`${(Number(first.execution_rate) * 100).toFixed(1)}%`);
    const blankDepartment = reports.findIndex((r) => r.department === '');
    expect(await cell(page, blankDepartment, 'department')).toBe('—');
    expect(await page.locator('th[data-column="goal_target"]').count()).toBe(0);
    await screenshot(page, 'explorer-zh-1440');
    await done(watched);
  });

  it('switches tables and filters a choice, a text search and a number range in SQL', async () => {
    const watched = await openExplorer();
    const { page } = watched;
    await page.locator('.explorer-table-button[data-table="indicators"]').click();
    await waitForCount(page, rangeText(indicators.length));
    expect(searchParam(page, 'xt')).toEqual(['indicators']);
    expect(await cell(page, 0, 'report_project')).toBe(reports.find((r) => r.report_id === indicators[0].report_id)!.project);

    const notMet = indicators.filter((i) => i.status === 'not_met');
    await page.locator('select[data-filter="status"]').selectOption('not_met');
    await waitForCount(page, rangeText(notMet.length));
    expect(searchParam(page, 'xc.status')).toEqual(['not_met']);
    expect(await cell(page, 0, 'level3')).toBe(notMet[0].level3);
    expect(await cell(page, 0, 'status')).toBe('未达成');
    await page.locator('[data-chip="status"]').click();
    await waitForCount(page, rangeText(indicators.length));

    const satisfaction = indicators.filter((i) => i.level3.includes('满意'));
    await page.locator('input[data-filter="level3"]').fill('满意');
    await page.locator('input[data-filter="level3"]').press('Enter');
    await waitForCount(page, rangeText(satisfaction.length));
    expect(searchParam(page, 'xs.level3')).toEqual(['满意']);

    await page.locator('[data-chip="level3"]').click();
    await waitForCount(page, rangeText(indicators.length));
    expect(await page.locator('input[data-filter="level3"]').inputValue()).toBe('');

    const weighty = indicators.filter((i) => i.score !== '' && Number(i.score) >= 12 && Number(i.score) <= 20);
    await page.locator('input[data-filter="score.min"]').fill('12');
    await page.locator('input[data-filter="score.max"]').fill('20');
    await page.locator('input[data-filter="score.max"]').press('Enter');
    await waitForCount(page, rangeText(weighty.length));
    expect([searchParam(page, 'xmin.score'), searchParam(page, 'xmax.score')]).toEqual([['12'], ['20']]);
    expect(await page.locator('[data-chip="score"]').innerText()).toContain('得分：12–20');
    await screenshot(page, 'explorer-indicators-zh-1440');
    await done(watched);
  });

  it('sorts in DuckDB when a header is clicked, and keeps the order in the URL', async () => {
    const watched = await openExplorer();
    const { page } = watched;
    const byBudget = [...reports].sort((a, b) => Number(a.budget_adjusted) - Number(b.budget_adjusted));
    const firstProject = (name: string) =>
      page.waitForFunction((n) => document.querySelector('tbody tr td[data-column="project"]')?.textContent === n, name);
    await page.locator('th[data-column="budget_adjusted"] button').click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('xsort') === 'budget_adjusted');
    await firstProject(byBudget[0].project);
    expect(await page.locator('th[data-column="budget_adjusted"]').getAttribute('aria-sort')).toBe('ascending');
    await page.locator('th[data-column="budget_adjusted"] button').click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('xsort') === '-budget_adjusted');
    await firstProject(byBudget.at(-1)!.project);
    expect(await page.locator('th[data-column="budget_adjusted"]').getAttribute('aria-sort')).toBe('descending');
    await done(watched);
  });

  it('groups by city with counts and sums, and a click drills down into the group', async () => {
    const watched = await openExplorer();
    const { page } = watched;
    await page.getByTestId('explorer-group').selectOption('city');
    const cities = [...new Set(reports.map((r) => r.city))];
    await waitForCount(page, rangeText(cities.length));
    expect(searchParam(page, 'xg')).toEqual(['city']);
    const zhuzhou = reports.filter((r) => r.city === '株洲市');
    const sum = (rows: Row[], column: string) => rows.reduce((total, r) => total + Number(r[column]), 0);
    expect(await cell(page, 0, 'city')).toBe('株洲市');
    expect(await cell(page, 0, 'row_count')).toBe(String(zhuzhou.length));
    expect(await cell(page, 0, 'budget_initial')).toBe(zhMoney(sum(zhuzhou, 'budget_initial')));
    expect(await page.locator('th[data-column="budget_initial"]').innerText()).toContain('年初预算（合计）');
    await screenshot(page, 'explorer-grouped-zh-1440');

    await rowsOf(page).nth(1).click(); // 益阳市
    const yiyang = reports.filter((r) => r.city === '益阳市');
    await waitForCount(page, rangeText(yiyang.length));
    expect(searchParam(page, 'xg')).toEqual([]);
    expect(searchParam(page, 'xc.city')).toEqual(['益阳市']);
    expect(await cell(page, 0, 'project')).toBe(yiyang[0].project);
    expect(await page.locator('[data-chip="city"]').innerText()).toContain('城市：益阳市');
    await done(watched);
  });

  it('hides a column, the link keeps it hidden, and the export leaves it out', async () => {
    const watched = await openExplorer();
    const { page } = watched;
    await page.locator('.data-table-columns summary').click();
    await page.locator('.data-table-columns input[data-column="fund"]').uncheck();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('xhide')?.split(',').includes('fund'));
    expect(await page.locator('th[data-column="fund"]').count()).toBe(0);
    await page.reload();
    await page.locator('[data-testid="explorer"][data-source="live"]').waitFor();
    expect(await page.locator('th[data-column="fund"]').count()).toBe(0);
    expect(await page.locator('th[data-column="city"]').count()).toBe(1);

    // The export holds the table as shown: every matching row, the visible columns, raw values.
    await page.locator('[data-testid="explorer-export"] summary').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="explorer-export"] [data-format="csv"]').click()]);
    expect(download.suggestedFilename()).toMatch(/^数据浏览-报告-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = Papa.parse<Row>(readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
    expect(csv.data.length).toBe(reports.length);
    // Headers as the page names the columns (全年预算), the hidden one (专项资金) left out.
    expect(csv.meta.fields).toContain('全年预算');
    expect(csv.meta.fields).not.toContain('专项资金');
    expect(csv.data.map((r) => r['全年预算'])).toEqual(reports.map((r) => r.budget_adjusted));
    await done(watched);
  });

  it('applies the filter bar through the report, and a row opens its report', async () => {
    const yiyangFindings = findings.filter((f) => cityOf.get(f.report_id) === '益阳市');
    const watched = await openExplorer(`&xt=findings&city=${encodeURIComponent('益阳市')}`);
    const { page } = watched;
    await waitForCount(page, rangeText(yiyangFindings.length));
    await rowsOf(page).first().click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('view') === 'report');
    expect(searchParam(page, 'report')).toEqual([yiyangFindings[0].report_id]);
    expect(await page.locator('.tab[aria-current="page"]').getAttribute('data-view')).toBe('report');
    await done(watched);
  });

  it('reads in English', async () => {
    const watched = await openExplorer('&lang=en');
    const { page } = watched;
    await waitForCount(page, `1–${reports.length} of ${reports.length} rows`);
    expect(await page.locator('th[data-column="budget_adjusted"]').innerText()).toContain('Adjusted budget');
    expect(await cell(page, 0, 'budget_adjusted')).toMatch(/^CNY [\d.,]+ M$/);
    expect(await page.locator('.explorer-table-button[data-table="budget_lines"]').innerText()).toBe('Budget lines');
    await screenshot(page, 'explorer-en-1440');
    await done(watched);
  });

  for (const lang of ['zh', 'en'] as const) {
    it(`fits a phone screen (${lang})`, async () => {
      const watched = await openExplorer(`&xt=indicators${lang === 'en' ? '&lang=en' : ''}`, 390);
      const { page } = watched;
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      // The table scrolls inside its card instead of widening the page.
      expect(await page.locator('.data-table-scroll').evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
      await screenshot(page, `explorer-${lang}-390`);
      await done(watched);
    });
  }
});
