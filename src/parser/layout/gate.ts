/**
 * The validation gate: after a table's columns are placed and its rows built, check what a
 * careful reader would before trusting a single figure of it. A table that fails is refused,
 * naming the row and the check: a doubtful placement is a refusal, never a report. A
 * data-quality problem inside a table whose columns are certain stays a finding.
 *
 * Each check is one a misplaced column cannot pass: indicator names that are figures, category
 * labels in value columns, weights and scores that are not numbers, weights that do not add up
 * to the template's 100 (or the printed total), scores above their weights in most rows.
 */
import type { GridDocument } from '../grid.ts';
import { LABELS, isNumericCell, normalizeLevel2 } from '../labels.ts';
import { parseNumberCell } from '../numbers.ts';
import type { IndicatorRow, NormalizedTables } from '../types.ts';
import type { ReportTable } from './read-table.ts';
import { Refuser } from './refuse.ts';

/** How far the weights may be from 100 (or the printed total) before their columns are in doubt. */
const WEIGHT_SLACK = 10;
const TOLERANCE = 0.001;
/** Names longer than this are prose, never a bare figure or target: they need no closer look. */
const SHORT_NAME = 24;

/** A figure, a rate or a target where an indicator's name should be: `10`, `≥90%`, `20万元`. */
const LOOKS_LIKE_VALUE = /^(?:[≥≧≤≦>＞<＜=＝═﹦]|大于|小于|不低于|不高于|不少于|不超过)/;

/** No category label is longer than this (`可持续发展影响指标（10分）`): longer texts need no closer look. */
const LONGEST_LABEL = 16;
const isLabel = (compact: string) => compact.length <= LONGEST_LABEL && (LABELS.level1Any.test(compact) || LABELS.level2Any.test(compact));
const WHITE = /\s/;
const compactOf = (text: string | null) => (text == null ? '' : WHITE.test(text) ? text.replace(/\s/g, '') : text);

