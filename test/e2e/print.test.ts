/**
 * Printing (issue 20): with print media on (as Ctrl+P or a PDF export turns it on) every chart
 * is drawn again at its printed card's width (not left at the screen's width, not scaled), the
 * controls are gone, and a header names the view, the URL's filters and the data's date. Each
 * case writes its A4-landscape PDF to test-output/ and, with poppler's pdftoppm there, its pages
 * as PNGs (print-<view>-<lang>-<page>.png) to be looked at.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { translate } from '../../src/lib/i18n.ts';
import { expectClean, openPage, screenshot, SCREENSHOT_DIR, useBrowser, type WatchedPage } from './browser.ts';

const siteUrl = inject('siteUrl');
const browser = useBrowser();
const opened: Page[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((page) => page.context().close()));
});

/** Buttons that carry data (a project's name, a sortable column's name, a status or severity count) and print as text. */
const CONTENT_BUTTONS = ['link-button', 'budget-link', 'finding-line', 'compare-item', 'ind-figure', 'sort-header', 'severity-toggle'];

async function openView(search: string): Promise<WatchedPage> {
  const watched = await openPage(browser(), siteUrl);
  opened.push(watched.page);
  await watched.page.goto(`${siteUrl}${search}`);
  await watched.page.waitForFunction(() => performance.getEntriesByName('app:ready').length > 0, null, { timeout: 30_000 });
  await watched.page.waitForFunction(() => {
    const charts = [...document.querySelectorAll('.chart')];
    return charts.length > 0 && charts.every((chart) => chart.getAttribute('data-echarts') === 'drawn' && chart.querySelector('canvas'));
  }, null, { timeout: 30_000 });
  return watched;
}

interface ChartFit { card: number; chart: number; canvas: number; canvasPixels: number }

/** Each chart's card (inner width), its box and its canvas (CSS and backing-store width). */
const chartFits = (page: Page): Promise<ChartFit[]> => page.evaluate(() => [...document.querySelectorAll('.chart')].map((chart) => {
  const card = chart.closest('.card') ?? chart.parentElement!;
  const canvas = chart.querySelector('canvas')!;
  const style = getComputedStyle(card);
  return {
    card: card.getBoundingClientRect().width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight),
    chart: chart.getBoundingClientRect().width,
    canvas: canvas.getBoundingClientRect().width,
    canvasPixels: canvas.width / devicePixelRatio,
  };
}));

/** What of the controls is still visible: every visible button that is not data, and the bars. */
const visibleControls = (page: Page, contentButtons: string[]): Promise<string[]> => page.evaluate((content) => {
  const visible = (element: Element) => element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden';
  const named = (element: Element) => `${element.tagName.toLowerCase()}.${[...element.classList].join('.')} "${element.textContent?.trim().slice(0, 20)}"`;
  const controls = [...document.querySelectorAll('button, [role="tab"], .tabs-row, .filter-bar, [role="search"], select, input')]
    .filter((element) => !(element.tagName === 'BUTTON' && content.some((name) => element.classList.contains(name))));
  return controls.filter(visible).map(named);
}, contentButtons);

/** Writes the PDF to test-output/ and its pages as PNGs when pdftoppm is there; the page count. */
function writePdf(pdf: Buffer, name: string): number {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = resolve(SCREENSHOT_DIR, `${name}.pdf`);
  writeFileSync(file, pdf);
  // A previous run's pages must not be mistaken for this run's.
  for (const old of readdirSync(SCREENSHOT_DIR).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))) rmSync(resolve(SCREENSHOT_DIR, old));
  try {
    execFileSync('pdftoppm', ['-png', '-r', '60', file, resolve(SCREENSHOT_DIR, name)]);
  } catch {
    // Without poppler-utils (test/e2e/ensure-tools.sh installs it) the PDF is still written.
  }
  return pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
}

