/**
 * The browser import and IndexedDB (issue 16, item 7): an import cut short by a reload, right
 * after its rows were written to IndexedDB and before DuckDB committed them, leaves the kept
 * imports as they were; IndexedDB refusing the write (a full disk, simulated) leaves the page's
 * data as it was and says why.
 */
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { formatCount } from '../../src/lib/format.ts';
import { buildWorkbook } from '../lib/import-xlsx-fixture.ts';
import { expectClean, openPage, useBrowser } from './browser.ts';
import { expectedFigures } from './expected-figures.ts';
import { newGb18030ReportFile } from '../lib/new-report-fixture.ts';

const siteUrl = inject('siteUrl');
const dataDir = inject('dataDir');
const browser = useBrowser();
const GB18030 = newGb18030ReportFile();

const reportsFigure = (page: Page) => page.locator('[data-figure="reports"] .key-figure-value').innerText();

async function openImportView(page: Page, search = ''): Promise<void> {
  await page.goto(`${siteUrl}?view=import${search}`);
  await page.locator('[data-testid="import-summary"][data-source="live"]').waitFor({ timeout: 30_000 });
}

async function overviewReports(page: Page): Promise<string> {
  await page.locator('.tab[data-view="overview"]').click();
  await page.locator('[data-testid="overview"][data-source="live"]').waitFor({ timeout: 30_000 });
  return reportsFigure(page);
}

/** The ids of the imports kept in this browser, pending ones included. */
const keptIds = (page: Page) => page.evaluate(() => new Promise<number[]>((resolve, reject) => {
  const request = indexedDB.open('fund-dashboard-imports');
  request.onerror = () => reject(request.error);
  request.onsuccess = () => {
    const keys = request.result.transaction('imports', 'readonly').objectStore('imports').getAllKeys();
    keys.onsuccess = () => resolve((keys.result as number[]).sort());
  };
}));

/** Two bundled reports in a workbook's reports sheet: an import that replaces the data. */
function twoReportBook(): Buffer {
  const records = Papa.parse<string[]>(readFileSync(resolve(dataDir, 'reports.csv'), 'utf8'), { skipEmptyLines: true }).data;
  return Buffer.from(buildWorkbook({ reports: records.slice(0, 3) }));
}

describe('imports kept in IndexedDB', () => {
  it('an import cut short by a reload after IndexedDB got its rows leaves the kept imports as they were', async () => {
    const watched = await openPage(browser(), siteUrl);
    const { page } = watched;
    await openImportView(page);
    await page.getByTestId('import-input').setInputFiles(GB18030);
    await page.getByTestId('import-start').click();
    await page.getByTestId('import-done').waitFor({ timeout: 30_000 });
    const kept = await keptIds(page);
    expect(kept).toHaveLength(1);
    const withSeed = formatCount(expectedFigures(dataDir).reports + 1, 'zh');

    // From the moment the import writes its record, the page sends DuckDB nothing more: the
    // import stops there, as a page being closed would, and the test reloads it.
    await page.evaluate(() => {
      const put = IDBObjectStore.prototype.put;
      const send = Worker.prototype.postMessage;
      let frozen = false;
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
        if (this.name === 'imports') {
          frozen = true;
          this.transaction.addEventListener('complete', () => Object.assign(window, { importWritten: true }));
        }
        return put.apply(this, args);
      };
      Worker.prototype.postMessage = function (this: Worker, ...args: unknown[]) {
        if (!frozen) (send as (...a: unknown[]) => void).apply(this, args);
      };
    });
    await page.locator('[data-testid="import-mode-replace"]').check();
    await page.getByTestId('import-input').setInputFiles({ name: '两份报告.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: twoReportBook() });
    await page.getByTestId('import-start').click();
    await page.waitForFunction(() => 'importWritten' in window, null, { timeout: 30_000 });
    await page.reload();
    await page.locator('[data-testid="overview"], [data-testid="import-summary"]').first().waitFor({ timeout: 30_000 });
    await openImportView(page);
    expect(await page.locator('.import-entry .import-file-name').allInnerTexts()).toEqual(['gb18030-encoding.txt']);
    expect(await keptIds(page)).toEqual(kept);
    expect(await overviewReports(page)).toBe(withSeed);
    expectClean(watched);
    await page.context().close();
  }, 120_000);

  it('IndexedDB refusing the write leaves the data as it was and says why', async () => {
    const watched = await openPage(browser(), siteUrl);
    const { page } = watched;
    await page.addInitScript(() => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
        if (this.name === 'imports') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return put.apply(this, args);
      };
    });
    await openImportView(page);
    await page.getByTestId('import-input').setInputFiles(GB18030);
    await page.getByTestId('import-start').click();
    const error = page.getByTestId('import-error');
    await error.waitFor({ timeout: 30_000 });
    expect(await error.innerText()).toContain('导入失败，数据没有任何改变');
    expect(await error.innerText()).toContain('浏览器拒绝保存这次导入（IndexedDB：QuotaExceededError: The quota has been exceeded.），多半是存储空间不足');
    expect(await page.getByTestId('import-list-empty').count()).toBe(1);
    expect(await page.getByTestId('import-badge').count()).toBe(0);
    const bundled = formatCount(expectedFigures(dataDir).reports, 'zh');
    expect(await overviewReports(page)).toBe(bundled);
    await page.reload();
    await page.locator('[data-testid="overview"][data-source="live"]').waitFor({ timeout: 30_000 });
    expect(await reportsFigure(page)).toBe(bundled);
    expect(await page.evaluate(() => localStorage.getItem('fund-dashboard.imports'))).toBeNull();
    expectClean(watched);
    await page.context().close();
  }, 120_000);
});
