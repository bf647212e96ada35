/**
 * The site runs under its strict CSP in every view: moving the mouse over every chart (which
 * opens tooltips) and loading each view leaves no console error — a CSP violation is one — and
 * sends no request outside the site's origin.
 */
import { describe, expect, inject, it } from 'vitest';
import { openPage, useBrowser } from './browser.ts';

const siteUrl = inject('siteUrl');
const browser = useBrowser();

const VIEWS = ['overview', 'budget', 'indicators', 'scores', 'compare', 'findings', 'report&report=001_5411fd6863900e77'];

describe('content security policy', () => {
  it('the built page carries the strict policy', async () => {
    const { page } = await openPage(browser(), siteUrl);
    await page.goto(siteUrl);
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(policy).not.toContain('unsafe-inline');
  });

  it.each(VIEWS)('view %s: tooltips and rendering cause no CSP violation', async (view) => {
    const watched = await openPage(browser(), siteUrl);
    const { page } = watched;
    await page.goto(`${siteUrl}?view=${view}`);
    await page.waitForFunction(() => performance.getEntriesByName('app:ready').length > 0, null, { timeout: 30_000 });
    for (const canvas of await page.locator('canvas').all()) {
      const box = await canvas.boundingBox();
      if (!box || box.width === 0) continue;
      for (const [x, y] of [[0.3, 0.5], [0.5, 0.7], [0.7, 0.4]]) await page.mouse.move(box.x + box.width * x, box.y + box.height * y);
    }
    await page.waitForTimeout(200);
    expect(watched.consoleErrors).toEqual([]);
    expect(watched.foreignRequests).toEqual([]);
  });
});
