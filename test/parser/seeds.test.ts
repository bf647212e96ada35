/**
 * What a careful reader finds in the five seeds, written down from reading the files
 * (not from the parser's output). The JSON goldens pin everything; this file says why
 * the key figures are right.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReport, type ParsedReport } from '../../src/parser/index.ts';
import { REASONS } from '../../src/parser/reasons.ts';

const root = path.resolve(import.meta.dirname, '../..');
const load = (id: string): ParsedReport => parseReport(new Uint8Array(readFileSync(path.join(root, 'data/raw', `${id}.txt`))), `${id}.txt`);
const codes = (r: ParsedReport) => r.findings.map((f) => f.code).sort();
const byLevel3 = (r: ParsedReport, level3: string) => r.indicators.find((i) => i.level3 === level3)!;

describe('seed 000 — 株洲 产业链专项', () => {
  const r = load('000_4b75f8664dbcb524');
  it('reads the report fields', () => {
    expect(r.reports[0]).toMatchObject({
      year: 2022, province: '湖南省', city: '株洲市', fund: '株洲市经济信息产业发展专项资金', project: '产业链专项',
      project_name_printed: '市经济信息产业发展专项', department: '市工信局', implementer: '市产业链促进中心',
    });
  });
  it('takes the blank total row from the appropriation row and the points from the sub-row (line 48)', () => {
    expect(r.reports[0]).toMatchObject({ budget_initial: 516, budget_adjusted: 516, executed: 516, execution_rate: 1, budget_weight: 10, budget_score: 10 });
    expect(r.findings.find((f) => f.code === 'BUDGET_POINTS_MISPLACED')).toMatchObject({ severity: 'info', line: 48 });
  });
  it('drops the …… and 无 rows: 11 indicators adding up to 90 points', () => {
    expect(r.indicators).toHaveLength(11);
    expect(r.indicators.reduce((s, i) => s + (i.weight ?? 0), 0)).toBe(90);
    expect(r.reports[0]).toMatchObject({ total_weight: 100, total_score: 100, declared_total_score: 100, grade: '优' });
  });
  it('reads ranks with Chinese numerals, frequencies and 亿元', () => {
    expect(byLevel3(r, '国省产业集群数量排名居全省前列')).toMatchObject({ kind: 'rank', target_op: '<=', target_value: 3, actual_value: 1, status: 'met' });
    expect(byLevel3(r, '每月调度')).toMatchObject({ kind: 'frequency', target_value: 12, actual_value: 12, status: 'met' });
    expect(byLevel3(r, '每季度讲评')).toMatchObject({ kind: 'frequency', target_value: 4, actual_value: 4, status: 'met' });
    expect(byLevel3(r, '“3+3+2”产业总规模')).toMatchObject({ target_value: 6000, target_unit: '亿元', actual_value: 7000, status: 'met' });
  });
  it('sees the narrative (line 8) give the target’s 6000亿元 where the table says 7000亿元', () => {
    expect(r.findings.find((f) => f.code === 'NARRATIVE_MISMATCH')).toMatchObject({ line: 8, expected: '7000亿元', found: '6000亿元' });
  });
});

describe('seed 001 — 株洲 企协专项', () => {
  const r = load('001_5411fd6863900e77');
  it('prints 总分 10 while the points add up to 100 (line 250)', () => {
    expect(r.reports[0]).toMatchObject({ total_weight: 100, total_score: 100, declared_total_score: 10 });
    expect(r.findings.find((f) => f.code === 'TOTAL_SCORE_MISMATCH')).toMatchObject({ expected: '100', found: '10', line: 250 });
  });
  it('keeps the merged 20-point cell on the first of five 数量 rows', () => {
    const group = r.indicators.filter((i) => i.level2 === '数量指标');
    expect(group.map((i) => i.weight)).toEqual([20, null, null, null, null]);
    expect(new Set(group.map((i) => i.group_id)).size).toBe(1);
    expect(group[0].group_id).not.toBeNull();
  });
  it('reads targets hidden in the names and flags the full score on 6 of 10 salons', () => {
    expect(byLevel3(r, '10场企业家沙龙')).toMatchObject({ target_value: 10, actual_value: 6, status: 'not_met', achievement: 0.6 });
    expect(byLevel3(r, '2场长株潭企业配套协作活动')).toMatchObject({ target_value: 2, actual_value: 3, status: 'met' });
    expect(r.findings.find((f) => f.code === 'FULL_SCORE_TARGET_MISSED')).toMatchObject({ line: 124, severity: 'error' });
  });
  it('calls an actual that repeats the indicator name claimed, not verifiable', () => {
    expect(byLevel3(r, '验收合格（%）')).toMatchObject({ status: 'claimed', status_reason: REASONS.repeatsName });
    expect(r.findings.filter((f) => f.code === 'ACTUAL_UNVERIFIABLE').map((f) => f.line)).toContain(164);
  });
});

describe('seed 002 — 益阳 服务先进制造业', () => {
  const r = load('002_d677b793e52480fc');
  it('reads the wrapped title, city and the in-year cut 752 → 593.04', () => {
    expect(r.reports[0]).toMatchObject({
      city: '益阳市', fund: '益阳市服务先进制造业高质量发展专项资金', project: '服务先进制造业高质量发展专项资金',
      budget_initial: 752, budget_adjusted: 593.04, executed: 593.04, execution_rate: 1, total_score: 99, declared_total_score: 99,
    });
    const adjusted = r.findings.find((f) => f.code === 'BUDGET_ADJUSTED')!;
    expect(adjusted.message).toContain('78.9%');
  });
  it('puts the rows fused on line 261 back apart: 15 indicators, none lost', () => {
    expect(r.indicators).toHaveLength(15);
    expect(byLevel3(r, '促进就业')).toMatchObject({ level2: '社会效益指标', weight: 5, score: 5 });
    expect(byLevel3(r, '工业领域生态环境保护')).toMatchObject({ level2: '生态效益指标', weight: 5, score: 5, target_text: '不断加强' });
    expect(r.findings.filter((f) => f.code === 'ROW_REPAIRED').map((f) => f.line)).toContain(261);
  });
  it('leaves relative targets undecided and flags the deduction without a reason', () => {
    expect(byLevel3(r, '规模以上工业增加值')).toMatchObject({ kind: 'relative', status: 'unknown', weight: 5, score: 4 });
    expect(r.findings.find((f) => f.code === 'DEDUCTION_WITHOUT_REASON')).toMatchObject({ line: 235 });
  });
  it('sees 满意度 filed under 效益指标（40分） and the narrative’s 49/40 against the table’s 50/39', () => {
    expect(byLevel3(r, '解决十大产业链问题满意率')).toMatchObject({ level1: '满意度指标', level1_printed: '效益指标（40分）' });
    expect(codes(r)).toContain('LEVEL2_MISFILED');
    expect(r.findings.filter((f) => f.code === 'NARRATIVE_MISMATCH').map((f) => [f.expected, f.found])).toEqual([['50', '49'], ['39', '40']]);
  });
});

describe('seed 003 — 株洲 园区建设专项', () => {
  const r = load('003_dc77c382bdb3a624');
  it('counts the budget points printed on two rows once', () => {
    expect(r.reports[0]).toMatchObject({ budget_weight: 10, budget_score: 10, total_weight: 100, total_score: 100 });
    expect(r.findings.filter((f) => f.code === 'BUDGET_POINTS_MISPLACED').every((f) => f.severity === 'warning' && f.line === 70)).toBe(true);
  });
  it('reports the blank 主管部门 and goals', () => {
    expect(r.reports[0].department).toBeNull();
    expect(r.findings.filter((f) => f.code === 'FIELD_MISSING').map((f) => f.field)).toEqual(['reports.department', 'reports.goal_target', 'reports.goal_actual']);
  });
  it('checks each of several values and a 0% accident rate', () => {
    expect(r.indicators[0]).toMatchObject({ status: 'met', target_unit: '个' });
    expect(byLevel3(r, '平安园区')).toMatchObject({ target_op: '<=', target_value: 0, status: 'met' });
  });
});

describe('seed 004 — 株洲 中小企业科专项', () => {
  const r = load('004_2c93dbd2e0833d26');
  it('reads ≧ (U+2267), two merged groups and the 总分 of 10', () => {
    expect(byLevel3(r, '省级专精特新中小企业')).toMatchObject({ target_op: '>=', target_value: 50, actual_value: 80, status: 'met' });
    expect(r.indicators.filter((i) => i.group_id).length).toBe(5);
    expect(byLevel3(r, '奖励')).toMatchObject({ kind: 'range', target_op: 'between', target_value: 10, target_value_max: 20, weight: null });
    expect(r.reports[0]).toMatchObject({ total_score: 100, declared_total_score: 10, implementer: '市工信局中小企业科' });
  });
});

it('the five seeds add up to 4410.88 万元 of adjusted budget and 60 indicators', () => {
  const all = ['000_4b75f8664dbcb524', '001_5411fd6863900e77', '002_d677b793e52480fc', '003_dc77c382bdb3a624', '004_2c93dbd2e0833d26'].map(load);
  expect(all.reduce((s, r) => s + r.reports[0].budget_adjusted!, 0)).toBeCloseTo(4410.88, 6);
  expect(all.reduce((s, r) => s + r.indicators.length, 0)).toBe(60);
});
