/**
 * One generated report as the text the bundled seeds are (data/raw/*.txt): a title with the
 * year, city and fund, the sub-fund as a subtitle, a short narrative, and the national
 * 项目支出绩效自评表 as Word flattens a table to text — a TAB opens each cell, a blank line ends
 * each row, a cell merged down is blank in the rows below. Report i of a seed is the same
 * whatever the size of the run (its random source is seeded from the seed and i).
 */
import type { City } from './places.ts';
import { Random, seedOf } from './random.ts';
import { figure, indicatorBlock, type IndicatorLine } from './indicators.ts';

export const FIRST_YEAR = 2019;
export const LAST_YEAR = 2024;

export interface GeneratedReport {
  fileName: string;
  text: string;
}

/** The template's points: budget execution, then each 一级. */
const POINT_PLANS: readonly (readonly [Record<'预算执行' | '产出指标' | '效益指标' | '满意度指标', number>, number])[] = [
  [{ 预算执行: 10, 产出指标: 50, 效益指标: 30, 满意度指标: 10 }, 60],
  [{ 预算执行: 10, 产出指标: 40, 效益指标: 40, 满意度指标: 10 }, 25],
  [{ 预算执行: 20, 产出指标: 40, 效益指标: 30, 满意度指标: 10 }, 15],
];

const percent = (rate: number) => `${figure(rate * 100)}%`;

/** The budget block's rows (label, 年初, 全年, 执行, 分值, 执行率, 得分) and what it adds to the report. */
function budgetBlock(random: Random, weight: number) {
  const initial = Number(Math.min(50_000, Math.max(5, random.logNormal(150, 1.1))).toFixed(2));
  const adjusted = random.chance(0.8) ? initial : Number((initial * (0.7 + random.next() * 0.6)).toFixed(2));
  const rate = random.weighted([[1, 25], [0.85 + random.next() * 0.15, 55], [0.6 + random.next() * 0.25, 12], [0.2 + random.next() * 0.4, 6], [0, 2]] as const);
  const executed = Number((adjusted * rate).toFixed(2));
  const actualRate = executed / adjusted;
  const declaredRate = random.chance(0.02) ? Math.min(1, actualRate + 0.05 + random.next() * 0.1) : actualRate;
  const score = actualRate < 1 && random.chance(0.1) ? weight : Number((weight * Math.min(1, actualRate)).toFixed(1));
  const carryover = random.chance(0.2) ? Number((initial * (0.1 + random.next() * 0.3)).toFixed(2)) : 0;
  const split = (total: number) => {
    const part = Number(((total * carryover) / initial).toFixed(2));
    return [Number((total - part).toFixed(2)), part];
  };
  const [appropriation, carried] = [[initial, adjusted, executed].map((v) => split(v)[0]), [initial, adjusted, executed].map((v) => split(v)[1])];
  // One table in twenty leaves the total row blank and prints the points on the first sub-row (seed 000).
  const pointsOnSubRow = random.chance(0.05);
  const money = (values: number[]) => values.map(figure);
  const blank = ['', '', ''];
  const rows = [
    ['年度资金总额', ...(pointsOnSubRow ? blank : money([initial, adjusted, executed])), String(weight), pointsOnSubRow ? '' : percent(declaredRate), pointsOnSubRow ? '' : figure(score)],
    ['其中：当年财政拨款', ...money(appropriation), '', pointsOnSubRow ? percent(declaredRate) : '', pointsOnSubRow ? figure(score) : ''],
    ['上年结转资金', ...(carryover > 0 ? money(carried) : blank), '', '', ''],
    ['其他资金', ...blank, '', '', ''],
  ];
  return { rows, adjusted, executed, score };
}

/** The table's rows as Word flattens them (cells per row; the first column is the merged block label). */
function indicatorRows(lines: IndicatorLine[], printedPoints: Map<string, number>): string[][] {
  return lines.map((line, i) => {
    const first1 = i === 0 || lines[i - 1].level1 !== line.level1;
    const first2 = first1 || lines[i - 1].level2 !== line.level2;
    const label1 = first1 ? `${line.level1 === '满意度指标' ? '满意度\n指标' : line.level1}\n（${printedPoints.get(line.level1)}分）` : '';
    const points = (value: number | null) => (value == null ? '' : figure(value));
    return ['', label1, first2 ? line.level2 : '', line.name, line.target, line.actual, points(line.weight), points(line.score), line.deviation];
  });
}

export function generateReport(seed: number, index: number, cities: City[], idWidth: number): GeneratedReport {
  const random = new Random(seedOf(seed, index));
  const fileName = `${String(index).padStart(idWidth, '0')}_${random.hex(16)}.txt`;
  const city = random.pick(cities);
  const fund = random.pick(city.funds);
  const project = random.pick(fund.projects);
  const year = random.int(FIRST_YEAR, LAST_YEAR);
  const points = random.weighted(POINT_PLANS);
  const budget = budgetBlock(random, points.预算执行);
  const indicators = indicatorBlock(random, year, budget.adjusted, points);
  const indicatorScore = indicators.lines.reduce((sum, line) => sum + (line.score ?? 0), 0);
  const total = budget.score + indicatorScore;
  const declaredTotal = random.chance(0.04) ? total + random.pick([-3, -2, -1, 1, 2]) : total;
  const projectPrinted = random.chance(0.3) ? `${project}项目` : project;
  const department = random.chance(0.02) ? '' : fund.department;
  const goalTarget = `完成${project}年度建设任务，资金执行率不低于90%，${indicators.lines[0].name}${indicators.lines[0].target || '达到预期'}。`;
  const goalActual = `${year}年完成${project}主要任务，资金执行率${percent(budget.executed / budget.adjusted)}，${indicators.lines[0].name}${indicators.lines[0].actual || '基本达到预期'}。`;

  const rows: string[][] = [
    ['项目支\n出名称', projectPrinted],
    ['主管部门', department, '实施单位', fund.implementer],
    ['项目资金\n（万元）', '', '年初\n预算数', '全年\n预算数', '全年\n执行数', '分值', '执行率', '得分'],
    ...budget.rows.map((row) => ['', ...row]),
    ['年度总体目标', '预期目标', '实际完成情况'],
    ['', goalTarget, goalActual],
    ['绩\n效\n指\n标', '一级指标', '二级指标', '三级指标', '年度\n指标值', '实际\n完成值', '分值', '得分', '偏差原因分析及改进措施'],
    ...indicatorRows(indicators.lines, indicators.printedPoints),
    ['总分', String(Object.values(points).reduce((a, b) => a + b, 0)), figure(declaredTotal), ''],
  ];
  const narrative = [
    `${year}年度${city.name}${fund.name}绩效自评报告`,
    `—${project}`,
    '',
    '一、基本情况',
    `${year}年，${city.name}${fund.name}${project}全年预算${figure(budget.adjusted)}万元，实际支出${figure(budget.executed)}万元。`,
    '二、项目支出绩效情况',
    goalActual,
    '',
    `${year}年度项目支出绩效自评表`,
  ];
  const table = rows.flatMap((row) => [...row.map((cell) => `\t${cell}`), '']);
  return { fileName, text: [...narrative, ...table, ''].join('\n') };
}
