/**
 * The report view's pure pieces: the rowspans of the rebuilt indicator table, the rows findings
 * point at, and the language halves of a finding message.
 */
import { describe, expect, it } from 'vitest';
import { flagClass, flagsByLine, flagTitle, worstSeverity } from '../../src/features/report/flags.ts';
import { layoutIndicators, ratesDiffer, scoresDiffer } from '../../src/features/report/indicator-layout.ts';
import type { ReportFindingRow } from '../../src/queries/report-findings.ts';
import type { ReportIndicatorRow } from '../../src/queries/report-indicators.ts';
import type { ReportListRow } from '../../src/queries/report-list.ts';
import { sortReports } from '../../src/features/report/report-list.tsx';

let seq = 0;
function indicator(level1: string, level2: string, extra: Partial<ReportIndicatorRow> = {}): ReportIndicatorRow {
  seq += 1;
  return {
    seq, level1: level1.replace(/[(（].*$/, ''), level1_printed: level1, level2, level2_printed: level2, level3: `指标${seq}`,
    target_text: null, actual_text: null, weight: 5, score: 5, group_id: null, group_weight: 5, group_score: 5,
    deviation: null, status: 'met', status_reason: null, achievement: null, line: seq * 10, level3_line: seq * 10 + 3,
    rule_score: null, rule: null, rule_note: null,
    ...extra,
  };
}

const grouped = (group: string, first: boolean): Partial<ReportIndicatorRow> =>
  ({ group_id: group, weight: first ? 20 : null, score: first ? 20 : null, group_weight: 20, group_score: 20 });

describe('layoutIndicators: 复核 per scoring unit', () => {
  it('sums a group\'s shares on its first row and marks a self-score beyond them', () => {
    seq = 0;
    const share = (score: number | null, rule: string, note: string | null = null) => ({ rule_score: score, rule, rule_note: note });
    const rows = [
      indicator('产出指标', '数量指标', { ...grouped('g', true), ...share(4, 'met_full', '4') }),
      indicator('产出指标', '数量指标', { ...grouped('g', false), ...share(2.4, 'ratio_up', '6 ÷ 10 × 4 = 2.4') }),
      indicator('产出指标', '数量指标', { ...grouped('g', false), ...share(4, 'not_verifiable') }),
      indicator('产出指标', '质量指标', { weight: 10, score: 10, ...share(10, 'not_verifiable') }),
      indicator('产出指标', '质量指标', { weight: 10, score: 8, ...share(10, 'met_full', '10') }),
    ];
    const layout = layoutIndicators(rows);
    expect(layout[0].rule).toMatchObject({ allowed: 10.4, checked: true, over: true });
    expect(layout[0].rule.members.map((m) => m.note)).toEqual(['4', '6 ÷ 10 × 4 = 2.4', null]);
    // Kept self-scores are not a check; a self-score below the rule is the department's own deduction.
    expect(layout[3].rule).toMatchObject({ allowed: 10, checked: false, over: false });
    expect(layout[4].rule).toMatchObject({ allowed: 10, checked: true, over: false });
  });
});

describe('layoutIndicators', () => {
  // Shaped like 企协专项: five 数量 rows sharing one 20-point cell, then single rows.
  seq = 0;
  const rows = [
    indicator('产出指标(50分)', '数量指标', grouped('g1', true)),
    indicator('产出指标(50分)', '数量指标', { ...grouped('g1', false), status: 'not_met' }),
    indicator('产出指标(50分)', '数量指标', grouped('g1', false)),
    indicator('产出指标(50分)', '数量指标', grouped('g1', false)),
    indicator('产出指标(50分)', '数量指标', grouped('g1', false)),
    indicator('产出指标(50分)', '质量指标', { weight: 10, score: 10 }),
    indicator('效益指标（30分）', '经济效益指标'),
    indicator('效益指标（30分）', '社会效益指标'),
    indicator('满意度指标（10分）', '服务对象满意度指标', { weight: 10, score: 10 }),
  ];
  const layout = layoutIndicators(rows);

  it('merges 一级 cells over consecutive rows, labelled as printed', () => {
    expect(layout.map((r) => r.level1Span)).toEqual([6, 0, 0, 0, 0, 0, 2, 0, 1]);
    expect(layout[6].level1Label).toBe('效益指标（30分）');
  });

  it('merges 二级 cells inside their 一级 block', () => {
    expect(layout.map((r) => r.level2Span)).toEqual([5, 0, 0, 0, 0, 1, 1, 1, 1]);
  });

  it('gives a merged group one 分值 and one 得分 cell, with the group figures', () => {
    expect(layout.map((r) => r.scoreSpan)).toEqual([5, 0, 0, 0, 0, 1, 1, 1, 1]);
    expect([layout[0].weight, layout[0].score]).toEqual([20, 20]);
    expect([layout[5].weight, layout[5].score]).toEqual([10, 10]);
  });

  it('never lets a 二级 run cross a 一级 boundary', () => {
    seq = 0;
    const split = layoutIndicators([
      indicator('效益指标（40分）', '服务对象满意度指标'),
      indicator('满意度指标（10分）', '服务对象满意度指标'),
    ]);
    expect(split.map((r) => [r.level1Span, r.level2Span])).toEqual([[1, 1], [1, 1]]);
  });

  it('falls back to the normalized 一级 when the dataset has no printed label', () => {
    seq = 0;
    const plain = layoutIndicators([indicator('产出指标', '数量指标', { level1_printed: null }), indicator('产出指标', '质量指标', { level1_printed: null })]);
    expect(plain.map((r) => [r.level1Label, r.level1Span])).toEqual([['产出指标', 2], ['产出指标', 0]]);
  });

  it('reads the group figures from group_weight when the first row lacks them', () => {
    seq = 0;
    const [first] = layoutIndicators([
      indicator('产出指标', '数量指标', { ...grouped('g', false) }),
      indicator('产出指标', '数量指标', { ...grouped('g', false) }),
    ]);
    expect([first.scoreSpan, first.weight, first.score]).toEqual([2, 20, 20]);
  });

  it('returns nothing for no rows', () => {
    expect(layoutIndicators([])).toEqual([]);
  });

  it('lists the source lines of each row: where it starts and its 三级 cell', () => {
    expect(layout[1].lines).toEqual([20, 23]);
  });
});

describe('findings on rows', () => {
  const finding = (code: string, severity: ReportFindingRow['severity'], line: number | null): ReportFindingRow =>
    ({ code, severity, field: null, expected: null, found: null, message: null, params: null, line, source_ref: line == null ? null : `L${line}` });
  const flags = flagsByLine([
    finding('TARGET_MISSING', 'info', 124),
    finding('FULL_SCORE_TARGET_MISSED', 'error', 124),
    finding('ACTUAL_UNVERIFIABLE', 'warning', 164),
    finding('NARRATIVE_MISMATCH', 'warning', null),
  ]);

  it('highlights a row by its worst finding, matched on either of its lines', () => {
    expect(worstSeverity(flags, [121, 124])).toBe('error');
    expect(flagClass(flags, [161, 164])).toBe('is-flagged is-flagged-warning');
    expect(flagClass(flags, [171, 174])).toBeUndefined();
  });

  it('names the findings of a row in its tooltip, in the reader\'s language', () => {
    expect(flagTitle(flags, [124], 'zh')).toBe('提示 · 缺少指标值\n错误 · 未达成却得满分');
    expect(flagTitle(flags, [164], 'en')).toBe('Warning · Actual unverifiable');
  });
});

describe('comparisons beyond rounding', () => {
  it('flags a printed rate or total that differs from the computed one', () => {
    expect(ratesDiffer(1, 0.9551)).toBe(true);
    expect(ratesDiffer(0.955, 0.9551)).toBe(false);
    expect(ratesDiffer(null, 1)).toBe(false);
    expect(scoresDiffer(10, 100)).toBe(true);
    expect(scoresDiffer(99, 99)).toBe(false);
  });
});

describe('sortReports (the report list by a header)', () => {
  const row = (report_id: string, city: string, total_score: number | null, findings: number): ReportListRow => ({
    report_id, year: 2022, city, fund: '专项', project: report_id, project_name_printed: null, budget_adjusted: null, execution_rate: null,
    total_score, declared_total_score: null, grade: null, rule_total_score: null, rule_gap: null, findings, errors: 0,
  });
  const rows = [row('乙', '株洲市', 96, 3), row('甲', '益阳市', 100, 11), row('丙', '株洲市', 99, 3)];

  it('sorts by the URL\'s column either way, ties by place, and by place without one', () => {
    expect(sortReports(rows, '-total_score').map((r) => r.report_id)).toEqual(['甲', '丙', '乙']);
    expect(sortReports(rows, 'total_score').map((r) => r.report_id)).toEqual(['乙', '丙', '甲']);
    expect(sortReports(rows, '-findings').map((r) => r.report_id)).toEqual(['甲', '丙', '乙']); // 3 = 3: by place, then project
    expect(sortReports(rows, null).map((r) => r.city)).toEqual(['益阳市', '株洲市', '株洲市']);
    expect(sortReports(rows, 'nonsense')).toEqual(sortReports(rows, null));
  });
});
