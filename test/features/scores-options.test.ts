/** The score view's pure option builders: rows in, ECharts option out, no DOM. */
import { describe, expect, it } from 'vitest';
import { buildDeclaredTotalsOption, describeDeclaredTotals } from '../../src/features/scores/declared-totals-option.ts';
import { buildGradeCountsOption, describeGradeCounts } from '../../src/features/scores/grade-counts-option.ts';
import { escapeHtml, formatRate, rankProjects } from '../../src/features/scores/score-format.ts';
import { buildScoreRateHeatmapOption, describeScoreRates, rateColumns } from '../../src/features/scores/score-rate-heatmap-option.ts';
import { buildTotalScoresOption, describeTotalScores, scoreAxisRange } from '../../src/features/scores/total-scores-option.ts';
import { translator } from '../../src/lib/i18n.ts';
import type { Lang } from '../../src/lib/url-state.ts';
import { buildGapDistributionOption, buildRuleGapOption, byRuleGap, describeGapDistribution, describeRuleGaps, gapBandCounts } from '../../src/features/scores/rule-gap-option.ts';
import type { ScoreRateRow } from '../../src/queries/score-rates.ts';
import type { ScoreTotalRow } from '../../src/queries/score-totals.ts';

const ctx = (lang: Lang = 'zh') => ({ lang, t: translator(lang) });
// ECharts options are unions of arrays and objects; the tests read them loosely.
const loose = (value: unknown) => value as any;

const total = (report_id: string, project: string, total_score: number | null, declared: number | null, grade: string | null): ScoreTotalRow => ({
  report_id, project, year: 2022, city: '株洲市', total_score, total_weight: 100, declared_total_score: declared, grade,
  rule_total_score: total_score, rule_grade: grade, rule_gap: total_score == null ? null : 0, rule_coverage: 1,
  mismatch: total_score != null && declared != null && total_score !== declared,
});

// Modelled on the bundled data: 002 scores 99, 001 and 004 declare 10.
const totals = [
  total('000', '产业链专项', 100, 100, '优'),
  total('001', '企协专项', 100, 10, '优'),
  total('002', '服务先进制造业高质量发展专项资金', 99, 99, '优'),
  total('004', '中小企业科专项', 100, 10, '优'),
];
const cell = (report_id: string, category: string, weight: number | null, score: number | null): ScoreRateRow => ({
  report_id, category, weight, score, rate: weight && score != null ? score / weight : null,
});

describe('rankProjects', () => {
  it('puts the best total first, ties in Chinese reading order, blanks last', () => {
    const ranked = rankProjects([...totals, total('009', '无分项目', null, null, null)]);
    expect(ranked.map((p) => p.report_id)).toEqual(['000', '001', '004', '002', '009']); // chǎn, qǐ, zhōng
  });

  it('keeps projects of the same name apart with year and city, then the report id', () => {
    const twice = rankProjects([total('a', '同名', 90, 90, '优'), { ...total('b', '同名', 80, 80, '良'), year: 2023 }]);
    expect(twice.map((p) => p.label)).toEqual(['同名（2022 株洲市）', '同名（2023 株洲市）']);
    const same = rankProjects([total('a', '同名', 90, 90, '优'), total('b', '同名', 80, 80, '良')]);
    expect(same.map((p) => p.label)).toEqual(['同名（2022 株洲市） · a', '同名（2022 株洲市） · b']);
  });
});

