/**
 * 得分分布 in the production build: figures computed independently from the CSV files, a URL
 * filter, clicks to a report and to the findings, both languages, phone width.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { formatScore } from '../../src/lib/format.ts';
import { expectClean, openPage, screenshot, useBrowser, type WatchedPage } from './browser.ts';
import { readCsv, type Row } from './expected-figures.ts';

const siteUrl = inject('siteUrl');
const dataDir = inject('dataDir');
const browser = useBrowser();

const num = (text: string | undefined): number | null => (text == null || text.trim() === '' ? null : Number(text));

/** What the view should show for the reports `keep` selects, straight from the CSV files. */
function expectedScores(keep: (report: Row) => boolean = () => true) {
  const reports = readCsv(dataDir, 'reports').filter(keep);
  const scored = reports.filter((r) => num(r.total_score) != null);
  const totals = scored.map((r) => num(r.total_score)!);
  const collator = new Intl.Collator('zh-CN', { numeric: true });
  const ranked = [...scored].sort((a, b) => num(b.total_score)! - num(a.total_score)! || collator.compare(a.project, b.project));
  const mismatched = reports.filter((r) => num(r.declared_total_score) != null && num(r.total_score) != null
    && Math.abs(num(r.declared_total_score)! - num(r.total_score)!) > 0.001);
  // Score rate per (report, 一级): sums of weights and scores (a merged group's points are on its first row).
  const sums = new Map<string, { weight: number; score: number }>();
  const ids = new Set(reports.map((r) => r.report_id));
  for (const i of readCsv(dataDir, 'indicators').filter((i) => ids.has(i.report_id))) {
    const key = `${i.report_id} ${i.level1}`;
    const sum = sums.get(key) ?? { weight: 0, score: 0 };
    sums.set(key, { weight: sum.weight + (num(i.weight) ?? 0), score: sum.score + (num(i.score) ?? 0) });
  }
  const rates = [...sums].map(([key, s]) => ({ key, rate: s.score / s.weight }));
  for (const r of reports) rates.push({ key: `${r.report_id} budget`, rate: num(r.budget_score)! / num(r.budget_weight)! });
  return {
    reports: reports.length,
    mean: totals.reduce((a, b) => a + b, 0) / totals.length,
    min: Math.min(...totals),
    max: Math.max(...totals),
    ranked,
    mismatched,
    lowestRate: Math.min(...rates.map((r) => r.rate)),
  };
}

const figure = (page: Page, id: string) => page.locator(`[data-figure="${id}"] .key-figure-value`).innerText();
const chartLabel = (page: Page, testId: string) => page.locator(`[data-testid="${testId}"] .chart`).getAttribute('aria-label');

async function openScores(search = '', width = 1440): Promise<WatchedPage> {
  const watched = await openPage(browser(), siteUrl, width);
  await watched.page.goto(`${siteUrl}?view=scores${search}`);
  await watched.page.locator('[data-testid="scores"][data-source="live"]').waitFor({ timeout: 30_000 });
  await watched.page.locator('[data-testid="chart-score-rates"] canvas').first().waitFor();
  await watched.page.waitForTimeout(700); // let the charts finish their entry animation
  return watched;
}

/**
 * Page coordinates of the top right-most solid disc of `rgb` in a chart's canvas: the dot of the
 * best project (thin lines and glyphs of the same colour have no 7 × 7 solid block).
 */
