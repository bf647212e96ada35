/**
 * 预算执行 in the production build: figures computed straight from data/*.csv (papaparse, not
 * the query modules), a URL filter, clicks from bars and the table, sorting, both languages and
 * a phone screen.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { formatAdjustment } from '../../src/features/budget/budget-adjustments-option.ts';
import { formatMoney, formatPercent } from '../../src/lib/format.ts';
import { expectClean, openPage, screenshot, useBrowser, type WatchedPage } from './browser.ts';
import { readCsv, type Row } from './expected-figures.ts';

const siteUrl = inject('siteUrl');
const dataDir = inject('dataDir');
const browser = useBrowser();

const num = (text: string | undefined) => (text == null || text.trim() === '' ? null : Number(text));
const sum = (rows: Row[], column: string) => rows.reduce((total, r) => total + (num(r[column]) ?? 0), 0);

function expected(keep: (r: Row) => boolean = () => true) {
  const rows = readCsv(dataDir, 'reports').filter(keep);
  const both = rows.filter((r) => num(r.budget_initial) != null && num(r.budget_adjusted) != null);
  const changes = both.map((r) => ({ report: r, change: num(r.budget_adjusted)! - num(r.budget_initial)! }));
  return {
    rows,
    budgetInitial: sum(rows, 'budget_initial'),
    budgetAdjusted: sum(rows, 'budget_adjusted'),
    executed: sum(rows, 'executed'),
    cuts: changes.filter((c) => c.change < -0.005),
  };
}

const figure = (page: Page, id: string) => page.locator(`[data-figure="${id}"] .key-figure-value`).innerText();

async function openBudget(search = '', width = 1440): Promise<WatchedPage> {
  const watched = await openPage(browser(), siteUrl, width);
  await watched.page.goto(`${siteUrl}?view=budget${search}`);
  await watched.page.locator('[data-testid="budget"][data-source="live"]').waitFor({ timeout: 30_000 });
  await watched.page.locator('[data-testid="chart-budget-compare"] canvas').first().waitFor();
  await watched.page.waitForTimeout(700); // let the charts finish their entry animation
  return watched;
}

/**
 * Clicks the first bar met along a vertical line through a chart, found by hovering: ECharts
 * shows a pointer over clickable bars. (The canvas has no DOM per bar to aim at.)
 */
async function clickFirstBar(page: Page, chart: Locator, xFraction: number): Promise<void> {
  await chart.locator('canvas').first().waitFor();
  await page.waitForTimeout(700); // the bars grow in: aim at them once they are in place
  const box = (await chart.locator('canvas').first().boundingBox())!;
  const x = box.x + box.width * xFraction;
  for (let y = box.y + 40; y < box.y + box.height - 4; y += 3) {
    await page.mouse.move(x, y);
    const pointer = await chart.locator('canvas').first().evaluate((canvas) =>
      getComputedStyle(canvas).cursor === 'pointer' || getComputedStyle(canvas.parentElement!).cursor === 'pointer');
    if (pointer) {
      await page.mouse.click(x, y);
      return;
    }
  }
  throw new Error('no bar found to click');
}

