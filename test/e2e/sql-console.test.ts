/**
 * The SQL console in the production build: the default example's figures against the CSV files,
 * an error then a good query, refused statements that leave the data as it was, value types,
 * the row limit, cancelling, example questions, the history across a reload, the quick chart,
 * both languages at desktop and phone widths.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, screenshot, useBrowser, type WatchedPage } from './browser.ts';
import { readCsv } from './expected-figures.ts';

const siteUrl = inject('siteUrl');
const dataDir = inject('dataDir');
const browser = useBrowser();

const reports = readCsv(dataDir, 'reports');
const findings = readCsv(dataDir, 'findings');
const zhNumber = (n: number, digits = 4) => n.toLocaleString('zh-CN', { maximumFractionDigits: digits });

const rowsOf = (page: Page) => page.locator('[data-testid="sql-result-table"] tbody tr');
const cellTexts = (page: Page, row: number) => rowsOf(page).nth(row).locator('td').allInnerTexts();
const errorBox = (page: Page) => page.getByTestId('sql-error');

async function openConsole(search = '', width = 1440): Promise<WatchedPage> {
  const watched = await openPage(browser(), siteUrl, width);
  await watched.page.goto(`${siteUrl}?view=sql${search}`);
  await watched.page.locator('[data-testid="sql-console"][data-phase="done"], [data-testid="sql-console"][data-phase="failed"]').waitFor({ timeout: 30_000 });
  return watched;
}

/** Types `sql` into the editor, runs it and waits until it has finished. */
async function runSql(page: Page, sql: string, how: 'button' | 'keys' = 'button'): Promise<void> {
  const finished = Number(await page.getByTestId('sql-console').getAttribute('data-finished'));
  await page.getByTestId('sql-editor').fill(sql);
  if (how === 'keys') await page.getByTestId('sql-editor').press('Control+Enter');
  else await page.getByTestId('sql-run').click();
  await page.waitForFunction(
    (before) => Number(document.querySelector('[data-testid="sql-console"]')?.getAttribute('data-finished')) > before,
    finished, { timeout: 30_000 },
  );
}

async function done({ page, consoleErrors, foreignRequests }: WatchedPage): Promise<void> {
  expect(consoleErrors).toEqual([]);
  expect(foreignRequests).toEqual([]);
  await page.context().close();
}

