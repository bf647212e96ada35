/**
 * The import view in the production build: a GB18030 report imported in the browser joins the
 * overview's figures; a broken CSV is refused with its line and changes nothing; the import
 * survives a reload and is gone once removed. One browser context throughout: it holds the
 * IndexedDB the import is kept in.
 */
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parseReport, parseReportFile } from '../../src/parser/index.ts';
import { toDocx, toHtml, toXlsx } from '../parser/fixtures/formats.ts';
import { ANHUI_2022_CHUZHOU, NATIONAL, SICHUAN_2023 } from '../parser/fixtures/layouts.ts';
import { formatCount, formatMoney } from '../../src/lib/format.ts';
import { expectClean, openPage, screenshot, useBrowser } from './browser.ts';
import { expectedFigures } from './expected-figures.ts';
import { buildWorkbook } from '../lib/import-xlsx-fixture.ts';
import { newGb18030ReportFile } from '../lib/new-report-fixture.ts';

const siteUrl = inject('siteUrl');
const dataDir = inject('dataDir');
const GB18030 = newGb18030ReportFile();
const browser = useBrowser();

const figure = (page: Page, id: string) => page.locator(`[data-figure="${id}"] .key-figure-value`).innerText();
const summaryCount = (page: Page, origin: string) => page.locator(`[data-testid="import-summary"] tr[data-origin="${origin}"] td[data-count="reports"]`).innerText();

async function openImportView(page: Page, search = ''): Promise<void> {
  await page.goto(`${siteUrl}?view=import${search}`);
  await page.locator('[data-testid="import-summary"][data-source="live"]').waitFor({ timeout: 30_000 });
}

/** The overview's figures once live, for the data now loaded. */
async function overviewFigures(page: Page): Promise<{ reports: string; budget: string; findings: string }> {
  await page.locator('.tab[data-view="overview"]').click();
  await page.locator('[data-testid="overview"][data-source="live"]').waitFor({ timeout: 30_000 });
  return { reports: await figure(page, 'reports'), budget: await figure(page, 'budget-adjusted'), findings: await figure(page, 'findings') };
}

