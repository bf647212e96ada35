/**
 * The table's vocabulary: every label the reader matches, in one place. Patterns are
 * tested against a cell's compact text (all white space removed), anchored, and free of
 * nested quantifiers so that no input can make them backtrack badly.
 * (The grammar of targets and actuals lives in rules.ts.)
 */
import type { BudgetLineKind, Level1 } from './types.ts';
import type { BudgetColumn, IndicatorColumn } from './table.ts';

const level2Canonical: [RegExp, string, Level1][] = [
  [/^数量(指标)?$/, '数量指标', '产出指标'],
  [/^质量(指标)?$/, '质量指标', '产出指标'],
  [/^时效(指标)?$/, '时效指标', '产出指标'],
  [/^成本(指标)?$/, '成本指标', '产出指标'],
  [/^经济(效益)?(指标)?$/, '经济效益指标', '效益指标'],
  [/^社会(效益)?(指标)?$/, '社会效益指标', '效益指标'],
  [/^(生态|环境)(效益)?(指标)?$/, '生态效益指标', '效益指标'],
  [/^可持续(发展)?影响(指标)?$/, '可持续影响指标', '效益指标'],
  [/^(服务对象)?满意度(指标)?$/, '服务对象满意度指标', '满意度指标'],
];

export const LABELS = {
  projectName: /^项目(（支出）|\(支出\)|支出)?名称$/,
  department: /^主管部门$/,
  implementer: /^实施单位$/,
  fundBlock: /^项目资金/,
  goals: /^年度总体目标/,
  goalTarget: /^预期目标$/,
  goalActual: /^实际完成情况$/,
  indicatorBlock: /^绩效指标$/,
  total: /^(总分|合计|总计)$/,
  anyHeaderLabel: /^(项目(（支出）|\(支出\)|支出)?名称|主管部门|实施单位|项目资金.*|年度总体目标)$/,

  budgetRow: [
    ['total', /^年度资金总额/],
    ['appropriation', /^(其中[:：]?)?(当年)?财政拨款/],
    ['carryover', /^上年结转(资金)?/],
    ['other', /^其他资金/],
  ] as [BudgetLineKind, RegExp][],
  budgetColumn: [
    ['budget_initial', /^年初预算(数)?$/],
    ['budget_adjusted', /^全年预算(数)?$/],
    ['executed', /^全年执行(数)?$/],
    ['weight', /^分值$/],
    ['rate', /^执行率$/],
    ['score', /^得分$/],
  ] as [BudgetColumn, RegExp][],
  budgetColumnName: {
    budget_initial: '年初预算数', budget_adjusted: '全年预算数', executed: '全年执行数',
    weight: '分值', rate: '执行率', score: '得分',
  } as Record<BudgetColumn, string>,

  indicatorColumn: [
    ['level1', /^一级指标$/],
    ['level2', /^二级指标$/],
    ['level3', /^三级指标$/],
    ['target', /^(年度)?指标值$/],
    ['actual', /^实际完成(值|情况)$/],
    ['weight', /^分值$/],
    ['score', /^得分$/],
    ['deviation', /^偏差原因/],
  ] as [IndicatorColumn, RegExp][],
  indicatorColumnName: {
    level1: '一级指标', level2: '二级指标', level3: '三级指标', target: '年度指标值',
    actual: '实际完成值', weight: '分值', score: '得分', deviation: '偏差原因分析及改进措施',
  } as Record<IndicatorColumn, string>,
  /** Columns of other provinces' layouts whose meaning this reader does not know. */
  unsupportedIndicatorColumn: /^(指标性质|度量单位|计量单位|指标方向)$/,

  level1Any: /^(产出|效益|满意度)(指标)?[(（]?\d*分?[)）]?$/,
  level2Any: /^(数量|质量|时效|成本|经济(效益)?|社会(效益)?|生态(效益)?|环境(效益)?|可持续(发展)?影响|(服务对象)?满意度)(指标)?$/,
  /** `（50分）` inside a 一级 cell: the points declared for the whole category. */
  declaredPoints: /[(（](\d{1,3})分[)）]/,
  /** Template residue: `……`, `…`, `无`, `/`, `-`. */
  placeholder: /^(…+|\.{3,}|无|\/|-|—)$/,
} as const;

/** `产出指标（50分）` → `产出指标`; `满意度指标（10分）` → `满意度指标`. */
export function normalizeLevel1(compact: string): Level1 | null {
  const bare = compact.replace(/[(（]\d*分?[)）]/g, '');
  if (/^产出/.test(bare)) return '产出指标';
  if (/^效益/.test(bare)) return '效益指标';
  if (/^满意/.test(bare)) return '满意度指标';
  return null;
}

/** `经济效益指标` → { level2: '经济效益指标', parent: '效益指标' }; `生态指标` → `生态效益指标`. */
export function normalizeLevel2(compact: string): { level2: string; parent: Level1 } | null {
  const found = level2Canonical.find(([pattern]) => pattern.test(compact));
  return found ? { level2: found[1], parent: found[2] } : null;
}

/** Declared points of a 一级 cell: `产出指标(50分)` → 50. */
export function declaredPoints(compact: string): number | null {
  const match = LABELS.declaredPoints.exec(compact);
  return match ? Number(match[1]) : null;
}

/** A score or weight cell: a number with at most a `分` unit (`10`, `10分`, `９９`). */
export function isNumericCell(compact: string): boolean {
  return /^[0-9０-９]{1,6}([.．][0-9０-９]{1,6})?分?$/.test(compact);
}