describe('budget view (production build under a sub-path)', () => {
  it('shows 年初, 全年 and 执行 of the data, both rates and the in-year cuts, in Chinese', async () => {
    const watched = await openBudget();
    const { page } = watched;
    const all = expected();
    expect(all.budgetAdjusted).toBeCloseTo(4410.88, 6); // issue 3's check figure
    expect(await figure(page, 'budget-initial')).toBe(formatMoney(all.budgetInitial, 'zh'));
    expect(await figure(page, 'budget-adjusted')).toBe(formatMoney(all.budgetAdjusted, 'zh'));
    expect(await figure(page, 'executed')).toBe(formatMoney(all.executed, 'zh'));
    expect(await figure(page, 'rate-adjusted')).toBe(formatPercent(all.executed / all.budgetAdjusted, 'zh'));
    expect(await figure(page, 'rate-initial')).toBe(formatPercent(all.executed / all.budgetInitial, 'zh'));
    const net = all.budgetAdjusted - all.budgetInitial;
    expect(net).toBeLessThan(0); // Yiyang's cut, 752 → 593.04
    expect(await figure(page, 'adjustment')).toBe(`−${formatMoney(-net, 'zh')}`);
    expect(await page.locator('[data-figure="adjustment"] .key-figure-hint').first().innerText())
      .toBe(`占年初 −${formatPercent(-net / all.budgetInitial, 'zh')}`);
    expect(await page.locator('.tab[aria-current="page"]').innerText()).toBe('预算执行');

    // One table row per report; each cut shows its amount and its percentage of 年初.
    const table = page.getByTestId('budget-projects');
    expect(await table.locator('tbody tr').count()).toBe(all.rows.length);
    expect(all.cuts.length).toBeGreaterThan(0);
    for (const { report, change } of all.cuts) {
      const row = table.locator(`tr[data-report="${report.report_id}"]`);
      expect(await row.locator('.budget-cut').innerText()).toBe(formatAdjustment(change, change / num(report.budget_initial)!, 'zh'));
    }
    expect(await table.locator('tfoot').innerText()).toContain(formatMoney(all.budgetAdjusted, 'zh'));
    expect(await page.getByTestId('budget-sources').locator('tbody tr').first().innerText()).toContain('当年财政拨款');
    for (const id of ['chart-budget-compare', 'chart-budget-rates', 'chart-budget-adjustments']) {
      expect(await page.getByTestId(id).locator('canvas').count(), id).toBeGreaterThan(0);
    }
    await screenshot(page, 'budget-zh-1440');
    expectClean(watched);
  });

  it('applies a city filter set through the URL', async () => {
    const city = '益阳市';
    const watched = await openBudget(`&city=${encodeURIComponent(city)}`);
    const { page } = watched;
    const only = expected((r) => r.city === city);
    await page.waitForFunction(
      ([text]) => document.querySelector('[data-figure="budget-initial"] .key-figure-value')?.textContent === text,
      [formatMoney(only.budgetInitial, 'zh')] as const,
    );
    expect(await figure(page, 'budget-adjusted')).toBe(formatMoney(only.budgetAdjusted, 'zh'));
    expect(await figure(page, 'rate-initial')).toBe(formatPercent(only.executed / only.budgetInitial, 'zh'));
    expect(await page.getByTestId('budget-projects').locator('tbody tr').count()).toBe(only.rows.length);
    expect(await page.locator('[data-filter="city"] .multi-select-value').innerText()).toBe(city);
    expectClean(watched);
  });

  it('selects the reports that name no department from the filter bar, and the link keeps it', async () => {
    const watched = await openBudget();
    const { page } = watched;
    await page.locator('[data-filter="department"] .multi-select-button').click();
    await page.getByRole('option', { name: /（空白）/ }).locator('input').check();
    await page.waitForFunction(() => new URL(location.href).searchParams.has('department'));
    expect(new URL(page.url()).searchParams.getAll('department')).toEqual(['']);
    const blank = expected((r) => r.department.trim() === '');
    expect(blank.rows.length).toBeGreaterThan(0); // the bundled data has such a report (003)
    await page.waitForFunction(
      ([text]) => document.querySelector('[data-figure="budget-adjusted"] .key-figure-value')?.textContent === text,
      [formatMoney(blank.budgetAdjusted, 'zh')] as const,
    );
    expect(await page.locator('[data-filter="department"] .multi-select-value').innerText()).toBe('（空白）');

    const copied = await openBudget(`&department=&lang=en`);
    await copied.page.waitForFunction(
      ([text]) => document.querySelector('[data-figure="budget-adjusted"] .key-figure-value')?.textContent === text,
      [formatMoney(blank.budgetAdjusted, 'en')] as const,
    );
    expect(await copied.page.locator('[data-filter="department"] .multi-select-value').innerText()).toBe('(blank)');
    expectClean(watched);
    expectClean(copied);
    await copied.page.context().close();
  });

  it('toggles the city filter from a bar, and opens a report from a project bar or name', async () => {
    const watched = await openBudget();
    const { page } = watched;
    await clickFirstBar(page, page.getByTestId('chart-budget-compare'), 0.45);
    await page.waitForFunction(() => new URL(location.href).searchParams.getAll('city').length === 1);
    const city = new URL(page.url()).searchParams.get('city')!;
    const only = expected((r) => r.city === city);
    await page.waitForFunction(
      ([text]) => document.querySelector('[data-figure="budget-adjusted"] .key-figure-value')?.textContent === text,
      [formatMoney(only.budgetAdjusted, 'zh')] as const,
    );
    await page.goBack();
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('city'));
    await page.waitForFunction(
      ([text]) => document.querySelector('[data-figure="budget-adjusted"] .key-figure-value')?.textContent === text,
      [formatMoney(expected().budgetAdjusted, 'zh')] as const,
    );

    // The adjustment chart holds the cut projects only: its bar opens the first cut's report.
    await clickFirstBar(page, page.getByTestId('chart-budget-adjustments'), 0.4);
    await page.waitForFunction(() => new URL(location.href).searchParams.get('view') === 'report');
    expect(new URL(page.url()).searchParams.get('report')).toBe(expected().cuts.sort((a, b) => a.change - b.change)[0].report.report_id);
    await page.goBack();
    await page.locator('[data-testid="budget"]').waitFor();

    // Grouped by project, a bar of the budget chart opens its report too.
    await page.locator('.budget-segment[data-dim="project"]').click();
    await page.locator('[data-testid="budget"][data-dimension="project"][data-source="live"]').waitFor();
    expect(new URL(page.url()).searchParams.get('bdim')).toBe('project');
    await page.waitForTimeout(700);
    await screenshot(page, 'budget-project-zh-1440');
    await clickFirstBar(page, page.getByTestId('chart-budget-compare'), 0.4);
    await page.waitForFunction(() => new URL(location.href).searchParams.get('view') === 'report');
    const largest = [...expected().rows].sort((a, b) => num(b.budget_adjusted)! - num(a.budget_adjusted)!)[0];
    expect(new URL(page.url()).searchParams.get('report')).toBe(largest.report_id);
    await page.goBack();

    // And so does a project's name in the table.
    const yiyang = expected((r) => r.city === '益阳市').rows[0];
    await page.getByTestId('budget-projects').locator(`tr[data-report="${yiyang.report_id}"] .budget-link`).click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('view') === 'report');
    expect(new URL(page.url()).searchParams.get('report')).toBe(yiyang.report_id);
    expectClean(watched);
  });

  it('sorts the project table by DuckDB, the order kept in the URL', async () => {
    const watched = await openBudget();
    const { page } = watched;
    const table = page.getByTestId('budget-projects');
    await table.locator('th button', { hasText: '执行率（年初）' }).click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('bsort') === 'execution_rate_initial');
    const lowest = [...expected().rows]
      .sort((a, b) => num(a.executed)! / num(a.budget_initial)! - num(b.executed)! / num(b.budget_initial)!)[0];
    await table.locator(`tbody tr:first-child[data-report="${lowest.report_id}"]`).waitFor();
    expect(await table.locator('th[aria-sort="ascending"]').innerText()).toContain('执行率（年初）');
    expectClean(watched);
  });

  it('reads in English', async () => {
    const watched = await openBudget('&lang=en');
    const { page } = watched;
    const all = expected();
    expect(await figure(page, 'budget-adjusted')).toBe(formatMoney(all.budgetAdjusted, 'en'));
    expect(await figure(page, 'executed')).toBe(formatMoney(all.executed, 'en'));
    expect(await page.locator('.tab[aria-current="page"]').innerText()).toBe('Budget');
    expect(await page.getByTestId('budget-projects').locator('thead').innerText()).toContain('Rate (initial)');
    await screenshot(page, 'budget-en-1440');
    expectClean(watched);
  });

  it('fits a phone screen, in both languages', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const watched = await openBudget(lang === 'en' ? '&lang=en' : '', 390);
      const overflow = await watched.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      // The funding sources' six columns do not fit: their table scrolls inside its card, and the
      // container carries the edge shadow that says more columns lie to the right (.scroll-x).
      const sources = watched.page.getByTestId('budget-sources').locator('xpath=..');
      const box = await sources.evaluate((el) => ({ scroll: el.scrollWidth - el.clientWidth, overflow: getComputedStyle(el).overflowX, shade: getComputedStyle(el).backgroundImage }));
      expect(box.scroll).toBeGreaterThan(0);
      expect(box.overflow).toBe('auto');
      expect(box.shade).toContain('radial-gradient');
      await screenshot(watched.page, `budget-${lang}-390`);
      expectClean(watched);
    }
  });
});
