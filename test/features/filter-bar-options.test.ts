/** How the filter bar turns the options query into what each drop-down lists. */
import { describe, expect, it } from 'vitest';
import { groupFilterOptions } from '../../src/components/filter-bar.tsx';
import type { FilterOptionRow } from '../../src/queries/filter-options.ts';

const rows: FilterOptionRow[] = [
  { dimension: 'city', value: '益阳市', rows: 1 },
  { dimension: 'city', value: '株洲市', rows: 4 },
  { dimension: 'year', value: '2022', rows: 3 },
  { dimension: 'year', value: '2023', rows: 2 },
  { dimension: 'status', value: 'unknown', rows: 2 },
  { dimension: 'status', value: 'met', rows: 8 },
];

describe('groupFilterOptions', () => {
  it('sorts cities in pinyin order, years newest first, statuses met → unknown, with labels', () => {
    const groups = groupFilterOptions(rows, 'en');
    expect(groups.city.map((o) => o.value)).toEqual(['益阳市', '株洲市']); // yì before zhū
    expect(groups.year.map((o) => o.value)).toEqual(['2023', '2022']);
    expect(groups.status.map((o) => [o.value, o.label, o.count])).toEqual([['met', 'Met', 8], ['unknown', 'Unknown', 2]]);
  });

  it('lists the 一级 indicators in the charts\' order (产出, 效益, 满意度), in either language, others after', () => {
    const level1 = ['满意度指标', '其他指标', '效益指标', '产出指标'].map((value): FilterOptionRow => ({ dimension: 'level1', value, rows: 1 }));
    expect(groupFilterOptions(level1, 'zh').level1.map((o) => o.value)).toEqual(['产出指标', '效益指标', '满意度指标', '其他指标']);
    expect(groupFilterOptions(level1, 'en').level1.map((o) => o.label)).toEqual(['Outputs', 'Outcomes', 'Satisfaction', '其他指标']);
  });

  it('names a blank value in the page\'s language and lists it last', () => {
    const departments = ['', '市工信局', '益阳市工业和信息化局'].map((value): FilterOptionRow => ({ dimension: 'department', value, rows: 1 }));
    expect(groupFilterOptions(departments, 'zh').department.map((o) => [o.value, o.label])).toEqual([['市工信局', '市工信局'], ['益阳市工业和信息化局', '益阳市工业和信息化局'], ['', '（空白）']]);
    expect(groupFilterOptions(departments, 'en').department.at(-1)).toEqual({ value: '', label: '(blank)', count: 1 });
    // Selected through the URL while no report is blank: listed with count 0, so it can be cleared.
    expect(groupFilterOptions([], 'en', { city: [''] }).city).toEqual([{ value: '', label: '(blank)', count: 0 }]);
  });

  it('keeps a selected value the other filters leave without rows, with count 0, so it can be cleared', () => {
    const groups = groupFilterOptions(rows, 'zh', { fund: ['某专项资金'], year: [2024], city: ['株洲市'] });
    expect(groups.fund).toEqual([{ value: '某专项资金', label: '某专项资金', count: 0 }]);
    expect(groups.year.map((o) => [o.value, o.count])).toEqual([['2024', 0], ['2023', 2], ['2022', 3]]);
    expect(groups.city.map((o) => [o.value, o.count])).toEqual([['益阳市', 1], ['株洲市', 4]]); // listed once
  });
});