describe('import (production build under a sub-path)', () => {
  it('imports a GB18030 report, refuses a broken CSV, keeps the import over a reload, removes it', async () => {
    const watched = await openPage(browser(), siteUrl);
    const { page } = watched;
    const bundled = expectedFigures(dataDir);
    const seed = parseReport(new Uint8Array(readFileSync(GB18030)), 'gb18030-encoding.txt');
    const withSeed = {
      reports: formatCount(bundled.reports + 1, 'zh'),
      budget: formatMoney(bundled.budgetAdjusted + seed.reports[0].budget_adjusted!, 'zh'),
      findings: formatCount(bundled.findings + seed.findings.length, 'zh'),
    };
    const asBundled = { reports: formatCount(bundled.reports, 'zh'), budget: formatMoney(bundled.budgetAdjusted, 'zh'), findings: formatCount(bundled.findings, 'zh') };

    await openImportView(page);
    expect(await summaryCount(page, 'bundled')).toBe(formatCount(bundled.reports, 'zh'));
    expect(await page.locator('.filter-bar').count()).toBe(0); // the import ignores the filters: no bar to suggest otherwise
    expect(await page.getByTestId('import-list-empty').count()).toBe(1);

    // 1. A report in GB18030, parsed in the worker by the CLI's parser, added to the data.
    await page.getByTestId('import-input').setInputFiles(GB18030);
    await page.getByTestId('import-selection').getByText('gb18030-encoding.txt').waitFor();
    await page.getByTestId('import-start').click();
    await page.getByTestId('import-done').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('import-badge').innerText()).toBe('已导入 1 份报告');
    await page.waitForFunction(() => document.querySelector('[data-origin="imported"] td[data-count="reports"]')?.textContent === '1');
    expect(await page.locator('.import-entry').count()).toBe(1);
    expect(await overviewFigures(page)).toEqual(withSeed);

    // 2. A CSV with a bad number: refused with its line; the data stays as it was.
    await page.locator('.tab[data-view="import"]').click();
    const reportsCsv = readFileSync(resolve(dataDir, 'reports.csv'), 'utf8').split('\n');
    const header = reportsCsv[0].split(',');
    const cells = reportsCsv[2].split(','); // no quoted cells in the first columns of this row
    cells[0] = 'broken-001';
    cells[header.indexOf('year')] = '二〇二三';
    const broken = [reportsCsv[0], cells.join(',')].join('\n');
    await page.getByTestId('import-input').setInputFiles({ name: 'reports.csv', mimeType: 'text/csv', buffer: Buffer.from(broken) });
    await page.getByTestId('import-start').click();
    const error = page.getByTestId('import-error');
    await error.waitFor({ timeout: 30_000 });
    expect(await error.innerText()).toContain('导入失败，数据没有任何改变');
    expect(await error.innerText()).toContain('reports.csv 第 2 行 year: 应为整数，实际为“二〇二三”');
    await screenshot(page, 'import-zh-1440');
    expect(await summaryCount(page, 'imported')).toBe('1');
    expect(await page.locator('.import-entry').count()).toBe(1);
    expect(await overviewFigures(page)).toEqual(withSeed);

    // 3. A reload restores the import from IndexedDB, and the overview never shows the build's snapshot.
    await page.reload();
    await page.locator('[data-testid="overview"]').waitFor();
    expect(await page.locator('[data-testid="overview"]').getAttribute('data-source')).not.toBe('snapshot');
    await page.locator('[data-testid="overview"][data-source="live"]').waitFor({ timeout: 30_000 });
    expect(await figure(page, 'reports')).toBe(withSeed.reports);
    await openImportView(page);
    expect(await page.locator('.import-entry').count()).toBe(1);
    expect(await page.locator('.import-entry .import-file-name').innerText()).toBe('gb18030-encoding.txt');

    // 3b. Over another dataset the import stays kept but is not put back (it was made over the
    // bundled data); opening the bundled data again brings it back.
    await openImportView(page, '&data=./e2e/dataset.duckdb');
    expect(await page.getByTestId('import-list-empty').count()).toBe(1);
    expect(await page.getByTestId('import-elsewhere').innerText()).toBe('本浏览器中另有 1 次导入是在其他数据集上做的，不在此显示；打开对应的数据集时会恢复。');
    expect(await page.getByTestId('import-badge').count()).toBe(0);
    expect(await overviewFigures(page)).toEqual(asBundled);
    await openImportView(page);
    expect(await page.locator('.import-entry').count()).toBe(1);
    expect(await page.getByTestId('import-elsewhere').count()).toBe(0);

    // 4. Removed: gone from the list, the badge and the figures, and after a reload too.
    await page.getByTestId('import-remove').click();
    await page.getByTestId('import-list-empty').waitFor();
    expect(await page.getByTestId('import-badge').count()).toBe(0);
    expect(await overviewFigures(page)).toEqual(asBundled);
    await page.reload();
    await page.locator('[data-testid="overview"][data-source="live"]').waitFor({ timeout: 30_000 });
    expect(await figure(page, 'reports')).toBe(asBundled.reports);
    expect(await page.evaluate(() => localStorage.getItem('fund-dashboard.imports'))).toBeNull();
    expectClean(watched);
    await page.context().close();
  }, 120_000);

  it('replaces the data with an Excel workbook, and brings it back on removal', async () => {
    const watched = await openPage(browser(), siteUrl);
    const { page } = watched;
    await openImportView(page, '&imode=replace');
    expect(await page.getByTestId('import-mode-replace').isChecked()).toBe(true);
    // Two reports of the bundled data in a workbook's reports sheet (read-excel-file, in the worker).
    const records = Papa.parse<string[]>(readFileSync(resolve(dataDir, 'reports.csv'), 'utf8'), { skipEmptyLines: true }).data;
    const book = buildWorkbook({ reports: records.slice(0, 3) });
    await page.getByTestId('import-input').setInputFiles({ name: '两份报告.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(book) });
    await page.getByTestId('import-start').click();
    await page.getByTestId('import-done').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('import-badge').innerText()).toBe('仅显示导入的 2 份报告');
    expect(await page.locator('[data-origin="bundled"] td').innerText()).toBe('已被替换，暂不显示');
    expect(await page.locator('.import-entry .import-kind').innerText()).toBe('Excel 工作簿');
    expect((await overviewFigures(page)).reports).toBe('2');
    await page.locator('.tab[data-view="import"]').click();
    await page.getByTestId('import-remove').click();
    await page.getByTestId('import-list-empty').waitFor();
    expect((await overviewFigures(page)).reports).toBe(formatCount(expectedFigures(dataDir).reports, 'zh'));
    expectClean(watched);
    await page.context().close();
  });

  it('reads Word, web-page and Excel self-evaluation tables in the worker, several tables of a file as several reports', async () => {
    const watched = await openPage(browser(), siteUrl);
    const { page } = watched;
    await openImportView(page, '&imode=replace');
    const files = [
      { name: '岳阳.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: Buffer.from(toDocx(NATIONAL)) },
      { name: '滁州.html', mimeType: 'text/html', buffer: Buffer.from(toHtml(ANHUI_2022_CHUZHOU, { charset: 'gbk' })) },
      { name: '大英.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(toXlsx(SICHUAN_2023, { typedNumbers: true })) },
    ];
    await page.getByTestId('import-input').setInputFiles(files);
    await page.getByTestId('import-start').click();
    await page.getByTestId('import-done').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('import-badge').innerText()).toBe('仅显示导入的 4 份报告');
    // The figures the Node parser gives the same files, on the overview.
    const budget = [...files].reduce((sum, f) => sum + parseReportFile(new Uint8Array(f.buffer), f.name).reports.reduce((s, r) => s + (r.reports[0].budget_adjusted ?? 0), 0), 0);
    const figures = await overviewFigures(page);
    expect(figures.reports).toBe('4');
    expect(figures.budget).toBe(formatMoney(budget, 'zh'));
    await page.locator('.tab[data-view="import"]').click();
    await page.getByTestId('import-remove').click();
    await page.getByTestId('import-list-empty').waitFor();
    expectClean(watched);
    await page.context().close();
  });

  it('reads well in English and on a phone', async () => {
    for (const [lang, width] of [['en', 1440], ['zh', 390], ['en', 390]] as const) {
      const watched = await openPage(browser(), siteUrl, width);
      const { page } = watched;
      await openImportView(page, lang === 'en' ? '&lang=en' : '');
      await page.getByTestId('import-input').setInputFiles(GB18030);
      await page.getByTestId('import-start').click();
      await page.getByTestId('import-done').waitFor({ timeout: 30_000 });
      await page.getByTestId('import-input').setInputFiles([GB18030, resolve(dataDir, 'reports.csv')]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      if (lang === 'en') expect(await page.getByTestId('import-badge').innerText()).toBe('1 imported report');
      await screenshot(page, `import-${lang}-${width}`);
      expectClean(watched);
      await page.context().close();
    }
  }, 120_000);
});
