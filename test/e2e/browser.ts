/**
 * Debian's Chromium driven by playwright-core, with a watch on console errors and on requests
 * that leave the site's origin: the page's and its workers' (DuckDB's worker fetches on its own,
 * and only the browser context sees those).
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

export const SCREENSHOT_DIR = resolve(import.meta.dirname, '../../test-output');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/**
 * Launches one browser for the calling test file (beforeAll) and closes it when the file is done
 * (afterAll). Call at the top level of the file; the getter returns the browser once launched.
 */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('useBrowser: the browser is only there once beforeAll has run');
    return browser;
  };
}

export interface WatchedPage {
  page: Page;
  consoleErrors: string[];
  foreignRequests: string[];
}

export interface PageOptions {
  /** Stop every request that would leave the site's origin (it is still counted). */
  blockForeign?: boolean;
}

export async function openPage(browser: Browser, siteUrl: string, width = 1440, height = 1000, { blockForeign = false }: PageOptions = {}): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
  const origin = new URL(siteUrl).origin;
  const foreign = (url: URL) => url.protocol !== 'data:' && url.protocol !== 'blob:' && url.origin !== origin;
  if (blockForeign) await context.route(foreign, (route) => route.abort());
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  const foreignRequests: string[] = [];
  page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
  page.on('pageerror', (error) => consoleErrors.push(String(error)));
  context.on('request', (request) => {
    if (foreign(new URL(request.url()))) foreignRequests.push(`${request.method()} ${request.url()}`);
  });
  return { page, consoleErrors, foreignRequests };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: resolve(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** The page logged no console error (a CSP violation is one) and asked nothing of another origin. */
export function expectClean({ consoleErrors, foreignRequests }: WatchedPage): void {
  expect(consoleErrors).toEqual([]);
  expect(foreignRequests).toEqual([]);
}