/** Print media on: charts fit their printed cards, controls gone, the header there; the PDF. */
async function expectPrinted(page: Page, name: string): Promise<{ pages: number; header: string; tallCards: string[] }> {
  const screen = await chartFits(page);
  await page.emulateMedia({ media: 'print' });
  await page.waitForFunction(() => document.documentElement.classList.contains('print-layout'));
  const printed = await chartFits(page);
  expect(printed.length).toBe(screen.length);
  for (const fit of printed) {
    // Not wider than its card, and drawn at the card's width (not a screen-wide canvas shrunk).
    expect(fit.canvas).toBeLessThanOrEqual(fit.card + 0.5);
    expect(fit.canvasPixels).toBeLessThanOrEqual(fit.card + 0.5);
    expect(fit.canvasPixels).toBeGreaterThan(fit.chart - 2);
  }
  // At 277 mm (1047 px) the cards are narrower than on a 1440 px screen: the charts were re-laid out.
  expect(printed.some((fit, i) => fit.canvasPixels < screen[i]!.canvasPixels - 50)).toBe(true);
  expect(await visibleControls(page, CONTENT_BUTTONS)).toEqual([]);
  // No table runs past its card (on screen a wide one scrolls sideways; paper cannot).
  const wideTables = await page.evaluate(() => [...document.querySelectorAll('.card table')]
    .filter((table) => table.getBoundingClientRect().right > table.closest('.card')!.getBoundingClientRect().right + 1).length);
  expect(wideTables).toBe(0);
  // Cards taller than the printable 190 mm may break across pages; the others are kept whole.
  const tallCards = await page.locator('.card.print-tall h2').allInnerTexts();
  const header = page.getByTestId('print-header');
  expect(await header.isVisible()).toBe(true);
  const pdf = await page.pdf({ format: 'A4', landscape: true, printBackground: true, preferCSSPageSize: true });
  const pages = writePdf(pdf, name);
  expect(pages).toBeGreaterThan(0);
  const text = await header.innerText();
  // Back to the screen: the layout class goes and the charts take the screen's width again.
  await page.emulateMedia({ media: 'screen' });
  await page.waitForFunction(() => !document.documentElement.classList.contains('print-layout'));
  const back = await chartFits(page);
  back.forEach((fit, i) => expect(Math.abs(fit.canvasPixels - screen[i]!.canvasPixels)).toBeLessThanOrEqual(1));
  expect(await header.isVisible()).toBe(false);
  expect(await page.locator('.card.print-tall').count()).toBe(0);
  return { pages, header: text, tallCards };
}

