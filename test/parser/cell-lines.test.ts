/**
 * A cell of several lines (paragraphs in Word, Alt+Enter in Excel, `<br>` in a page, continuation
 * lines in flattened text): a label wrapped over lines reads joined, but two numbers on two lines
 * are never joined into a third one that the table does not print (`300↵280` is not 300280).
 */
import { describe, expect, it } from 'vitest';
import { makeCell } from '../../src/parser/grid.ts';
import { parseReportFile } from '../../src/parser/index.ts';
import { parseNumberCell } from '../../src/parser/numbers.ts';
import { toDocx, toHtml, toTabText, toXlsx } from './fixtures/formats.ts';
import { NATIONAL } from './fixtures/layouts.ts';
import type { LayoutSpec, SpecTable } from './fixtures/spec.ts';

describe('a cell of several lines', () => {
  it('joins a wrapped label as before, keeps two numbers apart, and keeps its lines', () => {
    expect(makeCell('资金拨付\n  及时率 ', 1, 'L1')).toMatchObject({ text: '资金拨付及时率', compact: '资金拨付及时率', lines: ['资金拨付', '及时率'] });
    expect(makeCell('2022年\n12月', 1, 'L1').text).toBe('2022年12月');
    expect(makeCell('300\n\n 280', 1, 'L1')).toMatchObject({ text: '300 280', lines: ['300', '280'] });
    expect(makeCell('≥３００\n２８０', 1, 'L1').text).toBe('≥３００ ２８０');
    expect(makeCell('300\n', 1, 'L1')).toMatchObject({ text: '300', lines: undefined });
    expect(makeCell('300', 1, 'L1').lines).toBeUndefined();
    // Whichever way two figures stand on two lines, the cell is no number.
    for (const raw of ['300\n280', '300万元\n280万元', '95%\n100%', '-5\n3']) expect(parseNumberCell(makeCell(raw, 1, 'L1').text)).toBeNull();
    expect(parseNumberCell(makeCell('300\n万元', 1, 'L1').text)).toEqual({ value: 300, unit: '万元' });
  });

  const withAdjusted = (text: string): LayoutSpec => {
    const spec: LayoutSpec = JSON.parse(JSON.stringify(NATIONAL));
    const table = spec.blocks.find((b): b is SpecTable => typeof b !== 'string')!;
    table.rows[3] = [{ t: '年度资金总额', cs: 2 }, '300', text, '266', '10', '95%', '9.5'];
    return spec;
  };
  const formats: [string, (spec: LayoutSpec) => Uint8Array][] = [
    ['docx', (s) => toDocx(s)],
    ['html', (s) => toHtml(s)],
    ['xlsx', (s) => toXlsx(s)],
    ['txt', (s) => toTabText(s)],
  ];

  it.each(formats)('reads no budget of 300280 from `300↵280` in .%s: the figure reads blank, with an error naming the cell', (ext, render) => {
    const wrapped = parseReportFile(render(withAdjusted('300\n280')), `r.${ext}`);
    const plain = parseReportFile(render(withAdjusted('280')), `r.${ext}`);
    expect(plain.reports[0].reports[0].budget_adjusted).toBe(280);
    const [report] = wrapped.reports;
    expect(report.reports[0].budget_adjusted).toBeNull();
    expect(report.budget_lines[0].budget_adjusted).toBeNull();
    expect(report.findings.find((f) => f.field === 'budget_lines.total.budget_adjusted')).toMatchObject({ code: 'FIELD_INVALID', severity: 'error', found: '300 280' });
    // The other figures and the wrapped labels (`年初↵预算数`, `资金拨付↵及时率`) read as they did.
    expect(report.reports[0].budget_initial).toBe(plain.reports[0].reports[0].budget_initial);
    expect(report.indicators.map((i) => [i.level3, i.weight, i.score])).toEqual(plain.reports[0].indicators.map((i) => [i.level3, i.weight, i.score]));
  });
});
