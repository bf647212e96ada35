/**
 * Figures no report can hold, each a finding with its line (issue 16): negative money, a figure's
 * cell that is not a number, a budget score above its points, more executed than budgeted; and a
 * UTF-8 file with a few bad bytes, read with them replaced and said where.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReport, ReportParseError, type ParsedReport } from '../../src/parser/index.ts';

const root = path.resolve(import.meta.dirname, '../..');
const seed = readFileSync(path.join(root, 'data/raw/003_dc77c382bdb3a624.txt'), 'utf8');
const lines = seed.split('\n');
// The 年度资金总额 row of seed 003 (lines 61–67): 年初, 全年, 执行, 分值, 执行率, 得分.
const TOTAL = 61;

/** The seed with some cells of its 年度资金总额 row rewritten (by column, 0 = 年初预算数). */
function withTotalRow(cells: Record<number, string>): ParsedReport {
  const edited = lines.map((line, i) => (i + 1 - TOTAL - 1 in cells ? `\t${cells[i - TOTAL]}` : line));
  return parseReport(new TextEncoder().encode(edited.join('\n')), '003.txt');
}
const codes = (report: ParsedReport, code: string) => report.findings.filter((f) => f.code === code);

describe('impossible figures', () => {
  it('a budget score above its points: SCORE_EXCEEDS_WEIGHT on the budget; points below zero: FIELD_INVALID', () => {
    const [finding] = codes(withTotalRow({ 5: '15' }), 'SCORE_EXCEEDS_WEIGHT');
    expect(finding).toMatchObject({ field: 'reports.budget_score', expected: '10', found: '15', line: TOTAL });
    expect(codes(withTotalRow({ 5: '-5' }), 'FIELD_INVALID')).toMatchObject([{ field: 'budget_lines.total.score', found: '-5', line: TOTAL }]);
  });

  it('negative money, with an ASCII or a full-width minus: NEGATIVE_AMOUNT for each', () => {
    for (const minus of ['-', '－']) {
      const report = withTotalRow({ 0: `${minus}810.24`, 1: `${minus}810.24`, 2: `${minus}810.24` });
      expect(codes(report, 'NEGATIVE_AMOUNT').map((f) => [f.field, f.found, f.line])).toEqual([
        ['budget_lines.total.budget_initial', '-810.24', TOTAL],
        ['budget_lines.total.budget_adjusted', '-810.24', TOTAL],
        ['budget_lines.total.executed', '-810.24', TOTAL],
      ]);
    }
  });

  it('a figure\'s cell that is no number: FIELD_INVALID with the text found, on the cell\'s line', () => {
    for (const text of ['abc', '12.34.56', 'NaN', 'Infinity', '1e308']) {
      const report = withTotalRow({ 1: text });
      expect(report.reports[0].budget_adjusted).toBeNull();
      expect(codes(report, 'FIELD_INVALID').map((f) => [f.field, f.found, f.line]), text).toEqual([['budget_lines.total.budget_adjusted', text, TOTAL]]);
    }
  });

  it('more executed than budgeted (81024 of 810.24, declared 10000%): EXECUTION_OVER_BUDGET, the declared rate agreeing', () => {
    const report = withTotalRow({ 2: '81024', 4: '10000%' });
    expect(codes(report, 'EXECUTION_OVER_BUDGET')).toMatchObject([{ field: 'reports.executed', found: '81024', line: TOTAL }]);
    expect(report.reports[0].execution_rate).toBe(100);
    // A declared rate that does not match still says so.
    expect(codes(withTotalRow({ 2: '81024', 4: '100%' }), 'EXECUTION_RATE_MISMATCH')).toHaveLength(1);
  });

  it('an indicator\'s 分值 or 得分 that is no possible number of points: FIELD_INVALID, read as blank', () => {
    // The 得分 cell after the first 分值 cell of the indicator table (a weight left blank would leave
    // the weights short of 100, and the table refused for that).
    const at = lines.findIndex((l, i) => i > 120 && /^\t　?\d+$/.test(l)) + 1;
    const edited = lines.map((l, i) => (i === at ? '\t-5' : l)).join('\n');
    const report = parseReport(new TextEncoder().encode(edited), '003.txt');
    const [finding] = codes(report, 'FIELD_INVALID');
    expect(finding).toMatchObject({ field: 'indicators.score', found: '-5' });
    expect(report.indicators.some((i) => i.level3_line === finding.line && i.score == null)).toBe(true);
  });
});

describe('bytes that are no character', () => {
  const bytes = new Uint8Array(readFileSync(path.join(root, 'data/raw/003_dc77c382bdb3a624.txt')));
  const lineOf = (offset: number) => new TextDecoder().decode(bytes.subarray(0, offset)).split('\n').length;

  it('one bad byte in a UTF-8 report: read, the byte replaced, ENCODING_REPAIRED with its line and offset', () => {
    const offset = bytes.indexOf(0xe5, 3000); // the lead byte of a character in the table
    const flipped = bytes.slice();
    flipped[offset] = 0xff;
    const report = parseReport(flipped, '003.txt');
    expect(report.encoding).toBe('utf-8');
    expect(codes(report, 'ENCODING_REPAIRED')).toMatchObject([{ found: `byte ${offset}`, line: lineOf(offset), severity: 'warning' }]);
    expect(report.indicators).toHaveLength(parseReport(bytes, '003.txt').indicators.length);
  });

  it('a file cut in the middle of a character: read, and said where', () => {
    let start = bytes.length - 1;
    while (start > 0 && bytes[start] < 0xe0) start--; // the last character of three bytes
    const partial = bytes.subarray(0, start + 2); // its lead byte and one of its two continuation bytes
    let report: ParsedReport | null = null;
    try {
      report = parseReport(partial, '003.txt');
    } catch (error) {
      expect(error).toBeInstanceOf(ReportParseError); // the table may end cut off too: then refused for that, not for the bytes
    }
    if (report) expect(codes(report, 'ENCODING_REPAIRED').map((f) => f.found)).toEqual([`byte ${start}`]);
  });

  it('a file mostly undecodable is still refused', () => {
    const noise = bytes.slice();
    for (let i = 0; i < noise.length; i += 7) noise[i] = 0xff;
    expect(() => parseReport(noise, 'noise.txt')).toThrow(ReportParseError);
  });
});
