/**
 * The findings view in the production build: figures computed straight from findings.csv and
 * reports.csv with papaparse, the shared data table's sorting and paging through the URL, the
 * filters, a row click to the report, both languages at desktop and phone widths.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, screenshot, useBrowser, type WatchedPage } from './browser.ts';
import { parseFindingParams, renderFinding } from '../../src/lib/findings/messages.ts';
import { readCsv, type Row } from './expected-figures.ts';

const siteUrl = inject('siteUrl');
const dataDir = inject('dataDir');
const browser = useBrowser();

const findings = readCsv(dataDir, 'findings');
const reports = new Map(readCsv(dataDir, 'reports').map((r) => [r.report_id, r]));
const fileOf = (f: Row) => reports.get(f.report_id)!.source_file;
const bySource = [...findings].sort((a, b) => (fileOf(a) < fileOf(b) ? -1 : fileOf(a) > fileOf(b) ? 1 : Number(a.line) - Number(b.line)));
const count = (keep: (f: Row) => boolean) => findings.filter(keep).length;
const zhCount = (n: number) => n.toLocaleString('zh-CN');

const rowsOf = (page: Page) => page.locator('[data-testid="findings-table"] tbody tr');
const countText = (page: Page) => page.getByTestId('table-count').innerText();
const searchParam = (page: Page, name: string) => new URL(page.url()).searchParams.getAll(name);

async function openFindings(search = '', width = 1440): Promise<WatchedPage> {
  const watched = await openPage(browser(), siteUrl, width);
  await watched.page.goto(`${siteUrl}?view=findings${search}`);
  await watched.page.locator('[data-testid="findings"][data-source="live"]').waitFor({ timeout: 30_000 });
  await watched.page.locator('[data-testid="findings-table"][aria-busy="false"]').waitFor();
  await watched.page.locator('[data-testid="chart-findings-codes"] canvas').first().waitFor();
  return watched;
}

/** Waits until the table shows `text` as its row count and the page's rows have landed. */
async function waitForCount(page: Page, text: string): Promise<void> {
  await page.waitForFunction((t) => document.querySelector('[data-testid="table-count"]')?.textContent === t, text);
  await page.locator('[data-testid="findings-table"][aria-busy="false"]').waitFor();
}

/** No console error, nothing fetched from another origin; then the page's context is closed. */
async function done({ page, consoleErrors, foreignRequests }: WatchedPage): Promise<void> {
  expect(consoleErrors).toEqual([]);
  expect(foreignRequests).toEqual([]);
  await page.context().close();
}

