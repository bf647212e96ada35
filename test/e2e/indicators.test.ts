/**
 * 指标完成 in the production build: figures computed straight from data/*.csv (papaparse, not
 * the query modules), a URL filter, clicks from the charts and the list, both languages and a
 * phone screen.
 */
import { afterEach, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectClean, openPage, screenshot, useBrowser, type WatchedPage } from './browser.ts';
import { readCsv, type Row } from './expected-figures.ts';

const siteUrl = inject('siteUrl');
const dataDir = inject('dataDir');
const browser = useBrowser();
// Each page runs its own DuckDB worker: close it when its test ends, so later tests get the CPU.
const opened: Page[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((page) => page.context().close()));
});

const num = (text: string | undefined) => (text == null || text.trim() === '' ? null : Number(text));

/** Status counts and the misses/deductions list, by the rules the view states, from the CSVs. */
function expected(keepReport: (r: Row) => boolean = () => true) {
  const ids = new Set(readCsv(dataDir, 'reports').filter(keepReport).map((r) => r.report_id));
  const indicators = readCsv(dataDir, 'indicators').filter((i) => ids.has(i.report_id));
  const count = (status: string) => indicators.filter((i) => i.status === status).length;
  const misses = indicators.filter((i) => {
    const weight = num(i.group_weight) ?? num(i.weight);
    const score = num(i.group_score) ?? num(i.score);
    const groupLeader = !i.group_id || num(i.weight) != null;
    return i.status === 'not_met' || i.status === 'partial' || (weight != null && score != null && score < weight && groupLeader);
  });
  return {
    total: indicators.length,
    met: count('met'), partial: count('partial'), notMet: count('not_met'), claimed: count('claimed'), unknown: count('unknown'),
    misses,
    withoutReason: misses.filter((i) => !i.deviation).length,
  };
}

const figure = (page: Page, id: string) => page.locator(`[data-figure="${id}"] .ind-figure-value`).innerText();
const items = (n: number) => `${n} 项`;

async function openIndicators(search = '', width = 1440): Promise<WatchedPage> {
  const watched = await openPage(browser(), siteUrl, width);
  opened.push(watched.page);
  await watched.page.goto(`${siteUrl}?view=indicators${search}`);
  await watched.page.locator('[data-testid="indicators"][data-source="live"]').waitFor({ timeout: 30_000 });
  await watched.page.locator('[data-testid="chart-achievement"] canvas').first().waitFor();
  await watched.page.locator('[data-testid="indicator-misses"][aria-busy="false"]').waitFor();
  return watched;
}

/** Clicks a point of a chart's canvas, given as fractions of its width and pixels from its top. */
async function clickChart(page: Page, testId: string, xFraction: number, y: number) {
  const box = (await page.locator(`[data-testid="${testId}"] canvas`).first().boundingBox())!;
  await page.mouse.click(box.x + box.width * xFraction, box.y + y);
}

