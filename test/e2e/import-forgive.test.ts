/**
 * Imports that forgive and do not double (issue 20, item 4), in the browser: a stray file among
 * good ones is named and the good ones go in on request (each file whole or not at all); a report
 * already in the data under another file name is recognised by its content, and skipped or shown
 * in place of the one there, on request; the choice holds over a reload.
 */
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { formatCount } from '../../src/lib/format.ts';
import { newGb18030ReportFile } from '../lib/new-report-fixture.ts';
import { expectClean, openPage, screenshot, useBrowser } from './browser.ts';
import { expectedFigures } from './expected-figures.ts';

const siteUrl = inject('siteUrl');
const dataDir = inject('dataDir');
const browser = useBrowser();
const root = resolve(import.meta.dirname, '../..');
const SEED_ID = '000_4b75f8664dbcb524';

const scratch = mkdtempSync(join(tmpdir(), 'import-forgive-'));
const NEW_REPORT = newGb18030ReportFile();
const MEMO = join(scratch, 'memo.txt');
writeFileSync(MEMO, '会议纪要：下周一上午九点开会。\n');
/** A bundled report under another file name: the same report, another report_id. */
const COPY = join(scratch, 'copy-of-000.txt');
copyFileSync(join(root, 'data/raw', `${SEED_ID}.txt`), COPY);

async function importFiles(page: Page, files: string[]): Promise<'done' | 'failed'> {
  await page.getByTestId('import-input').setInputFiles(files);
  await page.getByTestId('import-start').click();
  return waitForOutcome(page);
}

const waitForOutcome = (page: Page): Promise<'done' | 'failed'> => Promise.race([
  page.getByTestId('import-done').waitFor({ timeout: 60_000 }).then(() => 'done' as const),
  page.getByTestId('import-error').waitFor({ timeout: 60_000 }).then(() => 'failed' as const),
]);

async function overviewReports(page: Page): Promise<string> {
  await page.locator('.tab[data-view="overview"]').click();
  await page.locator('[data-testid="overview"][data-source="live"]').waitFor({ timeout: 30_000 });
  const figure = await page.locator('[data-figure="reports"] .key-figure-value').innerText();
  await page.locator('.tab[data-view="import"]').click();
  await page.locator('[data-testid="import-summary"][data-source="live"]').waitFor({ timeout: 30_000 });
  return figure;
}

describe('imports that forgive', () => {
  const bundled = expectedFigures(dataDir).reports;

  it('names a stray file among good ones, and imports the readable ones on request', async () => {
    const watched = await openPage(browser(), siteUrl);
    const { page } = watched;
    await page.goto(`${siteUrl}?view=import`);
    await page.locator('[data-testid="import-summary"][data-source="live"]').waitFor({ timeout: 30_000 });
    expect(await importFiles(page, [NEW_REPORT, MEMO])).toBe('failed');
    const results = page.getByTestId('import-file-results');
    expect(await results.locator('li[data-ok="true"] .import-file-name').allInnerTexts()).toEqual(['gb18030-encoding.txt']);
    expect(await results.locator('li[data-ok="false"] .import-file-name').allInnerTexts()).toEqual(['memo.txt']);
    expect(await page.getByTestId('import-readable').innerText()).toBe('只导入可读的 1 个文件');
    await screenshot(page, 'import-mixed-zh');
    await page.getByTestId('import-readable').click();
    expect(await waitForOutcome(page)).toBe('done');
    expect(await page.locator('.import-entry .import-file-name').allInnerTexts()).toEqual(['gb18030-encoding.txt']);
    expect(await overviewReports(page)).toBe(formatCount(bundled + 1, 'zh'));
    expectClean(watched);
    await page.context().close();
  }, 180_000);

  it('recognises a report already there under another name; skips it, or shows it in place of the one there', async () => {
    const watched = await openPage(browser(), siteUrl);
    const { page } = watched;
    await page.goto(`${siteUrl}?view=import`);
    await page.locator('[data-testid="import-summary"][data-source="live"]').waitFor({ timeout: 30_000 });

    // The copy beside a new report: refused, the copy named with the report it repeats.
    expect(await importFiles(page, [COPY, NEW_REPORT])).toBe('failed');
    const problems = await page.locator('.import-problems li').allInnerTexts();
    expect(problems).toEqual([`copy-of-000.txt: 报告“copy-of-000”与已有的报告“${SEED_ID}”内容相同（同一份报告换了文件名或格式）`]);
    expect(await page.getByTestId('import-readable').count()).toBe(1); // …or leave the file out
    await screenshot(page, 'import-same-zh');
    await page.getByTestId('import-skip-same').click();
    expect(await waitForOutcome(page)).toBe('done');
    expect(await page.getByTestId('import-done').innerText()).toContain('1 份报告');
    expect(await overviewReports(page)).toBe(formatCount(bundled + 1, 'zh'));

    // The copy alone, shown in place of the bundled report: the count stays.
    expect(await importFiles(page, [COPY])).toBe('failed');
    await page.getByTestId('import-replace-same').click();
    expect(await waitForOutcome(page)).toBe('done');
    expect(await overviewReports(page)).toBe(formatCount(bundled + 1, 'zh'));
    // The bundled report is hidden (its page says so), the copy shows.
    const stateOf = async (id: string) => {
      await page.goto(`${siteUrl}?view=report&report=${id}`);
      const report = page.locator('[data-testid="report"]:not([data-state="loading"])');
      await report.waitFor({ timeout: 30_000 });
      return report.getAttribute('data-state');
    };
    expect(await stateOf(SEED_ID)).toBe('unknown');
    expect(await stateOf('copy-of-000')).toBe('ready');
    // Kept so over a reload.
    await page.reload();
    await page.locator('[data-testid="report"][data-state="ready"]').waitFor({ timeout: 30_000 });
    expect(await stateOf(SEED_ID)).toBe('unknown');
    expectClean(watched);
    await page.context().close();
  }, 240_000);
});