describe('printing (A4 landscape)', () => {
  it('the overview with a URL filter, in Chinese: charts at the printed width, the filter and the data date in the header', async () => {
    const watched = await openView('?city=益阳市');
    const { page } = watched;
    expect(await page.getByTestId('print').innerText()).toBe('打印');
    const { header, tallCards } = await expectPrinted(page, 'print-overview-zh');
    expect(tallCards).toEqual([]);
    expect(header).toContain('绩效看板 · 总览');
    expect(header).toContain('筛选：城市 益阳市');
    // The bundled data's date is the build's (snapshot.json).
    const built = await page.evaluate(async () => (await (await fetch('data/snapshot.json')).json() as { generatedAt: string }).generatedAt);
    const day = new Date(built);
    const pad = (n: number) => String(n).padStart(2, '0');
    expect(header).toContain(`数据构建于 ${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`);
    expectClean(watched);
  });

  it('the indicators view in English, without filters', async () => {
    const watched = await openView('?view=indicators&lang=en');
    const { page } = watched;
    expect(await page.getByTestId('print').innerText()).toBe('Print');
    const { header, tallCards, pages } = await expectPrinted(page, 'print-indicators-en');
    // The achievement chart has a bar per quantitative indicator: longer than a page.
    expect(tallCards).toEqual([translate('en', 'indicators.chart.achievement')]);
    expect(pages).toBeGreaterThan(1);
    expect(header).toContain('Performance Dashboard · Indicators');
    expect(header).toContain('Filters: none (all data)');
    expectClean(watched);
  });

  it('the Print button lays the page out for paper before window.print(), and afterprint restores it', async () => {
    const watched = await openView('?view=indicators&status=not_met');
    const { page } = watched;
    const screen = await chartFits(page);
    // window.print() would open the browser's dialog: recorded instead, with the layout it saw.
    await page.evaluate(() => {
      window.print = () => void document.body.setAttribute('data-printed-with', document.documentElement.className);
    });
    await screenshot(page, 'print-button-zh');
    await page.getByTestId('print').click();
    expect(await page.locator('body').getAttribute('data-printed-with')).toContain('print-layout');
    const printed = await chartFits(page);
    printed.forEach((fit) => expect(fit.canvasPixels).toBeLessThanOrEqual(fit.card + 0.5));
    expect(await page.getByTestId('print-filters').innerText()).toContain('完成状态 未达成');
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    expect(await page.evaluate(() => document.documentElement.classList.contains('print-layout'))).toBe(false);
    const back = await chartFits(page);
    back.forEach((fit, i) => expect(Math.abs(fit.canvasPixels - screen[i]!.canvasPixels)).toBeLessThanOrEqual(1));
    expectClean(watched);
  });

  it('a PDF made with no print media emulated first (as Ctrl+P prints) is laid out by beforeprint, and afterprint restores the screen', async () => {
    const watched = await openView('?view=indicators');
    const { page } = watched;
    const screen = await chartFits(page);
    // What the page looks like to a listener after the app's own (added later, so called later).
    await page.evaluate(() => {
      const seen: { event: string; layout: boolean; widths: number[] }[] = [];
      const record = (event: string) => seen.push({
        event,
        layout: document.documentElement.classList.contains('print-layout'),
        widths: [...document.querySelectorAll('.chart canvas')].map((canvas) => (canvas as HTMLCanvasElement).width / devicePixelRatio),
      });
      window.addEventListener('beforeprint', () => record('beforeprint'));
      window.addEventListener('afterprint', () => record('afterprint'));
      (window as unknown as { seen: typeof seen }).seen = seen;
    });
    writePdf(await page.pdf({ format: 'A4', landscape: true, printBackground: true }), 'print-indicators-zh-direct');
    const seen = await page.evaluate(() => (window as unknown as { seen: { event: string; layout: boolean; widths: number[] }[] }).seen);
    expect(seen.map(({ event, layout }) => [event, layout])).toEqual([['beforeprint', true], ['afterprint', false]]);
    // Before the pages were laid out every chart had its printed width (a 277 mm page's card), after them the screen's.
    seen[0]!.widths.forEach((width, i) => expect(width).toBeLessThan(screen[i]!.canvasPixels - 100));
    seen[1]!.widths.forEach((width, i) => expect(Math.abs(width - screen[i]!.canvasPixels)).toBeLessThanOrEqual(1));
    expectClean(watched);
  });

  it('the scores view: a chart on several canvases (the heat map) prints as one canvas, and has them all back after', async () => {
    const watched = await openView('?view=scores');
    const { page } = watched;
    const visibleCanvases = () => page.evaluate(() => [...document.querySelectorAll('.chart')]
      .map((chart) => [...chart.querySelectorAll('canvas')].filter((canvas) => getComputedStyle(canvas).visibility !== 'hidden').length));
    const total = await page.evaluate(() => [...document.querySelectorAll('.chart')].map((chart) => chart.querySelectorAll('canvas').length));
    expect(Math.max(...total)).toBeGreaterThan(1); // the heat map's cells and labels have canvases of their own
    await page.evaluate(() => {
      window.addEventListener('beforeprint', () => {
        (window as unknown as { printed: number[] }).printed = [...document.querySelectorAll('.chart')]
          .map((chart) => [...chart.querySelectorAll('canvas')].filter((canvas) => getComputedStyle(canvas).visibility !== 'hidden').length);
      });
    });
    writePdf(await page.pdf({ format: 'A4', landscape: true, printBackground: true }), 'print-scores-zh');
    expect(await page.evaluate(() => (window as unknown as { printed: number[] }).printed)).toEqual(total.map(() => 1));
    expect(await visibleCanvases()).toEqual(total);
    expectClean(watched);
  });
});