export function checkPlacement(tables: NormalizedTables, table: ReportTable, doc: GridDocument, file: string): void {
  const refuse = new Refuser(doc.format, file);
  const at = (row: IndicatorRow) => ({ line: row.level3_line, ref: row.source_ref ?? '' });
  for (const row of tables.indicators) {
    const name = compactOf(row.level3);
    if (name === '' && (row.weight != null || row.score != null)) {
      refuse.at(at(row), `有一行有分值或得分（${row.weight ?? ''}/${row.score ?? ''}），却没有指标名称：它可能是标签缺失的“总分”行，各列的位置不确定`,
        `a row has points (${row.weight ?? ''}/${row.score ?? ''}) but no indicator's name: it may be a 总分 row whose label is missing, and the columns' places are in doubt`);
    }
    if (name.length <= SHORT_NAME && (isNumericCell(name) || parseNumberCell(name) || LOOKS_LIKE_VALUE.test(name))) {
      refuse.at(at(row), `第 ${row.seq} 个指标的名称“${row.level3}”是一个数值或目标值，不像指标名称：各列的位置不确定`,
        `indicator ${row.seq} is named “${row.level3}”, a figure or a target, not an indicator's name: the columns' places are in doubt`);
    }
    // A 二级 word in the 一级 column: the row's cells have moved one column.
    const level1 = row.level1_printed && row.level1_printed.length <= LONGEST_LABEL ? compactOf(row.level1_printed).replace(/[(（][^)）]*[)）]$/, '') : '';
    if (level1 !== '' && LABELS.level2Any.test(level1) && !LABELS.level1Any.test(level1)) {
      refuse.at(at(row), `第 ${row.seq} 个指标的“一级指标”是二级指标“${row.level1_printed}”：各列的位置不确定`,
        `the 一级 category of indicator ${row.seq} is the 二级 category “${row.level1_printed}”: the columns' places are in doubt`);
    }
    // A 三级 may be named like a category (the seeds have an indicator called 满意度 under 服务对象满意度指标),
    // but not like another 二级 than its own: that is a 二级 cell moved one column right.
    // Named as a category in full (`数量指标`, `服务对象满意度指标`), it is a 二级 cell wherever it stands.
    const asCategory = name.length <= LONGEST_LABEL ? normalizeLevel2(name) : null;
    if (asCategory && ((row.level2 != null && asCategory.level2 !== row.level2) || name.endsWith('指标'))) {
      refuse.at(at(row), `第 ${row.seq} 个指标的名称“${row.level3}”是另一个二级指标类别（本行属于“${row.level2}”）：该行各单元格可能错位一列`,
        `indicator ${row.seq} is named “${row.level3}”, another 二级 category than its row's “${row.level2}”: the row's cells may have moved one column`);
    }
    for (const [field, value] of [['年度指标值', row.target_text], ['实际完成值', row.actual_text], ['偏差原因', row.deviation]] as const) {
      if (value && value.length <= LONGEST_LABEL && isLabel(compactOf(value))) {
        refuse.at(at(row), `第 ${row.seq} 个指标的“${field}”是指标类别“${value}”：各列的位置不确定`,
          `the ${field} of indicator ${row.seq} is the category label “${value}”: the columns' places are in doubt`);
      }
    }
  }
  for (const row of tables.indicators) {
    if (compactOf(row.level3) === '' && (row.target_text != null || row.actual_text != null)) {
      refuse.at(at(row), `有一行有指标值或实际完成值（“${row.target_text ?? row.actual_text}”），却没有指标名称：各列的位置不确定`,
        `a row has a target or an actual (“${row.target_text ?? row.actual_text}”) but no indicator's name: the columns' places are in doubt`);
    }
  }
  checkNesting(tables.indicators, refuse, at);
  checkShiftedRows(table, refuse);
  checkPointCells(table, refuse);
  const [report] = tables.reports;
  const weights = tables.indicators.filter((r) => r.weight != null);
  if (weights.length > 0 && report.total_weight != null) {
    const declared = report.total_weight != null ? declaredWeight(table) : null;
    const total = report.total_weight;
    const fits = Math.abs(total - 100) <= WEIGHT_SLACK || (declared != null && Math.abs(total - declared) <= TOLERANCE);
    if (!fits && !table.total && total < 100) {
      const last = tables.indicators[tables.indicators.length - 1];
      refuse.at(at(last), `表格似乎不完整：没有“总分”行，各项分值合计只有 ${round(total)} 分（应为 100 分左右），其后的指标可能已缺失`,
        `the table seems cut off: it has no “总分” row and its weights add up to only ${round(total)} of about 100; the indicators after this one may be missing`);
    }
    if (!fits) {
      refuse.at(table.total?.label ?? at(tables.indicators[0]), `各项分值合计 ${round(total)} 分，既不接近 100 分，也不等于表中的总分值${declared != null ? ` ${declared}` : ''}：分值列的位置不确定`,
        `the weights add up to ${round(total)}, neither about 100 nor the table's printed total${declared != null ? ` of ${declared}` : ''}: the weight column's place is in doubt`);
    }
  }
  if (tables.indicators.length === 0) {
    refuse.at(table.total?.label ?? { line: doc.rows[0]?.line ?? 0, ref: doc.rows[0]?.ref ?? '' }, '指标表中没有读到任何指标行：表格布局无法识别',
      'no indicator row was read from the indicator table: its layout cannot be made certain');
  }
  // Without 分值 the points are out of 100: a total above that is figures read from the wrong cells.
  // (With 分值, a score above its weight is the department's error, a finding where it stands.)
  const full = 100;
  if (weights.length === 0 && report.total_score != null && report.total_score > full + TOLERANCE) {
    refuse.at(table.total?.label ?? at(tables.indicators[0]), `各项得分合计 ${round(report.total_score)} 分，超过满分 ${round(full)} 分：得分列的位置不确定`,
      `the scores add up to ${round(report.total_score)}, above the full ${round(full)} points: the score column's place is in doubt`);
  }
  const scored = tables.indicators.filter((r) => r.weight != null && r.score != null);
  const over = scored.filter((r) => r.score! > r.weight! + TOLERANCE);
  if (over.length >= 2 && over.length * 3 > scored.length) {
    refuse.at(at(over[0]), `${scored.length} 个有分值的指标中有 ${over.length} 个得分高于分值：分值和得分两列的位置不确定`,
      `${over.length} of ${scored.length} scored indicators score above their weight: the places of the weight and score columns are in doubt`);
  }
}