async function findTopRightDot(page: Page, testId: string, rgb: [number, number, number]): Promise<{ x: number; y: number }> {
  // ECharts may paint on several stacked canvases (layers): look at each.
  const points = await page.locator(`[data-testid="${testId}"] canvas`).evaluateAll((canvases: HTMLCanvasElement[], colour) => canvases.map((canvas) => {
    const { width, height } = canvas;
    const pixels = canvas.getContext('2d')!.getImageData(0, 0, width, height).data;
    const matches = (x: number, y: number) => {
      const at = (y * width + x) * 4;
      return colour.every((c, k) => Math.abs(pixels[at + k] - c) <= 6) && pixels[at + 3] === 255;
    };
    const solid: { x: number; y: number }[] = [];
    for (let y = 3; y < height - 3; y++) {
      for (let x = 3; x < width - 3; x++) {
        if ([-3, 0, 3].every((dy) => [-3, 0, 3].every((dx) => matches(x + dx, y + dy)))) solid.push({ x, y });
      }
    }
    if (solid.length === 0) return null;
    const right = Math.max(...solid.map((p) => p.x));
    const top = solid.filter((p) => p.x >= right - 8).sort((a, b) => a.y - b.y)[0];
    const box = canvas.getBoundingClientRect();
    return { x: box.left + (top.x * box.width) / width, y: box.top + ((top.y + 2) * box.height) / height };
  }), rgb);
  const point = points.find((p) => p !== null);
  if (!point) throw new Error(`no dot of rgb(${rgb}) in ${testId}`);
  return point;
}

