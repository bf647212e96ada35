/**
 * Imports at size (issue 18, item 5), in the browser: a reports.csv of tens of MB (the 114 MiB
 * one of the issue failed with "Maximum call stack size exceeded") is read by slices in the
 * worker and loaded into DuckDB and IndexedDB a chunk at a time, with the bytes read shown as it
 * goes; after a reload the import comes back from its chunks in IndexedDB.
 */
import Papa from 'papaparse';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { formatCount } from '../../src/lib/format.ts';
import { expectClean, openPage, useBrowser } from './browser.ts';
import { expectedFigures } from './expected-figures.ts';

const siteUrl = inject('siteUrl');
const dataDir = inject('dataDir');
const browser = useBrowser();
const COPIES = 40_000;

const scratch = mkdtempSync(join(tmpdir(), 'import-large-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The bundled reports again and again under new ids and project names: one reports.csv of ~35 MB. */
function largeReportsCsv(): string {
  const [header, ...rows] = Papa.parse<string[]>(readFileSync(resolve(dataDir, 'reports.csv'), 'utf8'), { skipEmptyLines: true }).data;
  const out = [header];
  for (let i = 0; i < COPIES; i++) {
    const row = [...rows[i % rows.length]];
    row[header.indexOf('report_id')] = `large_${String(i).padStart(6, '0')}`;
    // A project of its own: 40,000 copies of one report would be refused as one report twice.
    row[header.indexOf('project')] = `${row[header.indexOf('project')]} ${i}`;
    out.push(row);
  }
  const path = join(scratch, 'reports.csv');
  writeFileSync(path, Papa.unparse(out, { newline: '\r\n' }));
  return path;
}

describe('a large CSV import', () => {
  it('reads a reports.csv of tens of MB by slices, showing bytes, and keeps it across a reload', async () => {
    const file = largeReportsCsv();
    expect(statSync(file).size).toBeGreaterThan(30 * 1024 * 1024);
    const watched = await openPage(browser(), siteUrl);
    const { page } = watched;
    await page.goto(`${siteUrl}?view=import`);
    await page.locator('[data-testid="import-summary"][data-source="live"]').waitFor({ timeout: 30_000 });
    await page.getByTestId('import-input').setInputFiles(file);
    // Every progress line the page shows, kept by the page itself (they pass quickly).
    await page.evaluate(() => {
      const seen: string[] = [];
      Object.assign(window, { progressSeen: seen });
      new MutationObserver(() => {
        const text = document.querySelector('[data-testid="import-progress"] p')?.textContent;
        if (text && seen.at(-1) !== text) seen.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.getByTestId('import-start').click();
    await page.getByTestId('import-done').waitFor({ timeout: 180_000 });
    const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
    expect(seen.some((line) => /reports\.csv（[\d.]+ MB \/ [\d.]+ MB，[\d.]+%）/.test(line)), seen.join('\n')).toBe(true);

    const expected = formatCount(expectedFigures(dataDir).reports + COPIES, 'zh');
    const reports = async () => {
      await page.locator('.tab[data-view="overview"]').click();
      await page.locator('[data-testid="overview"][data-source="live"]').waitFor({ timeout: 60_000 });
      return page.locator('[data-figure="reports"] .key-figure-value').innerText();
    };
    expect(await reports()).toBe(expected);
    // Kept as chunks of rows in IndexedDB, and put back from them.
    const chunks = await page.evaluate(() => new Promise<number>((resolve, reject) => {
      const request = indexedDB.open('fund-dashboard-imports');
      request.onerror = () => reject(request.error);
      request.onsuccess = () => {
        const count = request.result.transaction('chunks', 'readonly').objectStore('chunks').count();
        count.onsuccess = () => resolve(count.result);
      };
    }));
    expect(chunks).toBe(Math.ceil(COPIES / 20_000));
    await page.reload();
    expect(await reports()).toBe(expected);
    expectClean(watched);
  }, 300_000);
});