/** `一、示范区建立` over `1、水稻侧深施肥…`: a parent row scored as the sum of the children under it. */
const PARENT_ITEM = /^[一二三四五六七八九十]{1,3}、/;
const CHILD_ITEM = /^[0-9]{1,2}[、.．]/;

/**
 * Indicators numbered as parents and children (云南 隆阳 2022): the parent's score is its
 * children's sum, so adding every row counts it twice, and which rows are the indicators is a
 * guess. Refused rather than summed.
 */
function checkNesting(rows: IndicatorRow[], refuse: Refuser, at: (row: IndicatorRow) => { line: number; ref: string }): void {
  for (let i = 0; i + 1 < rows.length; i++) {
    if (PARENT_ITEM.test(compactOf(rows[i].level3)) && CHILD_ITEM.test(compactOf(rows[i + 1].level3)) && rows[i].score != null && rows[i + 1].score != null) {
      refuse.at(at(rows[i]), `指标“${rows[i].level3}”下还有编号的子指标（“${rows[i + 1].level3}”），父子指标都有得分：总分会重复计算，无法确定哪些行是指标`,
        `the indicator “${rows[i].level3}” has numbered sub-indicators under it (“${rows[i + 1].level3}”), each scored: adding them would count the parent twice, so which rows are the indicators cannot be made certain`);
    }
  }
}

/**
 * Weights and scores must be numbers where the layout puts them. One cell that is not may be a
 * typo (a finding); two or more, or a fifth of them, mean the columns are elsewhere.
 */
function checkPointCells(table: ReportTable, refuse: Refuser): void {
  const cells = table.indicatorRows.flatMap((row) => [row.columns.weight, row.columns.score]).filter((c) => c && c.compact !== '' && !LABELS.placeholder.test(c.compact));
  const bad = cells.filter((c) => !isNumericCell(c!.compact));
  if (bad.length >= 2 && (bad.length >= 3 || bad.length * 5 >= cells.length)) {
    const first = bad[0]!;
    refuse.at(first, `分值/得分列中有 ${bad.length} 个单元格不是数字（如“${first.text}”）：分值和得分两列的位置不确定`,
      `${bad.length} cells of the weight and score columns are not numbers (such as “${first.text}”): the places of those columns are in doubt`);
  }
}

/**
 * A row whose 分值 holds words (`6场`) while its 偏差原因 holds a bare figure (`10`): every cell
 * one column right of its place, as a stray cell before it leaves them. Either alone may be a
 * typo; both together are the row moved.
 */
function checkShiftedRows(table: ReportTable, refuse: Refuser): void {
  for (const row of table.indicatorRows) {
    const { weight, score, deviation } = row.columns;
    const words = (cell: typeof weight) => cell != null && cell.compact !== '' && !LABELS.placeholder.test(cell.compact) && !isNumericCell(cell.compact);
    const figure = deviation != null && isNumericCell(deviation.compact) && Number.parseFloat(deviation.compact) !== 0;
    if (figure && (words(weight) || words(score))) {
      const cell = words(weight) ? weight! : score!;
      refuse.at(cell, `此行“分值/得分”列是“${cell.text}”，“偏差原因”列却是数字“${deviation!.text}”：该行各单元格可能错位一列`,
        `this row has “${cell.text}” under 分值/得分 and the figure “${deviation!.text}” under the deviation: its cells may have moved one column`);
    }
  }
}

function declaredWeight(table: ReportTable): number | null {
  return parseNumberCell(table.total?.weight?.text ?? '')?.value ?? null;
}

const round = (v: number) => Math.round(v * 1000) / 1000;
