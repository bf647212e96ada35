/**
 * The header dictionary (src/parser/layout/headers.json): every wording seen in a real table
 * resolves to its meaning, however it is spaced, bracketed or suffixed; nothing else does.
 */
import { describe, expect, it } from 'vitest';
import { compactLabel } from '../../src/parser/grid.ts';
import { DICTIONARY, allWordings, headerKey } from '../../src/parser/layout/dictionary.ts';

const LOOKUP: Record<string, ((compact: string) => unknown) | undefined> = {
  fields: DICTIONARY.field,
  budgetColumns: DICTIONARY.budgetColumn,
  fundingRows: DICTIONARY.fundingRow,
  goalColumns: DICTIONARY.goalColumn,
  indicatorColumns: DICTIONARY.indicatorColumn,
  notProjectReports: DICTIONARY.notProjectReport,
  blocks: (c) => DICTIONARY.block(c)?.meaning,
  budgetLabelArea: (c) => (DICTIONARY.isBudgetLabelArea(c) ? 'budgetLabelArea' : null),
  indicatorLabelArea: (c) => (DICTIONARY.isIndicatorLabelArea(c) ? 'indicatorLabelArea' : null),
  trailers: (c) => (DICTIONARY.isTrailer(c) ? 'trailers' : null),
  sections: (c) => (DICTIONARY.isSection(c) ? 'sections' : null),
};

describe('the header dictionary', () => {
  const wordings = allWordings().filter((w) => w.wording !== '');

  it.each(wordings.map((w) => [`${w.context} · ${w.meaning} · ${w.wording}`, w] as const))('%s', (_label, { context, meaning, wording }) => {
    const lookup = LOOKUP[context]!;
    const spaced = `${[...wording].join(' ')}`; // as a vertical or justified cell prints it
    const fullWidth = wording.replace(/\(/g, '（').replace(/\)/g, '）').replace(/:/g, '：');
    for (const form of [wording, spaced, fullWidth]) expect(lookup(compactLabel(form)), form).toBe(meaning);
  });

  it('takes off the suffixes tables add: column letters and formulas, units, points; and a leading 其中', () => {
    expect(DICTIONARY.budgetColumn(compactLabel('全年预算数（A）'))).toBe('budget_adjusted');
    expect(DICTIONARY.budgetColumn(compactLabel('执行率(B/A)'))).toBe('rate');
    expect(DICTIONARY.budgetColumn(compactLabel('全年执行数（万元）'))).toBe('executed');
    expect(DICTIONARY.indicatorColumn(compactLabel('年度指标值(A)'))).toBe('target');
    expect(DICTIONARY.fundingRow(compactLabel('其中：本年财政拨款'))).toBe('appropriation');
    expect(DICTIONARY.fundingRow(compactLabel('年度资金总额：'))).toBe('total');
    expect(DICTIONARY.block(compactLabel('绩效指标（90分）'))).toEqual({ meaning: 'indicators', points: 90 });
    expect(DICTIONARY.block(compactLabel('预算执行情况（万元）（20分）'))).toEqual({ meaning: 'budget', points: 20 });
    expect(headerKey('项目资金（元）')).toEqual({ key: '项目资金', points: null });
  });

  it('knows no near-miss: a wording not seen is unknown, whatever it resembles', () => {
    for (const word of ['实际完成率', '年度指标', '分 值 说明', '偏差', '预算', '全年预算数合计', '三级', '权重(%)合计']) {
      expect(DICTIONARY.indicatorColumn(compactLabel(word)), word).toBeNull();
      expect(DICTIONARY.budgetColumn(compactLabel(word)), word).toBeNull();
    }
  });

  it('reads the same words differently where a table does: 分值 in the budget and in the indicators, 合计 as a funding row and as the total', () => {
    expect(DICTIONARY.budgetColumn('分值')).toBe('weight');
    expect(DICTIONARY.indicatorColumn('分值')).toBe('weight');
    expect(DICTIONARY.fundingRow('合计')).toBe('total');
    expect(DICTIONARY.block('合计')?.meaning).toBe('total');
  });

  it('ends the indicator rows at a note, by its word alone or before a colon, not at a name that starts like one', () => {
    expect(DICTIONARY.isTrailer(compactLabel('项目负责人：王某'))).toBe(true);
    expect(DICTIONARY.isTrailer(compactLabel('注：1.一级指标分值统一设置为'))).toBe(true);
    expect(DICTIONARY.isTrailer(compactLabel('注册企业数量'))).toBe(false);
    expect(DICTIONARY.isTrailer(compactLabel('说明书发放'))).toBe(false);
  });
});
