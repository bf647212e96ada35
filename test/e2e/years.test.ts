/**
 * Years side by side (issue 20, item 1) in the browser: a two-year dataset (test/lib/two-year-
 * fixture.ts) opened with ?data=; with one year chosen, each key figure says how it changed
 * against the year before, hand-computed from the fixture, with that year's value on hover.
 */
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { writeTwoYearDataset } from '../lib/two-year-fixture.ts';
import { expectClean, openPage, screenshot, useBrowser } from './browser.ts';

const siteUrl = inject('siteUrl');
const distDir = inject('distDir');
const browser = useBrowser();

describe('years side by side', () => {
  writeTwoYearDataset(join(distDir, 'e2e', 'two-years'));

  for (const [lang, width] of [['zh', 1440], ['en', 390]] as const) {
    it(`shows each key figure against the year before (${lang}, ${width} px)`, async () => {
      const watched = await openPage(browser(), siteUrl, width);
      const { page } = watched;
      await page.goto(`${siteUrl}?data=e2e/two-years/&year=2022${lang === 'en' ? '&lang=en' : ''}`);
      await page.locator('[data-testid="overview"][data-source="live"]').waitFor({ timeout: 60_000 });
      const delta = (figure: string) => page.locator(`[data-figure="${figure}"] .key-figure-delta`);
      await delta('budget-adjusted').waitFor({ timeout: 30_000 });
      // 全年预算 was 80 % of this year's in 2021: +25.0 %; the same five reports both years.
      expect(await delta('budget-adjusted').innerText()).toBe(lang === 'zh' ? '比 2021 年 +25.0%' : 'vs 2021: +25.0%');
      expect(await delta('reports').innerText()).toBe(lang === 'zh' ? '比 2021 年 ±0' : 'vs 2021: ±0');
      expect(await delta('reports').getAttribute('title')).toBe(lang === 'zh' ? '2021 年：5' : '2021: 5');
      await screenshot(page, `years-overview-${lang}-${width}`);
      // Both years in scope: no single year to compare.
      await page.goto(`${siteUrl}?data=e2e/two-years/${lang === 'en' ? '&lang=en' : ''}`);
      await page.locator('[data-testid="overview"][data-source="live"]').waitFor({ timeout: 60_000 });
      expect(await page.locator('[data-figure="reports"] .key-figure-value').innerText()).toBe('10');
      expect(await page.locator('.key-figure-delta').count()).toBe(0);
      expectClean(watched);
      await page.context().close();
    }, 120_000);
  }

  it('draws the budget, indicator and score views\' measures by year, for all and for each chosen city', async () => {
    const watched = await openPage(browser(), siteUrl);
    const { page } = watched;
    for (const [view, measure] of [['budget', 'execution_rate'], ['indicators', 'share_met'], ['scores', 'mean_score']] as const) {
      await page.goto(`${siteUrl}?data=e2e/two-years/&view=${view}&year=2022&city=株洲市`);
      const card = page.getByTestId(`chart-year-trend-${measure}`);
      await card.locator('canvas, svg').first().waitFor({ timeout: 60_000 });
      // Two lines: all reports and 株洲市 (the year filter left aside: 2021 and 2022 both drawn).
      expect(await card.getAttribute('aria-busy')).toBe('false');
    }
    await screenshot(page, 'years-scores-trend-zh-1440');
    // One year in the data: no trend card.
    await page.goto(`${siteUrl}?view=budget`);
    await page.getByTestId('chart-budget-compare').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('chart-year-trend-execution_rate').count()).toBe(0);
    expectClean(watched);
    await page.context().close();
  }, 180_000);

  it('links a report to the same project\'s other years', async () => {
    const watched = await openPage(browser(), siteUrl);
    const { page } = watched;
    const id = '000_4b75f8664dbcb524';
    await page.goto(`${siteUrl}?data=e2e/two-years/&view=report&report=${id}`);
    const years = page.getByTestId('report-years');
    await years.waitFor({ timeout: 60_000 });
    const link = years.locator(`[data-report-id="y21_${id}"]`);
    expect(await link.innerText()).toMatch(/^2021 年（自评 [\d.]+ 分，执行率 [\d.]+%）$/);
    await screenshot(page, 'years-report-links-zh-1440');
    await link.click();
    await page.locator(`[data-testid="report"][data-report="y21_${id}"]`).waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('report-years').locator(`[data-report-id="${id}"]`).innerText()).toMatch(/^2022 年/);
    expectClean(watched);
    await page.context().close();
  }, 120_000);
});