describe('indicators view (production build under a sub-path)', () => {
  it('shows the status counts and the misses a leader must see, from live queries', async () => {
    const watched = await openIndicators();
    const { page } = watched;
    const all = expected();
    expect(all).toMatchObject({ total: 60, met: 27, partial: 0, notMet: 1, claimed: 23, unknown: 9 }); // the data this test was written for
    expect(await figure(page, 'total')).toBe(items(all.total));
    expect(await figure(page, 'met')).toBe(items(all.met));
    expect(await figure(page, 'partial')).toBe(items(all.partial));
    expect(await figure(page, 'not_met')).toBe(items(all.notMet));
    expect(await figure(page, 'claimed')).toBe(items(all.claimed));
    expect(await figure(page, 'unknown')).toBe(items(all.unknown));
    // Each status says what it means where it is shown.
    expect(await page.locator('[data-figure="claimed"]').getAttribute('title')).toBe('实际值只重复目标或称已完成，没有可核实的数字');
    expect(await figure(page, 'without-reason')).toBe(items(all.withoutReason));
    expect(await page.locator('.ind-grid canvas').count()).toBe(4);

    const rows = page.getByTestId('miss-row');
    expect(await rows.count()).toBe(all.misses.length);
    const salons = rows.filter({ hasText: '10场企业家沙龙' });
    expect(await salons.innerText()).toContain('未达成却得满分'); // 6 of 10 held, 20 of 20 points
    expect(await salons.locator('[data-column="weight"]').innerText()).toContain('20 分');
    expect(await rows.filter({ hasText: '规模以上工业增加值' }).locator('[data-column="score"]').innerText()).toContain('扣 1 分');
    expect(await page.getByTestId('no-reason').count()).toBe(all.withoutReason);
    await page.waitForTimeout(700); // let the charts finish their entry animation
    await screenshot(page, 'indicators-zh-1440');
    expectClean(watched);
  });

  it('applies a filter set through the URL', async () => {
    const city = '益阳市';
    const watched = await openIndicators(`&city=${encodeURIComponent(city)}`);
    const { page } = watched;
    const yiyang = expected((r) => r.city === city);
    await page.waitForFunction(
      (text) => document.querySelector('[data-figure="total"] .ind-figure-value')?.textContent === text,
      items(yiyang.total),
    );
    expect(await figure(page, 'met')).toBe(items(yiyang.met));
    expect(await page.getByTestId('miss-row').count()).toBe(yiyang.misses.length);
    expect(await page.locator('[data-filter="city"] .multi-select-value').innerText()).toBe(city);
    expectClean(watched);
  });

  it('toggles the status filter from a status figure and the 一级 filter from its bar', async () => {
    const watched = await openIndicators();
    const { page } = watched;
    await page.locator('button[data-figure="not_met"]').click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('status') === 'not_met');
    await page.locator('button[data-figure="not_met"][aria-pressed="true"]').waitFor();
    await page.waitForFunction(() => document.querySelector('[data-figure="total"] .ind-figure-value')?.textContent === '1 项');
    await page.locator('button[data-figure="not_met"]').click();
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('status'));

    // The first bar of the 一级 chart is 产出指标, the largest: its middle is well inside the bar.
    await page.waitForTimeout(700);
    await clickChart(page, 'chart-status-by-level1', 0.6, 36 + 23);
    await page.waitForFunction(() => new URL(location.href).searchParams.get('level1') === '产出指标');
    const outputs = readCsv(dataDir, 'indicators').filter((i) => i.level1 === '产出指标').length;
    await page.waitForFunction((text) => document.querySelector('[data-figure="total"] .ind-figure-value')?.textContent === text, items(outputs));
    expectClean(watched);
  });

  it('opens the report of a missed indicator and of a project bar', async () => {
    const watched = await openIndicators();
    const { page } = watched;
    const first = expected().misses[0];
    await page.getByTestId('miss-row').filter({ hasText: first.level3 }).click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('view') === 'report');
    expect(new URL(page.url()).searchParams.get('report')).toBe(first.report_id);

    await page.goBack();
    await page.locator('[data-testid="chart-status-by-project"] canvas').first().waitFor();
    await page.waitForTimeout(700);
    // Projects are in pinyin order: the first bar is 产业链专项's report.
    await clickChart(page, 'chart-status-by-project', 0.45, 36 + 18);
    await page.waitForFunction(() => new URL(location.href).searchParams.get('view') === 'report');
    const chain = readCsv(dataDir, 'reports').find((r) => r.project === '产业链专项')!;
    expect(new URL(page.url()).searchParams.get('report')).toBe(chain.report_id);
    expectClean(watched);
  });

  it('reads in English', async () => {
    const en = await openIndicators('&lang=en');
    await en.page.locator('h2', { hasText: 'Misses and deductions' }).waitFor();
    expect(await en.page.getByTestId('no-reason').first().innerText()).toBe('No reason given');
    expect(await en.page.locator('button[data-figure="not_met"] .ind-figure-label').innerText()).toBe('Not met');
    await en.page.waitForTimeout(700);
    await screenshot(en.page, 'indicators-en-1440');
    expectClean(en);
  });

  // One page per test: a loaded machine needs most of a test's time for one cold start.
  for (const lang of ['zh', 'en'] as const) {
    it(`fits a phone screen (${lang})`, async () => {
      const watched = await openIndicators(lang === 'en' ? '&lang=en' : '', 390);
      await watched.page.waitForTimeout(700);
      const overflow = await watched.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await screenshot(watched.page, `indicators-${lang}-390`);
      expectClean(watched);
    });
  }
});