describe('SQL console (production build under a sub-path)', () => {
  it('opens with an example: execution rate by city, as a table and a quick chart', async () => {
    const watched = await openConsole();
    const { page } = watched;
    const cities = [...new Set(reports.map((r) => r.city))];
    expect(await rowsOf(page).count()).toBe(cities.length);
    for (let k = 0; k < cities.length; k++) {
      const [city, budget, executed, rate] = await cellTexts(page, k);
      const own = reports.filter((r) => r.city === city);
      const sum = (key: string) => own.reduce((total, r) => total + Number(r[key]), 0);
      expect(budget).toBe(zhNumber(Math.round(sum('budget_adjusted') * 100) / 100));
      expect(executed).toBe(zhNumber(Math.round(sum('executed') * 100) / 100));
      expect(rate).toBe(zhNumber(Math.round((1000 * sum('executed')) / sum('budget_adjusted')) / 10));
    }
    expect(await page.getByTestId('sql-status').innerText()).toMatch(new RegExp(`^${cities.length} 行 · 4 列 · 用时 [\\d,]+ 毫秒$`));
    expect(await page.locator('[data-example="executionByCity"]').getAttribute('aria-pressed')).toBe('true');
    await page.locator('[data-testid="sql-chart"] canvas').first().waitFor();
    expect(await page.getByTestId('sql-chart-y').inputValue()).toBe('执行率(%)');
    await page.waitForTimeout(600); // chart animation
    await screenshot(page, 'sql-console-zh-1440');
    await done(watched);
  });

  it('shows DuckDB’s error inline, then runs a good query', async () => {
    const watched = await openConsole();
    const { page } = watched;
    await runSql(page, 'SELECT no_such_column FROM reports');
    expect(await errorBox(page).getAttribute('data-kind')).toBe('failed');
    const message = await errorBox(page).innerText();
    expect(message).toContain('查询出错');
    expect(message).toMatch(/Binder Error.*no_such_column/s);
    expect(message).toContain('LINE 1: SELECT no_such_column'); // the line the user typed, not the wrapper's
    expect(await rowsOf(page).count()).toBe(0);
    await screenshot(page, 'sql-console-error-zh-1440');

    await runSql(page, 'SELECT project AS 项目, total_score AS 总分 FROM reports ORDER BY total_score, project', 'keys');
    await expect(errorBox(page).count()).resolves.toBe(0);
    expect(await rowsOf(page).count()).toBe(reports.length);
    const lowest = [...reports].sort((a, b) => Number(a.total_score) - Number(b.total_score) || (a.project < b.project ? -1 : 1))[0];
    expect(await cellTexts(page, 0)).toEqual([lowest.project, zhNumber(Number(lowest.total_score))]);
    expect(new URL(page.url()).searchParams.get('sqlq')).toContain('ORDER BY total_score');
    await done(watched);
  });

  it('refuses statements that change data, and the data stays as it was', async () => {
    const watched = await openConsole();
    const { page } = watched;
    const refused: [string, string, RegExp][] = [
      ['DROP VIEW reports', 'rejected', /“DROP”语句会修改数据/],
      ['-- looks harmless\nDELETE FROM findings', 'rejected', /“DELETE”/],
      ["SELECT ';'; DROP TABLE reports", 'rejected', /一次只能运行一条语句（这里有 2 条）/],
      ["ATTACH 'x.duckdb' AS x", 'rejected', /“ATTACH”/],
      ["SELECT 'unclosed", 'rejected', /未结束的字符串/],
      // Begins like a change, but DuckDB's parser cannot read it: its syntax error, not a refusal.
      ['UPDATE reports SET city = 1 WHERE', 'rejected', /^语法错误（第 1 行第 34 列）。DuckDB 的说明：syntax error at end of input$/m],
      // A typo is a syntax error at its place (DuckDB's words), not a change of data.
      ['SELEC city FROM reports', 'rejected', /^语法错误（第 1 行第 1 列）。DuckDB 的说明：syntax error at or near "SELEC"\n是否想写 SELECT？$/m],
    ];
    for (const [sql, kind, text] of refused) {
      await runSql(page, sql);
      expect(await errorBox(page).getAttribute('data-kind'), sql).toBe(kind);
      expect(await errorBox(page).innerText(), sql).toMatch(text);
    }
    // The mistyped word is selected in the editor.
    expect(await page.getByTestId('sql-editor').evaluate((area: HTMLTextAreaElement) => [area.selectionStart, area.selectionEnd])).toEqual([0, 5]);
    await screenshot(page, 'sql-console-rejected-zh-1440');
    // DuckDB's own error in a query that parses: its place said and selected.
    await runSql(page, 'SELECT city,\n  no_such_column\nFROM reports');
    expect(await errorBox(page).getAttribute('data-kind')).toBe('failed');
    expect(await page.getByTestId('sql-error-place').innerText()).toBe('出错位置：第 2 行第 3 列（已在编辑框中选中）');
    expect(await page.getByTestId('sql-editor').evaluate((area: HTMLTextAreaElement) => area.value.slice(area.selectionStart, area.selectionEnd))).toBe('no_such_column');
    await runSql(page, 'SELECT (SELECT COUNT(*) FROM reports) AS r, (SELECT COUNT(*) FROM findings) AS f, (SELECT COUNT(*) FROM indicators) AS i');
    expect(await cellTexts(page, 0)).toEqual([reports.length, findings.length, readCsv(dataDir, 'indicators').length].map((n) => zhNumber(n)));
    // Every other view still shows all the data.
    await page.locator('.tab[data-view="overview"]').click();
    await page.locator('[data-testid="overview"][data-source="live"]').waitFor();
    expect(await page.locator('.key-figure').first().innerText()).toContain(String(reports.length));
    await done(watched);
  });

  it('colours the SQL and completes table and column names from the keyboard', async () => {
    const watched = await openConsole();
    const { page } = watched;
    const editor = page.getByTestId('sql-editor');
    await editor.fill('');
    await editor.pressSequentially('SELECT ci');
    const list = page.getByTestId('sql-completions');
    expect(await list.locator('[role="option"]').allInnerTexts()).toEqual(['city\n列']);
    await screenshot(page, 'sql-console-completion-zh-1440');
    await editor.press('Tab');
    await editor.pressSequentially(', COUNT(*) AS n FROM rep');
    expect(await list.locator('[role="option"]').first().innerText()).toMatch(/^reports/);
    await editor.press('ArrowDown');
    await editor.press('ArrowUp');
    await editor.press('Enter'); // takes the chosen name, inserts no line break
    await editor.pressSequentially(' GROUP BY city');
    await editor.press('Escape');
    expect(await editor.inputValue()).toBe('SELECT city, COUNT(*) AS n FROM reports GROUP BY city');
    const highlight = page.getByTestId('sql-highlight');
    expect(await highlight.locator('.sql-t-keyword').allInnerTexts()).toEqual(['SELECT', 'AS', 'FROM', 'GROUP', 'BY']);
    expect(await highlight.locator('.sql-t-table').allInnerTexts()).toEqual(['reports']);
    expect(await highlight.locator('.sql-t-column').allInnerTexts()).toEqual(['city', 'city']);
    expect((await highlight.innerText()).trimEnd()).toBe(await editor.inputValue());
    await editor.press('Control+Enter');
    await page.locator('[data-testid="sql-console"][data-phase="done"]').waitFor();
    expect(await rowsOf(page).count()).toBe(2);
    await done(watched);
  });

  it('shows values of every type, a semicolon in a string, and a trailing comment', async () => {
    const watched = await openConsole();
    const { page } = watched;
    await runSql(page, "SELECT 1.5 AS d, SUM(1.25) AS s, DATE '2024-01-02' AS dt, TIMESTAMP '2024-01-02 03:04:05' AS ts, [1, 2] AS l, {'a': 1} AS st, 12345678901::BIGINT AS b, ';' AS semi, NULL AS z, true AS flag; -- done");
    expect(await errorBox(page).count()).toBe(0);
    expect(await cellTexts(page, 0)).toEqual(['1.5', '1.25', '2024-01-02', '2024-01-02 03:04:05', '[1,2]', '{"a":1}', '12,345,678,901', ';', '—', 'true']);
    await done(watched);
  });

  it('shows at most 10,000 rows and says there are more; a long query can be cancelled', async () => {
    const watched = await openConsole();
    const { page } = watched;
    await runSql(page, 'SELECT range AS n FROM range(25000)');
    expect(await page.getByTestId('sql-truncated').innerText()).toContain('结果超过 10,000 行');
    expect(await page.getByTestId('table-count').innerText()).toBe('第 1–20 条，共 10,000 条');

    await page.getByTestId('sql-editor').fill('SELECT COUNT(*) AS n FROM range(20000000000) a WHERE a.range % 7 = 3');
    await page.getByTestId('sql-run').click();
    await page.getByTestId('sql-cancel').click({ timeout: 5_000 });
    await page.locator('[data-testid="sql-error"][data-kind="cancelled"]').waitFor({ timeout: 20_000 });
    expect(await errorBox(page).innerText()).toBe('查询已取消。');
    await runSql(page, 'SELECT COUNT(*) AS n FROM reports');
    expect(await cellTexts(page, 0)).toEqual([String(reports.length)]);
    await done(watched);
  });

  it('runs example questions, keeps a history across reloads, and clears it', async () => {
    const watched = await openConsole();
    const { page } = watched;
    await page.locator('[data-example="commonFindings"]').click();
    await page.locator('[data-testid="sql-console"][data-phase="done"]').waitFor();
    const counts = new Map<string, number>();
    for (const f of findings) counts.set(f.code, (counts.get(f.code) ?? 0) + 1);
    const top = Math.max(...counts.values());
    const [code, count] = await cellTexts(page, 0);
    expect(counts.get(code)).toBe(top);
    expect(count).toBe(String(top));
    expect(await page.getByTestId('sql-editor').inputValue()).toContain('最常见的数据问题');

    await runSql(page, 'SELECT 42 AS answer');
    const history = page.locator('[data-testid="sql-history"] li');
    expect(await history.first().innerText()).toBe('SELECT 42 AS answer');
    expect(await history.count()).toBe(2);
    await page.reload();
    await page.locator('[data-testid="sql-console"][data-phase="done"]').waitFor({ timeout: 30_000 });
    expect(await history.count()).toBe(2);
    await history.nth(1).locator('button').click(); // the example again, from the history
    await page.locator('[data-testid="sql-console"][data-phase="done"]').waitFor();
    expect(await page.getByTestId('sql-editor').inputValue()).toContain('最常见的数据问题');
    await page.getByRole('button', { name: '清除历史' }).click();
    expect(await history.count()).toBe(0);
    await page.reload();
    await page.locator('[data-testid="sql-console"][data-phase="done"]').waitFor({ timeout: 30_000 });
    expect(await history.count()).toBe(0);
    await done(watched);
  });

  it('draws the quick chart as chosen and keeps the choice in the URL', async () => {
    const watched = await openConsole();
    const { page } = watched;
    await page.locator('[data-example="scoreVsBudget"]').click();
    await page.locator('[data-testid="sql-console"][data-phase="done"]').waitFor();
    expect(await page.getByTestId('sql-chart-type').inputValue()).toBe('scatter');
    await page.getByTestId('sql-chart-type').selectOption('line');
    await page.getByTestId('sql-chart-x').selectOption('项目');
    const params = new URL(page.url()).searchParams;
    expect([params.get('sqlchart'), params.get('sqlx'), params.get('sqly')]).toEqual(['line', '项目', '总分']);
    await page.locator('[data-testid="sql-chart"] canvas').first().waitFor();
    await done(watched);
  });

  for (const [lang, width] of [['zh', 390], ['en', 1440], ['en', 390]] as const) {
    it(`lays out in ${lang} at ${width} px`, async () => {
      const watched = await openConsole(lang === 'en' ? '&lang=en' : '', width);
      const { page } = watched;
      await page.locator('[data-testid="sql-chart"] canvas').first().waitFor();
      if (lang === 'en') {
        expect(await page.getByTestId('sql-status').innerText()).toMatch(/^2 rows · 4 columns · [\d,]+ ms$/);
        expect(await page.locator('[data-example="executionByCity"]').innerText()).toBe('Budget execution rate by city');
        // The console says itself that typed SQL ignores the filters (when some are set): not the bar too.
        expect(await page.getByTestId('filter-unused').count()).toBe(0);
        // The example is written in English too: its columns, and the chart drawn from them.
        expect(await page.locator('[data-example="executionByCity"]').getAttribute('aria-pressed')).toBe('true');
        expect(await page.locator('[data-testid="sql-result-table"] thead').innerText()).toMatch(/city[\s\S]*adjusted budget \(CNY M\)[\s\S]*execution rate \(%\)/);
      }
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      // A city's name stays on one line, as tall as the number beside it (it broke as 株洲/市 at 390 px).
      const firstRow = page.locator('[data-testid="sql-result-table"] tbody tr').first();
      const [nameHeight, numberHeight] = await Promise.all([
        firstRow.locator('.sql-cell-text').first().evaluate((el) => el.getBoundingClientRect().height),
        firstRow.locator('.sql-cell-number').first().evaluate((el) => el.getBoundingClientRect().height),
      ]);
      expect(nameHeight).toBeLessThanOrEqual(numberHeight + 1);
      await page.waitForTimeout(600);
      await screenshot(page, `sql-console-${lang}-${width}`);
      await done(watched);
    });
  }
});
