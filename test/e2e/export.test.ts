/**
 * Exports in the production build, under its strict CSP: a chart as PNG (the SQL console's quick
 * chart and a card of another view), a table as CSV (UTF-8 with a BOM, read back with
 * papaparse) and as an Excel workbook (read back with read-excel-file), with a formula in a
 * column name and in text neutralized, and the current filtered data as one sheet per table.
 * Files are caught with playwright's download event.
 */
import Papa from 'papaparse';
import readXlsxFile from 'read-excel-file/node';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { openPage, screenshot, SCREENSHOT_DIR, useBrowser, type WatchedPage } from './browser.ts';
import { readCsv, type Row } from './expected-figures.ts';

const siteUrl = inject('siteUrl');
const dataDir = inject('dataDir');
const browser = useBrowser();

const reports = readCsv(dataDir, 'reports');
const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

async function download(page: Page, action: () => Promise<void>): Promise<{ download: Download; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 15_000 }), action()]);
  return { download: file, bytes: readFileSync((await file.path())!) };
}

async function openView(search: string): Promise<WatchedPage> {
  const watched = await openPage(browser(), siteUrl);
  await watched.page.goto(`${siteUrl}?${search}`);
  return watched;
}

async function done({ page, consoleErrors, foreignRequests }: WatchedPage): Promise<void> {
  expect(consoleErrors).toEqual([]);
  expect(foreignRequests).toEqual([]);
  await page.context().close();
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

describe('export (production build, strict CSP)', () => {
  it('downloads the SQL result as CSV with a BOM, and as an Excel workbook', async () => {
    const watched = await openView('view=sql');
    const { page } = watched;
    await page.locator('[data-testid="sql-console"][data-phase="done"]').waitFor({ timeout: 30_000 });
    await page.locator('[data-testid="sql-export"] summary').click();
    const csv = await download(page, () => page.locator('[data-testid="sql-export"] [data-format="csv"]').click());
    expect(csv.download.suggestedFilename()).toBe(`各城市预算执行率-${today()}.csv`);
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const parsed = Papa.parse<Row>(csv.bytes.toString('utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
    expect(parsed.meta.fields).toEqual(['城市', '全年预算数(万元)', '全年执行数(万元)', '执行率(%)']);
    const cities = [...new Set(reports.map((r) => r.city))];
    expect(parsed.data.map((row) => row['城市']).sort()).toEqual(cities.sort());
    for (const row of parsed.data) {
      const own = reports.filter((r) => r.city === row['城市']);
      const budget = own.reduce((sum, r) => sum + Number(r.budget_adjusted), 0);
      expect(Number(row['全年预算数(万元)'])).toBeCloseTo(budget, 2);
    }

    await page.locator('[data-testid="sql-export"] summary').click();
    const xlsx = await download(page, () => page.locator('[data-testid="sql-export"] [data-format="xlsx"]').click());
    expect(xlsx.download.suggestedFilename()).toBe(`各城市预算执行率-${today()}.xlsx`);
    const sheets = await readXlsxFile(xlsx.bytes);
    expect(sheets).toHaveLength(1);
    expect(sheets[0].data[0]).toEqual(parsed.meta.fields);
    expect(sheets[0].data.slice(1).map((row) => String(row[0]))).toEqual(parsed.data.map((row) => row['城市']));
    await done(watched);
  });

  it('neutralizes a formula in a SQL alias and in text, in both formats; numbers stay numbers', async () => {
    const header = '=HYPERLINK("http://x","y")';
    const sql = `SELECT '＝1+1' AS "${header.replace(/"/g, '""')}", ' =1+1' AS spaced, -810.24 AS amount, '-3.5%' AS rate`;
    const watched = await openView(`view=sql&sqlq=${encodeURIComponent(sql)}`);
    const { page } = watched;
    await page.locator('[data-testid="sql-console"][data-phase="done"]').waitFor({ timeout: 30_000 });
    const expected = [[`'${header}`, 'spaced', 'amount', 'rate'], ["'＝1+1", "' =1+1", -810.24, '-3.5%']];

    await page.locator('[data-testid="sql-export"] summary').click();
    const csv = await download(page, () => page.locator('[data-testid="sql-export"] [data-format="csv"]').click());
    const records = Papa.parse<string[]>(csv.bytes.toString('utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    expect(records).toEqual(expected.map((row) => row.map(String)));

    await page.locator('[data-testid="sql-export"] summary').click();
    const xlsx = await download(page, () => page.locator('[data-testid="sql-export"] [data-format="xlsx"]').click());
    expect((await readXlsxFile(xlsx.bytes))[0].data).toEqual(expected);
    await done(watched);
  });

  it('downloads a chart as PNG: the console’s quick chart and a card of the overview', async () => {
    const watched = await openView('view=sql');
    const { page } = watched;
    await page.locator('[data-testid="sql-chart"] canvas').first().waitFor({ timeout: 30_000 });
    await page.waitForTimeout(800); // let the bars finish growing before the picture is taken
    const quick = await download(page, () => page.locator('[data-testid="sql-chart"] [data-testid="chart-export-png"]').click());
    expect(quick.download.suggestedFilename()).toBe(`各城市预算执行率-快速图表-${today()}.png`);
    expect([...quick.bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(quick.bytes.length).toBeGreaterThan(5_000);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    writeFileSync(join(SCREENSHOT_DIR, 'export-quick-chart.png'), quick.bytes); // to look at

    await page.locator('.tab[data-view="overview"]').click();
    const card = page.locator('[data-testid="chart-budget-by-city"]');
    await card.locator('canvas').first().waitFor();
    const title = await card.locator('h2').innerText();
    await page.waitForTimeout(600);
    await screenshot(page, 'export-overview-png-buttons');
    const overview = await download(page, () => card.getByTestId('chart-export-png').click());
    expect(overview.download.suggestedFilename()).toBe(`总览-${title}-${today()}.png`);
    expect([...overview.bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    // The PNG is at twice the canvas's pixels (IHDR width at byte 16).
    const canvasWidth = await card.locator('canvas').first().evaluate((c) => (c as HTMLCanvasElement).width);
    expect(overview.bytes.readUInt32BE(16)).toBe(canvasWidth * 2);
    await done(watched);
  });

  it('downloads the current filtered data: a sheet per table, and one table as CSV', async () => {
    const watched = await openView('view=sql&city=%E7%9B%8A%E9%98%B3%E5%B8%82'); // city=益阳市
    const { page } = watched;
    await page.locator('[data-testid="sql-console"][data-phase="done"]').waitFor({ timeout: 30_000 });
    const ids = new Set(reports.filter((r) => r.city === '益阳市').map((r) => r.report_id));
    const expected = {
      报告: ids.size,
      预算明细: readCsv(dataDir, 'budget_lines').filter((r) => ids.has(r.report_id)).length,
      绩效指标: readCsv(dataDir, 'indicators').filter((r) => ids.has(r.report_id)).length,
      数据问题: readCsv(dataDir, 'findings').filter((r) => ids.has(r.report_id)).length,
    };
    expect(await page.getByTestId('sql-filters-note').innerText()).toContain('筛选栏的条件不作用于 SQL 查询');
    const menu = page.getByTestId('filtered-export');
    await menu.locator('summary').click();
    await screenshot(page, 'export-menu-zh-1440');
    const xlsx = await download(page, () => menu.locator('[data-format="xlsx"]').click());
    expect(xlsx.download.suggestedFilename()).toBe(`绩效看板-筛选数据-${today()}.xlsx`);
    const sheets = await readXlsxFile(xlsx.bytes);
    expect(Object.fromEntries(sheets.map((s) => [s.sheet, s.data.length - 1]))).toEqual(expected);
    // Headers as the Chinese page names the columns.
    expect(sheets[0].data[0].slice(0, 5)).toEqual(['报告编号', '源文件', '年度', '省份', '城市']);
    expect(sheets[0].data[1][4]).toBe('益阳市');

    await menu.locator('summary').click();
    const csv = await download(page, () => menu.locator('[data-format="csv"][data-source="绩效指标"]').click());
    expect(csv.download.suggestedFilename()).toBe(`绩效看板-筛选数据-绩效指标-${today()}.csv`);
    const labelled = Papa.parse<Row>(csv.bytes.toString('utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
    expect(labelled).toHaveLength(expected['绩效指标']);
    expect(new Set(labelled.map((r) => r['报告编号']))).toEqual(ids);
    expect(labelled[0]['三级指标']).toBeTruthy();

    // The contract's names on request (for re-import and tools).
    await menu.locator('summary').click();
    await menu.locator('[data-option="field-names"]').check();
    const named = await download(page, () => menu.locator('[data-format="csv"][data-source="绩效指标"]').click());
    const rows = Papa.parse<Row>(named.bytes.toString('utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
    expect(rows).toHaveLength(expected['绩效指标']);
    expect(new Set(rows.map((r) => r.report_id))).toEqual(ids);
    await done(watched);
  });
});
