/** The indicators view's pure shaping and option builders: rows in, bars and ECharts options out. */
import { describe, expect, it } from 'vitest';
import { STATUS_COLORS } from '../../src/components/chart-option.ts';
import { ACHIEVEMENT_CAP, buildAchievementOption, clip, targetText } from '../../src/features/indicators/achievement-option.ts';
import { escapeHtml } from '../../src/features/indicators/option-context.ts';
import { level1Bars, level2Bars, projectBars } from '../../src/features/indicators/status-bars.ts';
import { buildStatusStackOption, statusStackHeight } from '../../src/features/indicators/status-stack-option.ts';
import { translator } from '../../src/lib/i18n.ts';
import type { Lang } from '../../src/lib/url-state.ts';
import type { IndicatorAchievementRow } from '../../src/queries/indicator-achievement.ts';
import type { IndicatorStatusByLevelRow } from '../../src/queries/indicator-status-by-level.ts';
import type { IndicatorStatusByReportRow } from '../../src/queries/indicator-status-by-report.ts';

const ctx = (lang: Lang = 'zh') => ({ lang, t: translator(lang) });
// ECharts options are unions of arrays and objects; the tests read them loosely.
const loose = (value: unknown) => value as any;

const levelRows: IndicatorStatusByLevelRow[] = [
  { level1: '满意度指标', level2: '服务对象满意度指标', status: 'unknown', indicators: 3 },
  { level1: '效益指标', level2: '经济效益指标', status: 'met', indicators: 3 },
  { level1: '产出指标', level2: '质量指标', status: 'met', indicators: 3 },
  { level1: '产出指标', level2: '数量指标', status: 'met', indicators: 9 },
  { level1: '产出指标', level2: '数量指标', status: 'not_met', indicators: 1 },
];

const reportRow = (report_id: string, project: string | null, status: IndicatorStatusByReportRow['status'], indicators: number, year = 2022): IndicatorStatusByReportRow =>
  ({ report_id, project, city: '株洲市', year, status, indicators });

describe('status bars', () => {
  it('sums 一级 in the table order, 产出 → 效益 → 满意度', () => {
    const bars = level1Bars(levelRows, ctx());
    expect(bars.map((b) => [b.label, b.total])).toEqual([['产出指标', 13], ['效益指标', 3], ['满意度指标', 3]]);
    expect(bars[0].counts).toEqual({ met: 12, not_met: 1 });
    expect(level1Bars(levelRows, ctx('en')).map((b) => b.label)).toEqual(['Outputs', 'Outcomes', 'Satisfaction']);
  });

  it('orders 二级 as the table does (数量 before 质量), translated in English', () => {
    expect(level2Bars(levelRows, ctx()).map((b) => b.label)).toEqual(['数量指标', '质量指标', '经济效益指标', '服务对象满意度指标']);
    expect(level2Bars(levelRows, ctx('en')).map((b) => b.label)).toEqual(['Quantity', 'Quality', 'Economic benefit', 'Beneficiary satisfaction']);
    expect(level2Bars([{ level1: null, level2: null, status: 'met', indicators: 1 }], ctx())[0].label).toBe('（空白）');
  });

  it('names a project once, and adds the year when two reports share a project name', () => {
    const bars = projectBars([
      reportRow('b', '企协专项', 'met', 3), reportRow('b', '企协专项', 'not_met', 1),
      reportRow('a', '产业链专项', 'met', 9),
      reportRow('c', '产业链专项', 'met', 2, 2023),
    ], ctx());
    expect(bars.map((b) => [b.reportId, b.label, b.total])).toEqual([
      ['a', '产业链专项（株洲市 2022）', 9], ['c', '产业链专项（株洲市 2023）', 2], ['b', '企协专项', 4],
    ]);
  });
});

describe('buildStatusStackOption', () => {
  it('stacks the five statuses in the overview colours, zero segments unlabelled, ids for clicks', () => {
    const bars = level1Bars(levelRows, ctx());
    const option = loose(buildStatusStackOption(bars, ctx(), { clickableLabels: true }));
    expect(option.series.map((s: { name: string }) => s.name)).toEqual(['达成', '部分达成', '未达成', '仅称完成', '无法判断']);
    expect(option.series.map((s: { itemStyle: { color: string } }) => s.itemStyle.color)).toEqual(
      [STATUS_COLORS.met, STATUS_COLORS.partial, STATUS_COLORS.not_met, STATUS_COLORS.claimed, STATUS_COLORS.unknown]);
    expect(option.series.every((s: { stack: string }) => s.stack === 'status')).toBe(true);
    expect(option.series[2].data[0]).toEqual({ value: 1, status: 'not_met', id: '产出指标' });
    expect(option.series[0].label.formatter({ value: 0 })).toBe('');
    expect(option.series[0].label.formatter({ value: 12 })).toBe('12');
    expect(option.yAxis.data).toEqual(['产出指标', '效益指标', '满意度指标']);
    expect(option.yAxis.inverse).toBe(true);
    expect(option.yAxis.triggerEvent).toBe(true);
    expect(option.xAxis.name).toBe('指标数（项）');
  });

  it('writes a tooltip with every status and the total, escaping report text', () => {
    const bars = projectBars([reportRow('x', '<b>项目</b>', 'met', 2)], ctx());
    const option = loose(buildStatusStackOption(bars, ctx('en')));
    const html = option.tooltip.formatter([
      { dataIndex: 0, seriesName: 'Met', value: 2, marker: '' },
      { dataIndex: 0, seriesName: 'Not met', value: 0, marker: '' },
    ]);
    expect(html).toContain('&#60;b&#62;项目&#60;/b&#62;');
    // English separates label and value with ': ', Chinese with '：'.
    expect(html).toContain('Met: <b>2</b>');
    expect(html).toContain('Total: <b>2</b>');
    const zh = loose(buildStatusStackOption(bars, ctx('zh'))).tooltip.formatter([{ dataIndex: 0, seriesName: '已完成', value: 2, marker: '' }]);
    expect(zh).toContain('已完成：<b>2 项</b>');
    expect(zh).toContain('合计：<b>2 项</b>');
  });

  it('gives each bar its row', () => {
    expect(statusStackHeight(9)).toBeGreaterThan(statusStackHeight(3));
    expect(loose(buildStatusStackOption([], ctx())).yAxis.data).toEqual([]);
  });
});