describe('buildTotalScoresOption', () => {
  const projects = rankProjects(totals);

  it('draws a dot per project, best on top, coloured by grade, with the report id for clicks', () => {
    const option = loose(buildTotalScoresOption(projects, ctx()));
    expect(option.yAxis.data).toEqual(['服务先进制造业高质量发展专项资金', '中小企业科专项', '企协专项', '产业链专项']);
    expect(option.series[0].data[0]).toMatchObject({ value: [99, 0], reportId: '002', itemStyle: { color: '#2a9d8f' } });
    expect(option.series[0].label.formatter({ dataIndex: 0 })).toBe('99 分');
    expect(option.yAxis.triggerEvent).toBe(true);
  });

  it('marks the grade floors inside the axis, which starts at 60 unless a score is lower', () => {
    const option = loose(buildTotalScoresOption(projects, ctx()));
    expect([option.xAxis.min, option.xAxis.max]).toEqual([60, 100]);
    expect(option.series[0].markLine.data.map((d: { xAxis: number }) => d.xAxis)).toEqual([90, 80]);
    expect(option.series[0].markLine.data[0].label.formatter).toBe('优 ≥ 90');
    const low = rankProjects([total('x', '差项目', 47.5, 47.5, '差')]);
    expect(scoreAxisRange(low)).toEqual({ min: 40, max: 100 });
    expect(loose(buildTotalScoresOption(low, ctx('en'))).series[0].markLine.data.map((d: { label: { formatter: string } }) => d.label.formatter))
      .toEqual(['Excellent ≥ 90', 'Good ≥ 80', 'Fair ≥ 60']);
  });

  it('shows the declared total in the tooltip of a mismatch, and escapes names', () => {
    const option = loose(buildTotalScoresOption(rankProjects([total('x', '<b>项目</b>', 100, 10, '优')]), ctx()));
    const html = option.tooltip.formatter({ dataIndex: 0 });
    expect(html).toContain('&#60;b&#62;项目');
    expect(html).toContain('申报总分：10 分');
    expect(escapeHtml('"&\'')).toBe('&#34;&#38;&#39;');
  });

  it('describes itself in words', () => {
    expect(describeTotalScores(projects, ctx())).toBe('产业链专项 100 分；企协专项 100 分；中小企业科专项 100 分；服务先进制造业高质量发展专项资金 99 分');
  });
});

describe('buildScoreRateHeatmapOption', () => {
  const projects = rankProjects(totals.slice(0, 3));
  const cells = [
    cell('000', 'budget', 10, 10), cell('000', '产出指标', 50, 50), cell('000', '满意度指标', 10, 10),
    cell('001', 'budget', 10, 9.55), cell('001', '效益指标', 30, 15),
    cell('002', '效益指标', 30, 29), cell('002', '产出指标', null, 5),
  ];

  it('orders the columns budget, 产出, 效益, 满意度, then others', () => {
    expect(rateColumns(cells)).toEqual(['budget', '产出指标', '效益指标', '满意度指标']);
    expect(rateColumns([cell('a', '其他', 1, 1), cell('a', '效益指标', 1, 1)])).toEqual(['效益指标', '其他']);
    const option = loose(buildScoreRateHeatmapOption(projects, cells, ctx()));
    expect(option.xAxis.data).toEqual(['预算执行', '产出指标', '效益指标', '满意度指标']);
    expect(loose(buildScoreRateHeatmapOption(projects, cells, ctx('en'))).xAxis.data).toEqual(['Budget execution', 'Outputs', 'Outcomes', 'Satisfaction']);
  });

  it('colours by the rate clamped to 60–100 %, labels with the true rate, keeps blanks apart', () => {
    const option = loose(buildScoreRateHeatmapOption(projects, cells, ctx()));
    expect(option.yAxis.data).toEqual(['服务先进制造业高质量发展专项资金', '企协专项', '产业链专项']);
    const [rated, blank] = option.series;
    const at = (x: number, y: number) => rated.data.find((d: { value: number[] }) => d.value[0] === x && d.value[1] === y);
    expect(at(0, 1)).toMatchObject({ reportId: '001' });
    expect(at(0, 1).value[2]).toBeCloseTo(0.955, 9);
    expect(rated.label.formatter({ data: at(0, 1) })).toBe('95.5%');
    expect(at(2, 1).value[2]).toBe(0.6); // 15 / 30 = 50 %, clamped for colour
    expect(rated.label.formatter({ data: at(2, 1) })).toBe('50%');
    expect(rated.data).toHaveLength(6);
    expect(blank.data).toHaveLength(6); // 3 × 4 cells − 6 rated; 002's 产出 has no weight
    expect(blank.label.formatter()).toBe('—');
    expect(option.visualMap[0]).toMatchObject({ min: 0.6, max: 1, seriesIndex: 0, text: ['100%', '≤ 60%'] });
    expect(option.visualMap[0].formatter(1)).toBe('100%'); // the scale's value while a cell is hovered
    expect(option.visualMap[1]).toMatchObject({ seriesIndex: 1, show: false });
  });

  it('explains a cell in its tooltip, a missing one too', () => {
    const option = loose(buildScoreRateHeatmapOption(projects, cells, ctx()));
    const html = option.tooltip.formatter({ data: option.series[0].data.find((d: { reportId: string; value: number[] }) => d.reportId === '002' && d.value[0] === 2) });
    expect(html).toContain('得分：29 分');
    expect(html).toContain('分值：30 分');
    expect(html).toContain('得分率：<b>96.7%</b>');
    expect(option.tooltip.formatter({ data: option.series[1].data[0] })).toContain('无此类指标');
    expect(describeScoreRates(projects, cells, ctx())).toBe('企协专项 · 效益指标 50%');
    const en = loose(buildScoreRateHeatmapOption(projects, cells, ctx('en')));
    const enHtml = en.tooltip.formatter({ data: en.series[0].data.find((d: { reportId: string; value: number[] }) => d.reportId === '002' && d.value[0] === 2) });
    expect(enHtml).toContain('Score rate: <b>96.7%</b>');
    expect(enHtml).not.toContain('：');
  });

  it('turns the column names and narrows the project names on a phone', () => {
    const wide = loose(buildScoreRateHeatmapOption(projects, cells, ctx()));
    const phone = loose(buildScoreRateHeatmapOption(projects, cells, { ...ctx(), compact: true }));
    expect(wide.xAxis.axisLabel.rotate).toBeUndefined();
    expect(phone.xAxis.axisLabel.rotate).toBe(40);
    expect(phone.grid.top).toBeGreaterThan(wide.grid.top);
    expect(phone.yAxis.axisLabel.width).toBeLessThan(wide.yAxis.axisLabel.width);
  });
});

