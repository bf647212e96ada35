import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { formatCount, formatMoney, formatScore } from '../../src/lib/format.ts';
import { expectClean, openPage, screenshot, useBrowser, type WatchedPage } from './browser.ts';
import { expectedFigures, firstCity, readCsv, reportValues } from './expected-figures.ts';

const siteUrl = inject('siteUrl');
const dataDir = inject('dataDir');
const distDir = inject('distDir');
const browser = useBrowser();

const figure = (page: Page, id: string) => page.locator(`[data-figure="${id}"] .key-figure-value`).innerText();

async function openOverview(search = '', width = 1440): Promise<WatchedPage> {
  const watched = await openPage(browser(), siteUrl, width);
  await watched.page.goto(`${siteUrl}${search}`);
  await watched.page.locator('[data-testid="overview"][data-source="live"]').waitFor({ timeout: 30_000 });
  await watched.page.locator('[data-testid="chart-budget-by-city"] canvas').first().waitFor();
  return watched;
}

/** Holds back the page's requests matching `patterns` until the returned `release()` is called. */
async function holdRequests(page: Page, patterns: readonly string[]): Promise<() => void> {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  for (const pattern of patterns) {
    await page.route(pattern, async (route) => {
      await held;
      await route.continue();
    });
  }
  return release;
}

/**
 * Opens the overview with ECharts' code (and whatever else `alsoHeld` matches) held back until
 * `release()`: the build's pictures show meanwhile.
 */
async function openWithEChartsHeld(alsoHeld: string[] = []): Promise<{ watched: WatchedPage; page: Page; release: () => void }> {
  const watched = await openPage(browser(), siteUrl);
  const { page } = watched;
  const release = await holdRequests(page, ['**/assets/echarts-canvas-*.js', ...alsoHeld]);
  await page.goto(siteUrl);
  return { watched, page, release };
}