const achievementRow = (over: Partial<IndicatorAchievementRow>): IndicatorAchievementRow => ({
  report_id: '001', project: '企协专项', seq: 1, level3: '10场企业家沙龙', target_text: null, actual_text: '6场沙龙',
  target_value: 10, target_unit: '场', actual_value: 6, achievement: 0.6, status: 'not_met', total: 3, ...over,
});

describe('buildAchievementOption', () => {
  const rows = [
    achievementRow({}),
    achievementRow({ report_id: '002', seq: 1, level3: '新入规企业', project: '服务先进制造业高质量发展专项资金', target_text: '135家', achievement: 136 / 135, status: 'met' }),
    achievementRow({ report_id: '003', seq: 8, level3: '园区承载力', target_text: '10%', achievement: 10.6, status: 'met' }),
  ];

  it('caps the bars at 200% and keeps the true ratio in labels and tooltip', () => {
    const option = loose(buildAchievementOption(rows, ctx()));
    const data = option.series[0].data;
    expect(data.map((d: { value: number }) => d.value)).toEqual([0.6, 136 / 135, ACHIEVEMENT_CAP]);
    expect(data[2].reportId).toBe('003');
    expect(data[0].itemStyle.color).toBe(STATUS_COLORS.not_met);
    expect(option.xAxis.max).toBe(ACHIEVEMENT_CAP);
    expect(option.xAxis.axisLabel.formatter(1.5)).toBe('150%');
    expect(option.series[0].label.formatter({ dataIndex: 2 })).toBe('1,060% ›');
    expect(option.series[0].markLine.data).toEqual([{ xAxis: 1 }]);
    expect(option.series[0].markLine.label.formatter).toBe('目标 100%');
    const tip = option.tooltip.formatter({ dataIndex: 2 });
    expect(tip).toContain('完成率：<b>1,060.0%</b>（图中截至 200%）');
    expect(option.tooltip.formatter({ dataIndex: 0 })).toContain('指标值：10场');
  });

  it('labels each bar with the indicator over its project, by index (names may repeat)', () => {
    const option = loose(buildAchievementOption(rows, ctx()));
    expect(option.yAxis.data).toEqual(['0', '1', '2']);
    expect(option.yAxis.axisLabel.formatter('1', 1)).toBe('{name|新入规企业}\n{project|服务先进制造业高质量发展专项资金}');
    const narrow = loose(buildAchievementOption(rows, { ...ctx('en'), narrow: true }));
    expect(narrow.yAxis.axisLabel.formatter('1', 1)).toBe('{name|新入规企业}\n{project|服务先进制造业高…}');
    expect(narrow.xAxis.name).toBe('Achievement');
    expect(narrow.xAxis.interval).toBe(1); // 0%, 100%, 200% on a phone
  });

  it('leaves room above 100% when nothing is over target', () => {
    expect(loose(buildAchievementOption([achievementRow({})], ctx())).xAxis.max).toBe(1.2);
  });
});

describe('text helpers', () => {
  it('clips long labels and escapes HTML', () => {
    expect(clip('提升中小企业与龙头企业协作配套', 6)).toBe('提升中小企…');
    expect(clip('满意度', 6)).toBe('满意度');
    expect(escapeHtml(`<img src=x onerror="a">&'`)).toBe('&#60;img src=x onerror=&#34;a&#34;&#62;&#38;&#39;');
  });

  it('shows the target as printed, else as parsed, else blank', () => {
    expect(targetText({ target_text: '≥90%', target_value: 90, target_unit: '%' }, 'zh')).toBe('≥90%');
    expect(targetText({ target_text: null, target_value: 10, target_unit: '场' }, 'zh')).toBe('10场');
    expect(targetText({ target_text: null, target_value: null, target_unit: null }, 'zh')).toBe('—');
  });
});