describe('findings view (production build under a sub-path)', () => {
  it('shows every finding with counts by severity, from live queries', async () => {
    const watched = await openFindings();
    const { page } = watched;
    const total = findings.length;
    expect(await page.getByTestId('findings-summary').innerText()).toBe(`共 ${zhCount(total)} 条问题，涉及 ${reports.size} 份报告`);
    for (const severity of ['error', 'warning', 'info']) {
      const text = await page.locator(`.severity-toggle[data-severity="${severity}"] .severity-toggle-count`).innerText();
      expect(text).toBe(`${zhCount(count((f) => f.severity === severity))} 条`);
    }
    expect(await countText(page)).toBe(`第 1–20 条，共 ${zhCount(total)} 条`);
    expect(await rowsOf(page).count()).toBe(20);
    // Errors first by default; the 总分 mismatch shows its source line.
    expect(await rowsOf(page).first().locator('.severity-badge').innerText()).toBe('错误');
    expect(await page.locator('th[data-column="severity"]').getAttribute('aria-sort')).toBe('ascending');
    await page.waitForTimeout(600); // chart animation
    await screenshot(page, 'findings-zh-1440');
    await done(watched);
  });

  it('opens on a code from a link (?code=TOTAL_SCORE_MISMATCH) and shows the source lines', async () => {
    const watched = await openFindings('&code=TOTAL_SCORE_MISMATCH');
    const { page } = watched;
    const expected = bySource.filter((f) => f.code === 'TOTAL_SCORE_MISMATCH');
    expect(expected.length).toBe(2);
    await waitForCount(page, `第 1–2 条，共 2 条`);
    const sources = await page.locator('[data-testid="findings-table"] td[data-column="source"]').allInnerTexts();
    expect(sources.map((s) => s.replace(/\s+/g, ' '))).toEqual(expected.map((f) => `${fileOf(f)} 第 ${f.line} 行`));
    expect(await rowsOf(page).first().locator('td[data-column="code"]').innerText()).toBe('总分与计算不符');
    await page.locator('[data-chip="code:TOTAL_SCORE_MISMATCH"]').click();
    await waitForCount(page, `第 1–20 条，共 ${zhCount(findings.length)} 条`);
    expect(searchParam(page, 'code')).toEqual([]);
    await done(watched);
  });

  it('sorts in DuckDB when a header is clicked, and keeps the order in the URL', async () => {
    const watched = await openFindings();
    const { page } = watched;
    const firstSource = async () => (await rowsOf(page).first().locator('td[data-column="source"]').innerText()).replace(/\s+/g, ' ');
    const label = (f: Row) => `${fileOf(f)} 第 ${f.line} 行`;
    await page.locator('th[data-column="source"] button').click();
    await page.waitForFunction((text) => document.querySelector('tbody tr td[data-column="source"]')?.textContent?.includes(text), `第 ${bySource[0].line} 行`);
    expect(searchParam(page, 'fsort')).toEqual(['source']);
    expect(await page.locator('th[data-column="source"]').getAttribute('aria-sort')).toBe('ascending');
    expect(await page.locator('th[data-column="severity"]').getAttribute('aria-sort')).toBe('none');
    expect(await firstSource()).toBe(label(bySource[0]));
    await page.locator('th[data-column="source"] button').click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('fsort') === '-source');
    await page.waitForFunction((text) => document.querySelector('tbody tr td[data-column="source"]')?.textContent?.includes(text), `第 ${bySource.at(-1)!.line} 行`);
    expect(await firstSource()).toBe(label(bySource.at(-1)!));
    expect(await page.locator('th[data-column="source"]').getAttribute('aria-sort')).toBe('descending');
    // Back restores the previous order.
    await page.goBack();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('fsort') === 'source');
    await page.waitForFunction((text) => document.querySelector('tbody tr td[data-column="source"]')?.textContent?.includes(text), `第 ${bySource[0].line} 行`);
    await done(watched);
  });

  it('pages in SQL, with a page-size choice', async () => {
    const watched = await openFindings('&fsort=source');
    const { page } = watched;
    const total = findings.length;
    await page.locator('[data-page="next"]').click();
    await waitForCount(page, `第 21–40 条，共 ${zhCount(total)} 条`);
    expect(searchParam(page, 'fpage')).toEqual(['2']);
    expect(await page.getByTestId('table-page').innerText()).toBe(`第 2 / ${Math.ceil(total / 20)} 页`);
    const line = await rowsOf(page).first().locator('td[data-column="source"]').innerText();
    expect(line.replace(/\s+/g, ' ')).toBe(`${fileOf(bySource[20])} 第 ${bySource[20].line} 行`);
    await page.locator('[data-page="last"]').click();
    await waitForCount(page, `第 41–${total} 条，共 ${zhCount(total)} 条`);
    expect(await rowsOf(page).count()).toBe(total - 40);
    expect(await page.locator('[data-page="next"]').isDisabled()).toBe(true);
    await page.locator('.data-table-page-size select').selectOption('50');
    await waitForCount(page, `第 1–${total} 条，共 ${zhCount(total)} 条`);
    expect(searchParam(page, 'fsize')).toEqual(['50']);
    expect(searchParam(page, 'fpage')).toEqual([]);
    expect(await rowsOf(page).count()).toBe(total);
    await done(watched);
  });

  it('filters by severity and by the filter bar, and hides a column', async () => {
    const city = '益阳市';
    const inCity = count((f) => reports.get(f.report_id)!.city === city);
    const watched = await openFindings(`&city=${encodeURIComponent(city)}`);
    const { page } = watched;
    await waitForCount(page, inCity > 20 ? `第 1–20 条，共 ${inCity} 条` : `第 1–${inCity} 条，共 ${inCity} 条`);
    await page.locator('.severity-toggle[data-severity="warning"]').click();
    const warnings = count((f) => reports.get(f.report_id)!.city === city && f.severity === 'warning');
    await waitForCount(page, `第 1–${Math.min(20, warnings)} 条，共 ${warnings} 条`);
    expect(searchParam(page, 'sev')).toEqual(['warning']);
    expect(await page.locator('.severity-toggle[data-severity="warning"]').getAttribute('aria-pressed')).toBe('true');
    const badges = await page.locator('tbody .severity-badge').allInnerTexts();
    expect(new Set(badges)).toEqual(new Set(['警告']));

    await page.locator('.data-table-columns summary').click();
    await page.locator('.data-table-columns input[data-column="field"]').uncheck();
    expect(await page.locator('th[data-column="field"]').count()).toBe(0);
    expect(await page.locator('td[data-column="field"]').count()).toBe(0);
    await done(watched);
  });

  it('opens the report of a clicked row', async () => {
    const watched = await openFindings('&code=TOTAL_SCORE_MISMATCH');
    const { page } = watched;
    await waitForCount(page, '第 1–2 条，共 2 条');
    const target = bySource.filter((f) => f.code === 'TOTAL_SCORE_MISMATCH')[1];
    await rowsOf(page).nth(1).click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('view') === 'report');
    expect(searchParam(page, 'report')).toEqual([target.report_id]);
    expect(await page.locator('.tab[aria-current="page"]').getAttribute('data-view')).toBe('report');
    await done(watched);
  });

  for (const lang of ['zh', 'en'] as const) {
    it(`gives each finding's message in the page's language, from its code and params (${lang})`, async () => {
      const watched = await openFindings(`&code=BUDGET_ADJUSTED&code=TOTAL_SCORE_MISMATCH${lang === 'en' ? '&lang=en' : ''}`);
      const { page } = watched;
      const expected = findings.filter((f) => f.code === 'BUDGET_ADJUSTED' || f.code === 'TOTAL_SCORE_MISMATCH');
      expect(expected.length).toBeGreaterThan(2);
      await waitForCount(page, lang === 'en' ? `1–${expected.length} of ${expected.length} rows` : `第 1–${expected.length} 条，共 ${expected.length} 条`);
      const shown = await page.locator('[data-testid="findings-table"] td[data-column="message"]').allInnerTexts();
      expect(shown.sort()).toEqual(expected.map((f) => renderFinding(f.code, parseFindingParams(f.params)!, lang)).sort());
      // The stored message is Chinese (the ingest's default); English is rendered, not stored.
      for (const text of shown) expect(/[\u4e00-\u9fff]/.test(text.replace(/“[^”]*”/g, '')), text).toBe(lang === 'zh');
      await done(watched);
    });
  }

  it('reads in English', async () => {
    const english = await openFindings('&lang=en');
    await waitForCount(english.page, `1–20 of ${findings.length} rows`);
    expect(await english.page.locator('th[data-column="code"]').innerText()).toContain('Type');
    expect(await rowsOf(english.page).first().locator('.severity-badge').innerText()).toBe('Error');
    await english.page.waitForTimeout(600);
    await screenshot(english.page, 'findings-en-1440');
    await done(english);
  });

  for (const lang of ['zh', 'en'] as const) {
    it(`fits a phone screen (${lang})`, async () => {
      const watched = await openFindings(lang === 'en' ? '&lang=en' : '', 390);
      await watched.page.waitForTimeout(600);
      const overflow = await watched.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      // The table scrolls inside its card instead of widening the page.
      const scroll = await watched.page.locator('.data-table-scroll').evaluate((el) => el.scrollWidth > el.clientWidth);
      expect(scroll).toBe(true);
      await screenshot(watched.page, `findings-${lang}-390`);
      await done(watched);
    });
  }
});