describe('scores view (production build under a sub-path)', () => {
  it('shows the totals, grades, score rates and mismatches of the data, in Chinese', async () => {
    const watched = await openScores();
    const { page } = watched;
    const expected = expectedScores();
    expect(await page.locator('.tab[aria-current="page"]').innerText()).toBe('得分分布');
    expect(await figure(page, 'reports')).toBe(`${expected.reports} 份`);
    expect(await figure(page, 'mean')).toBe(`${formatScore(expected.mean, 'zh')} 分`);
    expect(await figure(page, 'range')).toBe(`${formatScore(expected.min, 'zh')} – ${formatScore(expected.max, 'zh')} 分`);
    expect(await figure(page, 'mismatches')).toBe(`${expected.mismatched.length} 份`);

    const totals = await chartLabel(page, 'chart-score-totals');
    expect(totals).toBe(`各项目自评总分：${expected.ranked.map((r) => `${r.project} ${formatScore(num(r.total_score), 'zh')} 分`).join('；')}`);
    const declared = await chartLabel(page, 'chart-score-declared');
    for (const r of expected.mismatched) expect(declared).toContain(`${r.project}：申报总分 ${formatScore(num(r.declared_total_score), 'zh')} 分`);
    const rates = await chartLabel(page, 'chart-score-rates');
    expect(rates).toContain(`${(expected.lowestRate * 100).toLocaleString('zh-CN', { maximumFractionDigits: 1 })}%`);
    expect(await chartLabel(page, 'chart-score-grades')).toContain(`优 ${readCsv(dataDir, 'reports').filter((r) => r.grade === '优').length} 份`);
    expect(await page.getByTestId('mismatch-note').innerText()).toContain(`${expected.mismatched.length} 份报告`);
    for (const chart of ['totals', 'rates', 'grades', 'declared']) {
      expect(await page.locator(`[data-testid="chart-score-${chart}"] canvas`).count()).toBeGreaterThan(0);
    }
    await screenshot(page, 'scores-zh-1440');
    expectClean(watched);
  });

  it('sets each self-score against its score by the published rules (复核), from the CSV files', async () => {
    const watched = await openScores();
    const { page } = watched;
    const reports = readCsv(dataDir, 'reports').filter((r) => num(r.rule_gap) != null);
    const gaps = reports.map((r) => num(r.rule_gap)!);
    const inflated = reports.filter((r) => num(r.rule_gap)! >= 1).sort((a, b) => num(b.rule_gap)! - num(a.rule_gap)!);
    expect(inflated.length).toBeGreaterThan(0); // the bundled data has one: 企协专项, 1.6 points
    expect(await figure(page, 'rule-gap')).toBe(`${formatScore(gaps.reduce((a, b) => a + b, 0) / gaps.length, 'zh')} 分`);
    expect(await figure(page, 'inflated')).toBe(`${inflated.length} 份`);
    expect(await chartLabel(page, 'chart-score-rule-gap')).toBe(`自评得分与复核得分：${inflated
      .map((r) => `${r.project}：自评得分 ${formatScore(num(r.total_score), 'zh')} 分 > 复核得分 ${formatScore(num(r.rule_total_score), 'zh')} 分`).join('；')}`);
    expect(await chartLabel(page, 'chart-score-gap-distribution')).toContain(`无差异 ${reports.filter((r) => num(r.rule_gap) === 0).length} 份`);
    for (const chart of ['rule-gap', 'gap-distribution']) {
      expect(await page.locator(`[data-testid="chart-score-${chart}"] canvas`).count()).toBeGreaterThan(0);
    }
    expectClean(watched);
  });

  it('applies a city filter set through the URL', async () => {
    const city = '益阳市';
    const watched = await openScores(`&city=${encodeURIComponent(city)}`);
    const { page } = watched;
    const expected = expectedScores((r) => r.city === city);
    expect(await figure(page, 'reports')).toBe(`${expected.reports} 份`);
    expect(await figure(page, 'mean')).toBe(`${formatScore(expected.mean, 'zh')} 分`);
    expect(await figure(page, 'mismatches')).toBe(`${expected.mismatched.length} 份`);
    expect(await chartLabel(page, 'chart-score-totals')).toBe(
      `各项目自评总分：${expected.ranked.map((r) => `${r.project} ${formatScore(num(r.total_score), 'zh')} 分`).join('；')}`);
    expect(await page.getByTestId('mismatch-note').innerText()).toBe('申报总分与各项得分合计全部一致。');
    expectClean(watched);
  });

  it('opens the report of the top project from its dot and its heat-map row, and the mismatch findings from the note', async () => {
    const watched = await openScores();
    const { page } = watched;
    const top = expectedScores().ranked[0];
    const dot = await findTopRightDot(page, 'chart-score-totals', [0x2a, 0x9d, 0x8f]); // the 优 teal
    await page.mouse.click(dot.x, dot.y);
    await page.waitForFunction(() => new URL(location.href).searchParams.get('view') === 'report');
    expect(new URL(page.url()).searchParams.get('report')).toBe(top.report_id);

    await page.goBack();
    await page.locator('[data-testid="scores"][data-source="live"]').waitFor();
    await page.waitForTimeout(700);
    // A full-marks cell of the heat map (top row = the same best project) opens the same report.
    const cell = await findTopRightDot(page, 'chart-score-rates', [0x86, 0xcb, 0xbd]);
    await page.mouse.click(cell.x, cell.y);
    await page.waitForFunction(() => new URL(location.href).searchParams.get('view') === 'report');
    expect(new URL(page.url()).searchParams.get('report')).toBe(top.report_id);

    await page.goBack();
    await page.locator('[data-testid="scores"][data-source="live"]').waitFor();
    await page.getByTestId('mismatch-note').getByRole('button').click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('view') === 'findings');
    expect(new URL(page.url()).searchParams.get('code')).toBe('TOTAL_SCORE_MISMATCH');
    expectClean(watched);
  });

  it('speaks English, with units', async () => {
    const watched = await openScores('&lang=en');
    const { page } = watched;
    const expected = expectedScores();
    expect(await page.locator('.tab[aria-current="page"]').innerText()).toBe('Scores');
    expect(await figure(page, 'mean')).toBe(`${formatScore(expected.mean, 'en')} pts`);
    expect(await chartLabel(page, 'chart-score-grades')).toMatch(/^Grades: Excellent \d+ reports \(by the rules \d+ reports\); Good \d+ reports/);
    await screenshot(page, 'scores-en-1440');
    expectClean(watched);
  });

  it('fits a phone screen, in both languages', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const watched = await openScores(lang === 'en' ? '&lang=en' : '', 390);
      const overflow = await watched.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await screenshot(watched.page, `scores-${lang}-390`);
      expectClean(watched);
    }
  });
});