describe('overview (production build under a sub-path)', () => {
  it('renders the key figures of the data, from live queries, in Chinese', async () => {
    const watched = await openOverview();
    const { page } = watched;
    const expected = expectedFigures(dataDir);
    expect(await page.locator('h1').innerText()).toBe('绩效看板');
    expect(await page.getByTestId('filter-unused').count()).toBe(0); // the overview reads the filters
    expect(await figure(page, 'reports')).toBe(formatCount(expected.reports, 'zh'));
    expect(await figure(page, 'cities')).toBe(formatCount(expected.cities, 'zh'));
    expect(await figure(page, 'funds')).toBe(formatCount(expected.funds, 'zh'));
    expect(await figure(page, 'budget-initial')).toBe(formatMoney(expected.budgetInitial, 'zh'));
    expect(await figure(page, 'budget-adjusted')).toBe(formatMoney(expected.budgetAdjusted, 'zh'));
    expect(await figure(page, 'executed')).toBe(formatMoney(expected.executed, 'zh'));
    expect(await figure(page, 'mean-score')).toBe(formatScore(expected.meanScore, 'zh'));
    expect(await figure(page, 'findings')).toBe(formatCount(expected.findings, 'zh'));
    // The header names the data by its years and reports, not by its folder.
    const years = [...new Set(readCsv(dataDir, 'reports').map((r) => Number(r.year)))].sort();
    const span = years.length === 1 ? String(years[0]) : `${years[0]}–${years.at(-1)}`;
    await expect.poll(() => page.getByTestId('dataset-label').innerText()).toBe(`${span} 年 · ${formatCount(expected.reports, 'zh')} 份报告`);
    expect(await page.locator('.chart-grid canvas').count()).toBeGreaterThanOrEqual(4);

    const marks = await page.evaluate(() =>
      Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])));
    for (const name of ['db:ready', 'data:loaded', 'overview:drawn', 'app:ready']) expect(marks).toHaveProperty([name]);
    console.info('performance marks (ms):', marks);
    // The overview's first paint comes from the build snapshot, not from DuckDB's rows: what the
    // mark records, not the order of two marks (which a machine's speed could swap).
    const drawnFrom = await page.evaluate(() => (performance.getEntriesByName('overview:drawn')[0] as PerformanceMark).detail?.from);
    expect(drawnFrom).toBe('snapshot');
    await screenshot(page, 'overview-zh-1440');
    expectClean(watched);
  });

  it('paints the build\'s pictures of the charts before ECharts has loaded, then ECharts takes over', async () => {
    const { watched, page, release } = await openWithEChartsHeld();
    await page.waitForFunction(() => performance.getEntriesByName('overview:drawn').length > 0, null, { timeout: 30_000 });
    const pictures = page.locator('.chart-grid img.chart-snapshot');
    // Decoded (an SVG that does not parse has no natural width), at the width nearest the card's.
    const shown = await pictures.evaluateAll((images) => images.map((image) => {
      const img = image as HTMLImageElement;
      return [new URL(img.src).pathname.split('/').pop(), img.naturalWidth];
    }));
    expect(shown).toEqual(['budget-by-city', 'indicator-status', 'score-histogram', 'findings-by-code'].map((id) => [`${id}.zh.654.svg`, 654]));
    // Versioned by the build, so a cached picture never stands for another build's rows.
    const versions = await pictures.evaluateAll((images) => images.map((image) => new URL((image as HTMLImageElement).src).searchParams.get('v')));
    expect(new Set(versions).size).toBe(1);
    expect(versions[0]).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(await page.locator('.chart-grid canvas').count()).toBe(0);
    // A picture is no chart to export: the PNG buttons wait for ECharts.
    expect(await page.locator('.chart-grid [data-testid="chart-export-png"]').count()).toBe(4);
    expect(await page.locator('.chart-grid [data-testid="chart-export-png"]:visible').count()).toBe(0);
    await screenshot(page, 'overview-pictures-zh-1440');
    // Live rows equal to the snapshot's keep the pictures: no blank card while ECharts loads.
    await page.locator('[data-testid="overview"][data-source="live"]').waitFor({ timeout: 30_000 });
    expect(await pictures.count()).toBe(4);

    release();
    await page.waitForFunction(() => performance.getEntriesByName('app:ready').length > 0, null, { timeout: 30_000 });
    expect(await pictures.count()).toBe(0);
    expect(await page.locator('.chart-grid canvas').count()).toBeGreaterThanOrEqual(4);
    expect(await page.locator('.chart-grid [data-testid="chart-export-png"]:visible').count()).toBe(4);
    expectClean(watched);
  });

  it('starts DuckDB, the data downloads and the overview\'s pictures before the app\'s own code has loaded (boot.ts)', async () => {
    const charts = ['budget-by-city', 'indicator-status', 'score-histogram', 'findings-by-code'];
    // The window widths of src/build/snapshot-charts.ts, and the pictures drawn for them.
    for (const [width, lang, pictureWidth] of [[1440, 'zh', 654], [1280, 'en', 574], [1024, 'zh', 446], [390, 'en', 332]] as const) {
      const watched = await openPage(browser(), siteUrl, width);
      const { page } = watched;
      const requested: string[] = [];
      page.on('request', (request) => requested.push(new URL(request.url()).pathname));
      const release = await holdRequests(page, ['**/assets/index-*.js']);
      await page.goto(`${siteUrl}${lang === 'en' ? '?lang=en' : ''}`, { waitUntil: 'commit' });
      const pictures = charts.map((id) => new RegExp(`data/charts/${id}\\.${lang}\\.${pictureWidth}\\.svg$`));
      for (const wanted of [/duckdb-eh-[^/]*\.wasm$/, /data\/dataset\.duckdb$/, /data\/snapshot\.json$/, ...pictures]) {
        await expect.poll(() => requested.some((path) => wanted.test(path)), { timeout: 30_000, message: `${width}: ${wanted}` }).toBe(true);
      }
      expect(await page.locator('[data-testid="overview"]').count()).toBe(0); // the app has not run
      release();
      await page.waitForFunction(() => performance.getEntriesByName('app:ready').length > 0, null, { timeout: 30_000 });
      expect(requested.filter((path) => path.endsWith('dataset.duckdb'))).toHaveLength(1); // handed over, not fetched again
      // The pictures boot.ts guessed from the window's width are those the cards showed, each fetched once.
      expect(requested.filter((path) => path.endsWith('.svg') && path.includes('/data/charts/')).map((path) => path.split('/').pop()).sort(), String(width))
        .toEqual(charts.map((id) => `${id}.${lang}.${pictureWidth}.svg`).sort());
      expectClean(watched);
      await page.context().close();
    }
  });

  it('drops the pictures at once when a filter changes the rows before ECharts has drawn', async () => {
    // The data is held too: the drop must not wait for the filtered rows.
    const { watched, page, release } = await openWithEChartsHeld(['**/data/dataset.duckdb']);
    const pictures = page.locator('.chart-grid img.chart-snapshot');
    await page.waitForFunction(() => performance.getEntriesByName('overview:drawn').length > 0, null, { timeout: 30_000 });
    expect(await pictures.count()).toBe(4);
    // The pictures show the whole dataset: none may stay over one city's rows.
    const city = firstCity(dataDir);
    await page.evaluate((search) => {
      history.pushState(null, '', `${location.pathname}${search}`);
      dispatchEvent(new PopStateEvent('popstate'));
    }, `?city=${encodeURIComponent(city)}`);
    await expect.poll(() => pictures.count(), { timeout: 5_000 }).toBe(0);
    expect(await page.locator('[data-testid="overview"]').getAttribute('data-source')).not.toBe('live');
    expect(await page.locator('.chart-grid canvas').count()).toBe(0);

    release();
    await page.locator('[data-testid="chart-budget-by-city"] canvas').first().waitFor({ timeout: 30_000 });
    expect(await pictures.count()).toBe(0);
    expectClean(watched);
  });

  it('filters by a city from a click on its bar, even before the data is live', async () => {
    // The data is held: ECharts draws from the build's rows and answers the click.
    const watched = await openPage(browser(), siteUrl);
    const { page } = watched;
    const release = await holdRequests(page, ['**/data/dataset.duckdb']);
    await page.goto(siteUrl);
    await page.locator('[data-testid="chart-budget-by-city"] .chart[data-echarts="drawn"]').waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-testid="overview"]').getAttribute('data-source')).not.toBe('live');
    // The first bar group is the city with the largest 全年预算 (city-summary's order).
    const budgets = new Map<string, number>();
    for (const r of readCsv(dataDir, 'reports')) budgets.set(r.city, (budgets.get(r.city) ?? 0) + Number(r.budget_adjusted || 0));
    const [city] = [...budgets].sort((a, b) => b[1] - a[1])[0];
    const canvas = (await page.locator('[data-testid="chart-budget-by-city"] canvas').first().boundingBox())!;
    await page.mouse.click(canvas.x + canvas.width * 0.3, canvas.y + 180); // the middle bar of the first group
    await expect.poll(() => new URL(page.url()).searchParams.getAll('city')).toEqual([city]);
    release();
    await page.locator('[data-testid="overview"][data-source="live"]').waitFor({ timeout: 30_000 });
    const expected = expectedFigures(dataDir, (r) => r.city === city);
    await expect.poll(() => figure(page, 'reports')).toBe(formatCount(expected.reports, 'zh'));
    expect(await figure(page, 'budget-adjusted')).toBe(formatMoney(expected.budgetAdjusted, 'zh'));
    expectClean(watched);
  });

  it('shows still progress lines while loading, pulsing only when the load takes seconds', async () => {
    // The data is held: the cards wait for their live rows with a progress line each.
    const { watched, page, release } = await openWithEChartsHeld(['**/data/dataset.duckdb']);
    const line = page.locator('.chart-grid .progress').first();
    await line.waitFor({ timeout: 30_000 });
    const timing = () => line.evaluate((element) => element.getAnimations().map((a) => ({ delay: Number(a.effect?.getTiming().delay), active: a.effect?.getComputedTiming().progress != null })));
    const [first] = await timing();
    expect(first.delay).toBeGreaterThanOrEqual(1000); // no frames to composite at start-up
    await expect.poll(async () => (await timing())[0].active, { timeout: 10_000 }).toBe(true); // a slow load pulses
    release();
    await page.locator('[data-testid="chart-budget-by-city"] canvas').first().waitFor({ timeout: 30_000 });
    expectClean(watched);
  });

  it('never pulses for a reader who asks for reduced motion', async () => {
    const watched = await openPage(browser(), siteUrl);
    await watched.page.emulateMedia({ reducedMotion: 'reduce' });
    const release = await holdRequests(watched.page, ['**/data/dataset.duckdb']); // the line stays until the check is done
    await watched.page.goto(siteUrl);
    const line = watched.page.locator('.chart-grid .progress').first();
    await line.waitFor({ timeout: 30_000 });
    expect(await line.evaluate((element) => element.getAnimations().length)).toBe(0);
    release();
    await watched.page.locator('[data-testid="overview"][data-source="live"]').waitFor({ timeout: 30_000 });
    expectClean(watched);
  });

  it('switches to English and back with the history', async () => {
    const watched = await openOverview();
    const { page } = watched;
    await page.getByTestId('lang-switch').click();
    await page.locator('h1', { hasText: 'Performance Dashboard' }).waitFor();
    expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
    const expected = expectedFigures(dataDir);
    expect(await figure(page, 'budget-adjusted')).toBe(formatMoney(expected.budgetAdjusted, 'en'));
    expect(await page.locator('.tab[aria-current="page"]').innerText()).toBe('Overview');
    await page.waitForTimeout(700); // let the charts finish their redraw animation
    await screenshot(page, 'overview-en-1440');
    await page.goBack();
    await page.locator('h1', { hasText: '绩效看板' }).waitFor();
    await page.goForward();
    await page.locator('h1', { hasText: 'Performance Dashboard' }).waitFor();
    expectClean(watched);
  });

  it('applies a filter set through the URL', async () => {
    const city = firstCity(dataDir);
    const watched = await openOverview(`?city=${encodeURIComponent(city)}`);
    const { page } = watched;
    const expected = expectedFigures(dataDir, (r) => r.city === city);
    await page.waitForFunction(
      ([id, text]) => document.querySelector(`[data-figure="${id}"] .key-figure-value`)?.textContent === text,
      ['budget-adjusted', formatMoney(expected.budgetAdjusted, 'zh')] as const,
    );
    expect(await figure(page, 'reports')).toBe(formatCount(expected.reports, 'zh'));
    expect(await figure(page, 'findings')).toBe(formatCount(expected.findings, 'zh'));
    expect(await page.locator('[data-filter="city"] .multi-select-value').innerText()).toBe(city);

    // The other filters' options follow the city; the city list still offers every city.
    const listed = async (key: string) => {
      const button = page.locator(`[data-filter="${key}"] .multi-select-button`);
      await button.click();
      const labels = await page.locator(`[data-filter="${key}"] [role="option"] label > span:first-of-type`).allInnerTexts();
      await button.click();
      return labels.sort();
    };
    await expect.poll(() => listed('project')).toEqual(reportValues(dataDir, 'project', (r) => r.city === city));
    expect(await listed('city')).toEqual(reportValues(dataDir, 'city'));
    expectClean(watched);
  });

  it('fits a phone screen, in both languages', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const watched = await openOverview(lang === 'en' ? '?lang=en' : '', 390);
      await watched.page.waitForTimeout(700);
      const overflow = await watched.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await screenshot(watched.page, `overview-${lang}-390`);
      // Each filter's list opens inside the screen, under its button, and widens nothing.
      for (const key of ['city', 'fund', 'department']) {
        const filter = watched.page.locator(`[data-filter="${key}"]`);
        await filter.locator('.multi-select-button').click();
        const list = filter.locator('.multi-select-list');
        const [box, button] = [await list.boundingBox(), await filter.locator('.multi-select-button').boundingBox()];
        expect(box!.x, key).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width, key).toBeLessThanOrEqual(390);
        expect(box!.y, key).toBeGreaterThanOrEqual(button!.y + button!.height);
        expect(await watched.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), key).toBeLessThanOrEqual(0);
        if (key === 'fund') await screenshot(watched.page, `filter-open-${lang}-390`);
        await filter.locator('.multi-select-button').click();
      }
      expectClean(watched);
    }
  });

  it('has small versions of 对比 and 报告详情: the cities side by side, the reports with the most issues, each a click from its view', async () => {
    const watched = await openOverview();
    const { page } = watched;
    const reports = readCsv(dataDir, 'reports');
    const findings = readCsv(dataDir, 'findings');
    const cities = [...new Set(reports.map((r) => r.city))];
    const cityRows = page.locator('[data-testid="overview-cities"] tbody tr');
    expect(await cityRows.count()).toBe(cities.length);
    for (const city of cities) {
      const cells = await page.locator(`[data-testid="overview-cities"] tr[data-city="${city}"] td`).allInnerTexts();
      const ofCity = reports.filter((r) => r.city === city);
      const ids = new Set(ofCity.map((r) => r.report_id));
      expect(cells[0]).toBe(formatCount(ofCity.length, 'zh'));
      expect(cells[3]).toBe(formatCount(findings.filter((f) => ids.has(f.report_id)).length, 'zh'));
    }
    // The reports with the most errors come first; one click opens the report.
    const listed = await page.locator('[data-testid="overview-reports"] tbody tr').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-report')));
    const errorsOf = (id: string | null) => findings.filter((f) => f.report_id === id && f.severity === 'error').length;
    expect(listed).toHaveLength(Math.min(5, reports.length));
    expect(listed.map(errorsOf)).toEqual([...listed.map(errorsOf)].sort((a, b) => b - a));
    await page.locator(`[data-testid="overview-reports"] tr[data-report="${listed[0]}"] button`).click();
    await page.getByTestId('report-project').waitFor({ timeout: 30_000 });
    expect(new URL(page.url()).searchParams.get('report')).toBe(listed[0]);
    await page.goBack();
    await page.locator('[data-testid="overview-cities"]').waitFor();
    await page.locator('.mini-more').first().click();
    await expect.poll(() => new URL(page.url()).searchParams.get('view')).toBe('compare');
    expectClean(watched);
  });

  it('names the reports that score themselves above the published rules (复核), one click from the report', async () => {
    const watched = await openOverview();
    const { page } = watched;
    const reports = readCsv(dataDir, 'reports').filter((r) => r.rule_gap !== '');
    const gaps = reports.map((r) => Number(r.rule_gap));
    const above = reports.filter((r) => Number(r.rule_gap) > 0).sort((a, b) => Number(b.rule_gap) - Number(a.rule_gap));
    expect(above.length).toBeGreaterThan(0);
    expect(await figure(page, 'rule-gap')).toBe(`${formatScore(gaps.reduce((a, b) => a + b, 0) / gaps.length, 'zh')} 分`);
    expect(await page.locator('[data-figure="rule-gap"] .key-figure-hint').innerText())
      .toBe(`${reports.filter((r) => Number(r.rule_gap) >= 1).length} 份报告高出 1 分及以上`);
    const listed = await page.locator('[data-testid="overview-gaps"] tbody tr').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-report')));
    expect(listed).toEqual(above.slice(0, 5).map((r) => r.report_id));
    const cells = await page.locator(`[data-testid="overview-gaps"] tr[data-report="${above[0].report_id}"] td`).allInnerTexts();
    expect(cells.slice(1)).toEqual([formatScore(Number(above[0].total_score), 'zh'), formatScore(Number(above[0].rule_total_score), 'zh'), `+${formatScore(Number(above[0].rule_gap), 'zh')}`]);
    await page.locator(`[data-testid="overview-gaps"] tr[data-report="${above[0].report_id}"] button`).click();
    await page.getByTestId('report-project').waitFor({ timeout: 30_000 });
    expect(new URL(page.url()).searchParams.get('report')).toBe(above[0].report_id);
    expectClean(watched);
  });

  it('shows the open view\'s tab on a phone, and fades the side where more tabs lie', async () => {
    const watched = await openPage(browser(), siteUrl, 390);
    const { page } = watched;
    const tabs = page.locator('nav.tabs');
    const inSight = () => page.evaluate(() => {
      const nav = document.querySelector('nav.tabs')!.getBoundingClientRect();
      const tab = document.querySelector('nav.tabs [aria-current="page"]')!.getBoundingClientRect();
      return tab.left >= nav.left - 1 && tab.right <= nav.right + 1;
    });
    await page.goto(`${siteUrl}?view=findings`); // the seventh of ten tabs
    await page.locator('.tab[data-view="findings"][aria-current="page"]').waitFor({ timeout: 30_000 });
    expect(await inSight()).toBe(true);
    expect(await tabs.getAttribute('class')).toMatch(/more-left/);
    await screenshot(page, 'tabs-findings-zh-390');
    await page.locator('.tab[data-view="overview"]').click();
    await expect.poll(inSight).toBe(true);
    expect(await tabs.getAttribute('class')).toMatch(/more-right/);
    expect(await tabs.getAttribute('class')).not.toMatch(/more-left/);
    // The arrow at the faded side scrolls the row that way, and then one shows at the other side.
    expect(await page.locator('.tabs-scroll.is-left').count()).toBe(0);
    await page.locator('.tabs-scroll.is-right').click();
    await expect.poll(() => tabs.evaluate((nav) => nav.scrollLeft)).toBeGreaterThan(0);
    await page.locator('.tabs-scroll.is-left').waitFor();
    await screenshot(page, 'tabs-scrolled-zh-390');
    expectClean(watched);
  });

  it('starts from the build\'s dataset.duckdb, and reads the same data from the CSVs when named by ?data=', async () => {
    const expected = expectedFigures(dataDir);
    for (const [search, wanted, unwanted] of [['', /data\/dataset\.duckdb$/, /\.csv$/], ['?data=./data/', /data\/reports\.csv$/, /\.duckdb$/]] as const) {
      const watched = await openPage(browser(), siteUrl);
      const requested: string[] = [];
      watched.page.on('request', (request) => requested.push(new URL(request.url()).pathname));
      await watched.page.goto(`${siteUrl}${search}`);
      await watched.page.locator('[data-testid="overview"][data-source="live"]').waitFor({ timeout: 30_000 });
      expect(requested.some((path) => wanted.test(path)), `${search}: ${requested.join(' ')}`).toBe(true);
      expect(requested.filter((path) => unwanted.test(path)), search).toEqual([]);
      // The build's chart pictures show the bundled data only.
      expect(requested.some((path) => /data\/charts\/.+\.svg$/.test(path)), search).toBe(search === '');
      expect(await figure(watched.page, 'budget-adjusted')).toBe(formatMoney(expected.budgetAdjusted, 'zh'));
      expect(await figure(watched.page, 'reports')).toBe(formatCount(expected.reports, 'zh'));
      expect(await figure(watched.page, 'findings')).toBe(formatCount(expected.findings, 'zh'));
      if (search === '') {
        // The build's own file loads in one call, never through the table-by-table check.
        expect(await watched.page.evaluate(() => performance.getEntriesByName('data:checked').length)).toBe(0);
      }
      // The overview's queries go to DuckDB right behind that one call (src/lib/db/querying/sent-ahead.ts).
      const sentAhead = await watched.page.evaluate(() => (performance.getEntriesByName('data:sent-ahead')[0] as PerformanceMark | undefined)?.detail);
      expect(sentAhead, search).toEqual(search === ''
        ? ['overview-figures', 'previous-year', 'indicator-status-counts', 'score-histogram', 'findings-by-code', 'city-summary', 'report-list']
        : undefined);
      expectClean(watched);
    }
  });

  it('announces ECharts\' chunks as modulepreload in index.html; the overview is part of the entry', async () => {
    const html = await (await fetch(siteUrl)).text();
    const preloaded = [...html.matchAll(/<link rel="modulepreload"[^>]*href="\.\/assets\/([^"]+)"/g)].map((m) => m[1]);
    const canvas = preloaded.find((file) => file.startsWith('echarts-canvas-'));
    expect(canvas, preloaded.join(' ')).toBeDefined();
    // ECharts' core comes in the canvas chunk's own imports.
    const imports = [...readFileSync(path.join(distDir, 'assets', canvas!), 'utf8').matchAll(/from\s*"\.\/([^"]+\.js)"/g)].map((m) => m[1]);
    expect(imports.length).toBeGreaterThan(0);
    for (const file of imports) expect(preloaded.includes(file) || html.includes(`assets/${file}"`), file).toBe(true);
    const assets = readdirSync(path.join(distDir, 'assets'));
    expect(assets.filter((file) => file.startsWith('overview-view-'))).toEqual([]);
    expect(assets.some((file) => file.startsWith('budget-view-'))).toBe(true); // the other views keep chunks of their own
  });

  it('names the missing file when a dataset cannot be loaded', async () => {
    const { page, foreignRequests } = await openPage(browser(), siteUrl);
    await page.goto(`${siteUrl}?data=./no-such-folder/`);
    const message = await page.getByTestId('data-error').innerText();
    expect(message).toContain('数据加载失败');
    // The files and what went wrong, in the page's language only: the first in contract order,
    // whichever 404 arrives first (src/lib/db/dataset/load-dataset.ts).
    expect(await page.locator('.data-error-message').innerText()).toMatch(/no-such-folder\/reports\.csv：无法获取（HTTP 404）；budget_lines\.csv、indicators\.csv、findings\.csv 也无法获取$/);
    await screenshot(page, 'data-error-zh-1440');
    await page.goto(`${siteUrl}?data=./no-such-folder/&lang=en`);
    expect(await page.locator('.data-error-message').innerText()).toMatch(/no-such-folder\/reports\.csv: could not be fetched \(HTTP 404\), nor could budget_lines\.csv, indicators\.csv, findings\.csv$/);
    expect(foreignRequests).toEqual([]);
  });

  it('opens a DuckDB database file named in the URL (attached read-only)', async () => {
    const watched = await openOverview('?data=./e2e/dataset.duckdb');
    const expected = expectedFigures(dataDir);
    expect(await figure(watched.page, 'budget-adjusted')).toBe(formatMoney(expected.budgetAdjusted, 'zh'));
    expect(await figure(watched.page, 'findings')).toBe(formatCount(expected.findings, 'zh'));
    expectClean(watched);
  });

  it('refuses a dataset from another origin without requesting it', async () => {
    const { page, foreignRequests } = await openPage(browser(), siteUrl);
    await page.goto(`${siteUrl}?data=${encodeURIComponent('http://example.invalid/data/')}`);
    expect(await page.getByTestId('data-error').innerText()).toContain('example.invalid');
    expect(foreignRequests).toEqual([]);
  });
});
