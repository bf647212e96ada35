/**
 * The report view in the production build: a report opened by URL shows its figures (checked
 * against the CSV files read here with papaparse), the list applies filters and search, a click
 * on a list row opens a report, and back returns.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { formatCount, formatMoney, formatScore } from '../../src/lib/format.ts';
import { expectClean, openPage, screenshot, useBrowser, type WatchedPage } from './browser.ts';
import { parseFindingParams, renderFinding } from '../../src/lib/findings/messages.ts';
import { readCsv } from './expected-figures.ts';

const siteUrl = inject('siteUrl');
const dataDir = inject('dataDir');
const QIXIE = '001_5411fd6863900e77';
const YIYANG = '002_d677b793e52480fc';

const num = (text: string) => (text === '' ? null : Number(text));

const browser = useBrowser();

async function openReport(search: string, width = 1440): Promise<WatchedPage> {
  const watched = await openPage(browser(), siteUrl, width);
  await watched.page.goto(`${siteUrl}${search}`);
  return watched;
}

const waitForReport = (page: Page, id: string) =>
  page.locator(`[data-testid="report"][data-state="ready"][data-source="live"][data-report="${id}"]`).waitFor({ timeout: 30_000 });
const waitForList = (page: Page) => page.locator('[data-testid="report-list"][data-source="live"]').waitFor({ timeout: 30_000 });
const listedIds = (page: Page) => page.locator('.report-table tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-report')));

describe('report view (production build under a sub-path)', () => {
  it('opens 企协专项 by URL: merged group, 总分 10 printed vs 100 computed, the finding at line 124', async () => {
    const watched = await openReport(`?view=report&report=${QIXIE}`);
    const { page } = watched;
    await waitForReport(page, QIXIE);
    const report = readCsv(dataDir, 'reports').find((r) => r.report_id === QIXIE)!;
    const indicators = readCsv(dataDir, 'indicators').filter((r) => r.report_id === QIXIE);
    const findings = readCsv(dataDir, 'findings').filter((r) => r.report_id === QIXIE);

    expect(await page.getByTestId('report-project').innerText()).toBe(report.project);
    expect(await page.locator('[data-cell="project-name"]').innerText()).toBe(report.project_name_printed);
    expect(await page.locator('[data-cell="department"]').innerText()).toBe(report.department);
    expect(await page.locator('.tab[aria-current="page"]').innerText()).toBe('报告详情');

    const total = readCsv(dataDir, 'budget_lines').find((r) => r.report_id === QIXIE && r.line === 'total')!;
    const totalCells = await page.locator('[data-testid="report-budget"] tr[data-line="total"] td').allInnerTexts();
    expect(totalCells.slice(0, 3)).toEqual([total.budget_initial, total.budget_adjusted, total.executed].map((v) => formatMoney(num(v), 'zh')));

    const rows = page.locator('[data-testid="report-indicators"] tr[data-seq]');
    expect(await rows.count()).toBe(indicators.length);
    // The 一级 cell spans the consecutive rows printed under the same label.
    const firstLevel1 = indicators[0].level1_printed;
    const level1Run = indicators.findIndex((r) => r.level1_printed !== firstLevel1);
    const level1Cell = rows.first().locator('th').first();
    expect(await level1Cell.innerText()).toBe(firstLevel1);
    expect(await level1Cell.getAttribute('rowspan')).toBe(String(level1Run));
    // One 分值 cell for the merged group.
    const group = indicators.filter((r) => r.group_id === indicators[0].group_id && r.group_id !== '');
    const weightCell = rows.first().locator('[data-cell="weight"]');
    expect(await weightCell.getAttribute('rowspan')).toBe(String(group.length));
    expect(await weightCell.innerText()).toBe(formatScore(num(group[0].group_weight), 'zh'));
    expect(await page.locator('[data-testid="report-indicators"] [data-cell="weight"]').count())
      .toBe(indicators.length - group.length + 1);

    // 总分: computed against printed, the mismatch marked.
    expect(await page.locator('[data-cell="total-computed"]').innerText()).toBe(formatScore(num(report.total_score), 'zh'));
    const declared = page.locator('[data-cell="total-declared"]');
    expect(await declared.innerText()).toBe(`填报 ${formatScore(num(report.declared_total_score), 'zh')}`);
    expect(await declared.getAttribute('class')).toContain('is-mismatch');

    // 复核: the group of five is allowed 18.4 of its 20 (10场沙龙 ended at 6: 6 ÷ 10 × 4 = 2.4), in red;
    // the missed row says its arithmetic; the total by the rules and its figure.
    const ruleCell = rows.first().locator('[data-cell="rule"]');
    const groupAllowed = group.reduce((sum, r) => sum + (num(r.rule_score) ?? 0), 0);
    expect(await ruleCell.innerText()).toBe(formatScore(groupAllowed, 'zh'));
    expect(await ruleCell.getAttribute('class')).toContain('is-over');
    const ratioRow = indicators.find((i) => i.rule === 'ratio_up')!;
    expect(await page.locator(`tr[data-seq="${ratioRow.seq}"] [data-cell="rule-note"]`).innerText()).toBe(`复核：${ratioRow.rule_note} 分`);
    expect(await page.locator('[data-cell="total-rule"]').innerText()).toBe(formatScore(num(report.rule_total_score), 'zh'));
    expect(await page.locator('[data-figure="rule-score"] .key-figure-value').innerText()).toBe(formatScore(num(report.rule_total_score), 'zh'));

    // The finding at line 124 and the row it points at.
    const missed = findings.find((f) => f.code === 'FULL_SCORE_TARGET_MISSED')!;
    const pointed = indicators.find((i) => i.level3_line === missed.line || i.line === missed.line)!;
    const item = page.locator(`[data-testid="report-findings"] li[data-code="FULL_SCORE_TARGET_MISSED"]`);
    expect(await item.locator('.finding-line').innerText()).toBe(`第 ${missed.line} 行`);
    expect(await item.locator('.finding-code').innerText()).toBe('未达成却得满分');
    const pointedRow = page.locator(`[data-testid="report-indicators"] tr[data-seq="${pointed.seq}"]`);
    expect(await pointedRow.getAttribute('class')).toContain('is-flagged-error');
    expect(await pointedRow.locator('.status-badge').innerText()).toBe('未达成');
    expect(await page.locator('[data-testid="report-findings"] li').count()).toBe(findings.length);
    expect(await page.locator('[data-figure="findings"] .key-figure-value').innerText()).toBe(formatCount(findings.length, 'zh'));

    // A status without a plain verdict says why in its tooltip.
    const unsure = indicators.find((i) => (i.status === 'unknown' || i.status === 'claimed') && i.status_reason !== '')!;
    expect(await page.locator(`tr[data-seq="${unsure.seq}"] .status-badge`).getAttribute('title')).toBe(unsure.status_reason);

    await item.locator('.finding-line').click();
    await page.waitForFunction((seq) => document.querySelector(`tr[data-seq="${seq}"]`)?.classList.contains('is-located'), pointed.seq);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(1700); // the located flash fades
    await screenshot(page, 'report-zh-1440');
    expectClean(watched);
  });

  it('shows Yiyang\'s in-year cut: 年初 752, 全年 593.04', async () => {
    const watched = await openReport(`?view=report&report=${YIYANG}`);
    const { page } = watched;
    await waitForReport(page, YIYANG);
    const total = readCsv(dataDir, 'budget_lines').find((r) => r.report_id === YIYANG && r.line === 'total')!;
    const cells = page.locator('[data-testid="report-budget"] tr[data-line="total"] td');
    expect(await cells.nth(0).innerText()).toBe(formatMoney(num(total.budget_initial), 'zh'));
    expect(await cells.nth(1).innerText()).toBe(formatMoney(num(total.budget_adjusted), 'zh'));
    expect(await cells.nth(1).getAttribute('class')).toContain('is-changed');
    expect(formatMoney(num(total.budget_initial), 'zh')).toBe('752.00 万元');
    expect(await page.locator('[data-figure="budget-adjusted"] .key-figure-hint').innerText()).toBe('年初预算 752.00 万元');
    expect(await page.locator('[data-figure="execution-rate"] .key-figure-hint').innerText())
      .toBe(`对年初预算：${(593.04 / 752 * 100).toFixed(1)}%`);
    // The finding's values as the page gives money.
    expect(await page.locator('li[data-code="BUDGET_ADJUSTED"] .finding-values').innerText()).toBe('应为 752.00 万元 · 实为 593.04 万元');
    expectClean(watched);
  });

  it('reaches a report from the overview with one click on a list row, and back returns', async () => {
    const watched = await openReport('');
    const { page } = watched;
    await page.locator('[data-testid="overview"][data-source="live"]').waitFor({ timeout: 30_000 });
    await page.locator('.tab[data-view="report"]').click();
    await waitForList(page);
    const project = readCsv(dataDir, 'reports').find((r) => r.report_id === QIXIE)!.project;
    await page.locator(`.report-table tr[data-report="${QIXIE}"] td`).first().click();
    await waitForReport(page, QIXIE);
    expect(new URL(page.url()).searchParams.get('report')).toBe(QIXIE);
    expect(await page.getByTestId('report-project').innerText()).toBe(project);

    await page.getByTestId('report-back').click();
    await waitForList(page);
    expect(new URL(page.url()).searchParams.get('report')).toBeNull();
    await page.goBack();
    await page.locator('[data-testid="overview"]').waitFor();
    await page.goForward();
    await waitForList(page);
    expectClean(watched);
  });

  it('goes to the overview from a report opened by a shared link', async () => {
    const watched = await openReport(`?view=report&report=${YIYANG}&city=${encodeURIComponent('益阳市')}`);
    const { page } = watched;
    await waitForReport(page, YIYANG);
    await page.getByTestId('report-back').click();
    await page.locator('[data-testid="overview"]').waitFor();
    const url = new URL(page.url());
    expect([url.searchParams.get('view'), url.searchParams.get('report'), url.searchParams.get('city')]).toEqual([null, null, '益阳市']);
    expectClean(watched);
  });

  it('lists the reports the URL filters let through', async () => {
    const city = '益阳市';
    const watched = await openReport(`?view=report&city=${encodeURIComponent(city)}`);
    const { page } = watched;
    await waitForList(page);
    const expected = readCsv(dataDir, 'reports').filter((r) => r.city === city);
    expect(await listedIds(page)).toEqual(expected.map((r) => r.report_id));
    const row = page.locator(`.report-table tr[data-report="${expected[0].report_id}"]`);
    expect(await row.locator('td').nth(3).innerText()).toBe(formatMoney(num(expected[0].budget_adjusted), 'zh'));
    expectClean(watched);
  });

  it('sorts the list by a header, largest first, then the other way, and keeps the order in the URL', async () => {
    const watched = await openReport('?view=report');
    const { page } = watched;
    await waitForList(page);
    const all = readCsv(dataDir, 'reports');
    const byBudget = [...all].sort((a, b) => num(b.budget_adjusted)! - num(a.budget_adjusted)!).map((r) => r.report_id);
    const header = page.locator('.report-table th[data-column="budget_adjusted"] button');
    await header.click();
    await expect.poll(() => listedIds(page)).toEqual(byBudget);
    expect(await page.locator('.report-table th[data-column="budget_adjusted"]').getAttribute('aria-sort')).toBe('descending');
    expect(new URL(page.url()).searchParams.get('rsort')).toBe('-budget_adjusted');
    await header.click();
    await expect.poll(() => listedIds(page)).toEqual([...byBudget].reverse());
    expectClean(watched);
  });

  it('searches the list, keeping the search in the URL', async () => {
    const watched = await openReport('?view=report');
    const { page } = watched;
    await waitForList(page);
    expect(await listedIds(page)).toHaveLength(readCsv(dataDir, 'reports').length);
    await page.getByTestId('report-search').fill('企协');
    await page.waitForFunction(() => document.querySelectorAll('.report-table tbody tr').length === 1);
    expect(await listedIds(page)).toEqual([QIXIE]);
    expect(new URL(page.url()).searchParams.get('rq')).toBe('企协');
    await page.getByTestId('report-search').fill('');
    await page.waitForFunction((n) => document.querySelectorAll('.report-table tbody tr').length === n, readCsv(dataDir, 'reports').length);
    await screenshot(page, 'report-list-zh-1440');
    expectClean(watched);
  });

  it('says so when the report id is unknown, and offers the list', async () => {
    const watched = await openReport('?view=report&report=no-such-report');
    const { page } = watched;
    const message = await page.getByTestId('report-unknown').innerText({ timeout: 30_000 });
    expect(message).toContain('no-such-report');
    await waitForList(page);
    expect(await listedIds(page)).toHaveLength(readCsv(dataDir, 'reports').length);
    expectClean(watched);
  });

  for (const lang of ['zh', 'en'] as const) {
    it(`gives each of a report's findings in the page's language, from its code and params (${lang})`, async () => {
      const watched = await openReport(`?view=report&report=${YIYANG}${lang === 'en' ? '&lang=en' : ''}`);
      const { page } = watched;
      await waitForReport(page, YIYANG);
      const findings = readCsv(dataDir, 'findings').filter((r) => r.report_id === YIYANG);
      expect(findings.map((f) => f.code)).toContain('BUDGET_ADJUSTED'); // money in the message: 万元 or CNY M
      const items = page.locator('[data-testid="report-findings"] li');
      expect(await items.count()).toBe(findings.length);
      const shown = await items.evaluateAll((lis) => lis.map((li) => {
        const message = li.querySelector('.finding-message')!;
        const own = [...message.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('');
        return `${li.getAttribute('data-code')}@${li.getAttribute('data-line')}: ${own}`;
      }));
      expect(shown.sort()).toEqual(findings.map((f) => `${f.code}@${f.line}: ${renderFinding(f.code, parseFindingParams(f.params)!, lang)}`).sort());
      const adjusted = shown.find((text) => text.startsWith('BUDGET_ADJUSTED'))!;
      expect(adjusted).toContain(lang === 'zh' ? '年初 752 万元，全年 593.04 万元' : 'initial CNY 7.52 M, adjusted CNY 5.9304 M');
      expectClean(watched);
    });
  }

  for (const [lang, width] of [['en', 1440], ['zh', 390], ['en', 390]] as const) {
    it(`reads in ${lang === 'en' ? 'English' : 'Chinese'} at ${width} px without overflowing the page`, async () => {
      const watched = await openReport(`?view=report&report=${QIXIE}${lang === 'en' ? '&lang=en' : ''}`, width);
      const { page } = watched;
      await waitForReport(page, QIXIE);
      if (lang === 'en') {
        expect(await page.locator('.sheet-caption #report-sheet-title').innerText()).toBe('Project expenditure performance self-evaluation');
        expect(await page.locator('[data-cell="total-declared"]').innerText()).toBe('printed 10');
        expect(await page.locator('[data-testid="report-findings"] li[data-code="TOTAL_SCORE_MISMATCH"] .finding-message').innerText())
          .toBe('declared total score 10, but the scores add up to 100\nexpected 100 · found 10');
        expect(await page.locator('li[data-code="FULL_SCORE_TARGET_MISSED"] .finding-values').innerText())
          .toBe('expected 10场企业家沙龙 · found 6场沙龙、1场企业家年会');
        // The funding rows are named by kind in English (in Chinese, as printed).
        expect(await page.locator('[data-testid="report-budget"] tr[data-line] th.sheet-label').allInnerTexts())
          .toEqual(['Total funds for the year', 'of which: current-year appropriation', 'carried over from last year', 'other funds']);
      } else {
        const printed = readCsv(dataDir, 'budget_lines').filter((r) => r.report_id === QIXIE).map((r) => r.line_label);
        expect(await page.locator('[data-testid="report-budget"] tr[data-line] th.sheet-label').allInnerTexts()).toEqual(printed);
      }
      // The sheet scrolls inside its card; the page itself never scrolls sideways.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await screenshot(page, `report-${lang}-${width}`);
      expectClean(watched);
    });
  }
});
