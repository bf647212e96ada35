/**
 * The wordings and shapes that once stopped the parser, or shifted every figure (issue 15): a
 * bundled report rewritten with each must read with the same figures as the original; where the
 * cause of a refusal was once named wrong, the refusal names the true one.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReportFile, ReportParseError, type ParsedReport } from '../../src/parser/index.ts';
import { toPipe } from './fixtures/formats.ts';
import { NATIONAL } from './fixtures/layouts.ts';

const root = path.resolve(import.meta.dirname, '../..');
const seed = readFileSync(path.join(root, 'data/raw/001_5411fd6863900e77.txt'), 'utf8');
const encode = (text: string) => new TextEncoder().encode(text);

function read(text: string, name = '001.txt'): ParsedReport[] {
  const parsed = parseReportFile(encode(text), name);
  if (parsed.refusals.length) throw parsed.refusals[0];
  return parsed.reports;
}

function refusal(text: string, name = '001.txt'): string {
  try {
    const parsed = parseReportFile(encode(text), name);
    if (parsed.refusals.length) return parsed.refusals[0].message;
  } catch (error) {
    if (error instanceof ReportParseError) return error.message;
    throw error;
  }
  return 'read';
}

/** What a reader of the dashboard sees: the report's figures and every indicator's. */
const figures = (report: ParsedReport) => ({
  report: (({ budget_initial, budget_adjusted, executed, budget_weight, budget_score, total_weight, total_score, declared_total_score, grade }) =>
    ({ budget_initial, budget_adjusted, executed, budget_weight, budget_score, total_weight, total_score, declared_total_score, grade }))(report.reports[0]),
  indicators: report.indicators.map((i) => [i.level1, i.level2, i.level3, i.target_text, i.actual_text, i.weight, i.score, i.status]),
});

const original = figures(read(seed)[0]);
/** The seed with one cell's text (a whole TAB line, or its lines) replaced. */
const replace = (from: string, to: string) => {
  expect(seed.includes(from), from).toBe(true);
  return seed.replace(from, to);
};

describe('wordings and shapes of other provinces, in a bundled report', () => {
  it.each([
    ['其中：本年财政拨款 for 其中：当年财政拨款', '\t其中：当年财政拨款　', '\t其中：本年财政拨款'],
    ['全年实际值 for 实际完成值', '\t实际\n完成值', '\t全年实际值'],
    ['资金情况（万元） for 项目资金（万元）', '\t项目资金\n（万元）', '\t资金情况（万元）'],
    ['未完成原因分析 (Sichuan, Guizhou) for 偏差原因分析及改进措施', '\t偏差原因分析及改进措施', '\t未完成原因分析'],
    ['未完成原因及拟采取的改进措施 for 偏差原因分析及改进措施', '\t偏差原因分析及改进措施', '\t未完成原因及拟采取的改进措施'],
    ['a blank header over the deviation column', '\t偏差原因分析及改进措施', '\t'],
    ['a blank vertical 绩效指标 label', '\t绩\n效\n指\n标', '\t'],
    ['全年预算数（A） 全年执行数（B） 执行率（B/A）', '\t全年\n预算数\n\t全年\n执行数\n\t分值\n\t执行率', '\t全年预算数（A）\n\t全年执行数（B）\n\t分值\n\t执行率（B/A）'],
  ])('%s: the same figures', (_what, from, to) => {
    expect(figures(read(replace(from, to))[0])).toEqual(original);
  });

  it('a funding sub-row whose 分值/执行率/得分 are one merged cell: the same figures', () => {
    // Word flattens the merged cell into one: the 其中 row has 4 value cells where the header has 6.
    const merged = replace('\t其中：当年财政拨款　\n\t83.5\n\t83.5\n\t83.5\n\t　\n\t　\n\t　', '\t其中：当年财政拨款　\n\t83.5\n\t83.5\n\t83.5\n\t　');
    expect(figures(read(merged)[0])).toEqual(original);
  });
});

describe('the true cause of a refusal', () => {
  it('names an unknown funding row, not a count of cells', () => {
    expect(refusal(replace('\t上年结转资金　', '\t往年结余资金'))).toMatch(/^001\.txt:63: 预算表的行名“往年结余资金”无法识别.*unknown funding row “往年结余资金”/);
  });

  it('names an unknown header, not a missing table', () => {
    expect(refusal(replace('\t偏差原因分析及改进措施', '\t情况说明与整改'))).toMatch(/指标表表头“情况说明与整改”无法识别.*unknown indicator column header “情况说明与整改”/);
  });

  it('reads a pipe table without its outer pipes, and one whose merged cells were dropped, with the right weights', () => {
    const [bare] = read(new TextDecoder().decode(toPipe(NATIONAL, { bare: true })), 'bare.txt');
    const [dropped] = read(new TextDecoder().decode(toPipe(NATIONAL, { dropContinued: true })), 'dropped.txt');
    const [full] = read(new TextDecoder().decode(toPipe(NATIONAL)), 'full.txt');
    expect(figures(bare)).toEqual(figures(full));
    expect(figures(dropped)).toEqual(figures(full));
    expect(dropped.indicators.map((i) => i.weight)).toEqual([15, 15, 10, 10, 10, 10, 5, 5, 5, 5]);
  });
});