describe('buildGradeCountsOption', () => {
  it('keeps 优 良 中 差 in order with zeros, counts with their unit', () => {
    const option = loose(buildGradeCountsOption([{ grade: '优', reports: 5, rule_reports: 0 }], ctx()));
    expect(option.xAxis.data).toEqual(['优\n≥ 90 分', '良\n80–89 分', '中\n60–79 分', '差\n< 60 分']);
    expect(option.series[0].data.map((d: { value: number }) => d.value)).toEqual([5, 0, 0, 0]);
    expect(option.series[0].label.formatter({ value: 5 })).toBe('5 份');
    expect(describeGradeCounts([{ grade: '优', reports: 5, rule_reports: 0 }], ctx())).toBe('优 5 份；良 0 份；中 0 份；差 0 份');
    // 复核's grades beside them once any report has one.
    const both = [{ grade: '优', reports: 5, rule_reports: 4 }, { grade: '良', reports: 0, rule_reports: 1 }];
    expect(describeGradeCounts(both, ctx())).toBe('优 5 份（按复核 4 份）；良 0 份（按复核 1 份）；中 0 份（按复核 0 份）；差 0 份（按复核 0 份）');
    const twoSeries = loose(buildGradeCountsOption(both, ctx()));
    expect(twoSeries.series.map((s: { name: string }) => s.name)).toEqual(['按自评', '按复核']);
    expect(twoSeries.series[1].data.map((d: { value: number }) => d.value)).toEqual([4, 1, 0, 0]);
    expect(twoSeries.series[1].label.formatter({ value: 4 })).toBe('4'); // two bars a grade: the count alone
    const en = loose(buildGradeCountsOption([], ctx('en')));
    expect(en.xAxis.data[0]).toBe('Excellent\n≥ 90 pts');
    expect(en.tooltip.valueFormatter(2)).toBe('2 reports');
  });
});

describe('buildDeclaredTotalsOption', () => {
  it('pairs computed and declared totals and paints mismatches red', () => {
    const option = loose(buildDeclaredTotalsOption(rankProjects(totals), ctx()));
    expect(option.series.map((s: { name: string }) => s.name)).toEqual(['计算总分', '申报总分']);
    expect(option.yAxis.data).toEqual(['服务先进制造业高质量发展专项资金', '中小企业科专项', '企协专项', '产业链专项']);
    expect(option.series[0].data.map((d: { value: number }) => d.value)).toEqual([99, 100, 100, 100]);
    expect(option.series[1].data.map((d: { value: number }) => d.value)).toEqual([99, 10, 10, 100]);
    expect(option.series[1].data[2]).toMatchObject({ reportId: '001', itemStyle: { color: '#c8553d' } });
    expect(option.series[1].data[0].itemStyle).toBeUndefined();
    expect(option.yAxis.axisLabel.formatter('企协专项', 2)).toBe('{bad|企协专项}');
    expect(option.yAxis.axisLabel.formatter('产业链专项', 3)).toBe('产业链专项');
    expect(option.tooltip.formatter([{ dataIndex: 1 }])).toContain('10 分 ≠');
    expect(describeDeclaredTotals(rankProjects(totals), ctx())).toBe(
      '企协专项：申报总分 10 分 ≠ 计算总分 100 分；中小企业科专项：申报总分 10 分 ≠ 计算总分 100 分');
    expect(describeDeclaredTotals(rankProjects(totals), ctx('en'))).not.toMatch(/[：；]/);
  });

  it('leaves a blank declared total blank', () => {
    const option = loose(buildDeclaredTotalsOption(rankProjects([total('x', '未填总分', 95, null, '优')]), ctx('en')));
    expect(option.series[1].data[0].value).toBeNull();
    expect(option.series[1].label.formatter({ dataIndex: 0 })).toBe('—');
    expect(formatRate(null, 'en')).toBe('—');
  });
});

describe('复核 charts (rule-gap-option.ts)', () => {
  const ruled = (id: string, project: string, self: number, rule: number | null): ScoreTotalRow => ({
    ...total(id, project, self, self, '优'),
    rule_total_score: rule, rule_gap: rule == null ? null : Math.round((self - rule) * 100) / 100, rule_grade: rule == null ? null : rule >= 90 ? '优' : '良', rule_coverage: 0.5,
  });
  const rows = rankProjects([ruled('a', '甲', 100, 100), ruled('b', '乙', 100, 98.4), ruled('c', '丙', 96, 82), ruled('d', '丁', 99, null), ruled('e', '戊', 95, 94.5)]);

  it('puts the largest gap on top, leaves out the projects the rules could not score, and reds the inflated', () => {
    expect(byRuleGap(rows).map((p) => p.report_id)).toEqual(['c', 'b', 'e', 'a']);
    const option = loose(buildRuleGapOption(rows, ctx()));
    expect(option.yAxis.data).toEqual(['甲', '戊', '乙', '丙']); // bottom to top
    expect(option.series.map((s: { name?: string }) => s.name ?? null)).toEqual([null, null, '复核得分', '自评得分']);
    // The gap bar starts at the rule's score and is as long as the gap.
    expect(option.series[0].data).toEqual([100, 94.5, 98.4, 82]);
    expect(option.series[1].data.map((d: { value: number }) => d.value)).toEqual([0, 0.5, 1.6, 14]);
    expect(option.series[3].data[3]).toMatchObject({ value: [96, '丙'], reportId: 'c', itemStyle: { color: '#c8553d' } });
    expect(option.series[3].data[1].itemStyle).toBeUndefined(); // 0.5 points: under the threshold
    expect(option.xAxis.min).toBe(80);
    expect(option.yAxis.axisLabel.formatter('丙', 3)).toBe('{bad|丙}');
    expect(option.tooltip.formatter([{ dataIndex: 3 }])).toContain('14 分');
  });

  it('counts reports per gap band, and says so in words', () => {
    expect(gapBandCounts(rows).map((b) => [b.id, b.reports])).toEqual([['0', 1], ['0-1', 1], ['1-3', 1], ['3-5', 0], ['5-10', 0], ['10+', 1]]);
    expect(describeGapDistribution(rows, ctx())).toBe('无差异 1 份；不足 1 分 1 份；1–3 分 1 份；3–5 分 0 份；5–10 分 0 份；≥ 10 分 1 份');
    expect(loose(buildGapDistributionOption(rows, ctx('en'))).xAxis.data[0]).toBe('None');
    expect(describeRuleGaps(rows, ctx())).toBe('丙：自评得分 96 分 > 复核得分 82 分；乙：自评得分 100 分 > 复核得分 98.4 分');
  });
});
