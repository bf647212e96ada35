/**
 * One self-evaluation table of the grid → its parts: header fields, the budget block, the
 * overall goals, the indicator rows and the 总分 row. Columns are placed by what their header
 * means (headers.json); a header the dictionary does not know, a row whose cells cannot be
 * placed with certainty, or a missing part is a refusal that names the cell and its position.
 */
import { emptyCell, rowCells, type Cell, type GridDocument, type GridRow } from '../grid.ts';
import { LABELS, isNumericCell } from '../labels.ts';
import { ReportParseError, type BudgetLineKind } from '../types.ts';
import type { RowKind } from './classify.ts';
import { COLUMN_NAMES, DICTIONARY, type BudgetColumn, type GoalColumn, type IndicatorColumn } from './dictionary.ts';
import type { Region } from './locate.ts';
import { Refuser } from './refuse.ts';
import { alignTextRow, cellsWithSlots, placeBySpans, PlacementError, type Fit, type HeaderColumn } from './place-row.ts';

export type { BudgetColumn, IndicatorColumn };

export interface BudgetRowCells {
  kind: BudgetLineKind;
  label: Cell;
  values: Partial<Record<BudgetColumn, Cell>>;
}

/** The indicator columns a row hands on: 指标性质/度量单位 are folded into the target and actual. */
export type IndicatorValue = 'level1' | 'level2' | 'level3' | 'target' | 'actual' | 'weight' | 'score' | 'deviation';

export interface IndicatorRowCells {
  cells: Cell[];
  line: number;
  /** Why a text row was put back together, or null when it was read as printed. */
  repair: string | null;
  columns: Partial<Record<IndicatorValue, Cell>>;
  /**
   * Where merges are known: true when the row's 分值/得分 cells continue a merged cell from a
   * row above (the row belongs to that group). Null in text, where a blank pair after a scored
   * row is read as such a group.
   */
  pointsContinued: boolean | null;
}

export interface ReportTable {
  projectName: Cell | null;
  department: Cell | null;
  implementer: Cell | null;
  /** Label cells, for the line of a finding about a blank field. */
  labelLines: { projectName: number | null; department: number | null; implementer: number | null; goals: number | null };
  budgetRows: BudgetRowCells[];
  /** Points printed in the budget block's label (`预算执行情况（10分）`). */
  budgetPoints: number | null;
  goalTarget: Cell | null;
  goalActual: Cell | null;
  indicatorRows: IndicatorRowCells[];
  total: { label: Cell; weight: Cell | null; score: Cell | null } | null;
  spansKnown: boolean;
}

const TEMPLATE_INSTRUCTION = /[(（]\d{2,4}字以内[)）]|^(?:对照|结合|针对)[^。]{0,40}(?:说明|填写|分析)/;

export function readRegion(doc: GridDocument, kinds: RowKind[], region: Region, file: string): ReportTable {
  const refuse = new Refuser(doc.format, file);
  const { start, end } = region;
  const find = (kind: RowKind, from = start) => {
    for (let i = from; i < end; i++) if (kinds[i] === kind) return i;
    return -1;
  };
  const budgetHeader = find('budgetHeader');
  const indicatorHeader = find('indicatorHeader');
  if (region.notProject) {
    const { kind, words, line, ref } = region.notProject;
    const what = kind === 'department'
      ? ['部门整体支出绩效自评表，不是项目支出绩效自评表', 'a department-wide spending evaluation, not a project report']
      : ['绩效目标申报表（没有实际完成值），不是项目支出绩效自评表', 'a performance target declaration (no actual results), not a self-evaluation report'];
    throw new ReportParseError(file, `这是${what[0]}（“${words}”）/ this is ${what[1]} (“${words}”)`, line,
      doc.format === 'text' || doc.format === 'pipe' ? null : ref);
  }
  if (indicatorHeader < 0) {
    const label = findBlockLabel(doc, start, end, 'indicators');
    if (label) refuse.at(label, `“${label.text}”表的表头行无法识别（应有 一级指标/二级指标/三级指标/年度指标值/实际完成值/分值/得分）`,
      `the header row of the indicator table “${label.text}” cannot be read (expected 一级指标/二级指标/三级指标/年度指标值/实际完成值/分值/得分)`);
    refuse.at(doc.rows[budgetHeader] ?? null, '预算表之后找不到“绩效指标”表（没有 一级指标/三级指标 表头行）', 'no indicator table (a header row with 一级指标/三级指标) after the budget block');
  }
  if (budgetHeader < 0) {
    refuse.at(doc.rows[indicatorHeader], '“绩效指标”表之前找不到预算执行表（项目资金/资金情况/预算执行情况，含 年初预算数/全年预算数/全年执行数 表头）',
      'no budget block (项目资金/资金情况/预算执行情况 with 年初预算数/全年预算数/全年执行数 headers) before the indicator table');
  }
  if (indicatorHeader < budgetHeader) {
    refuse.at(doc.rows[indicatorHeader], '“绩效指标”表出现在预算表之前，表格布局无法识别', 'the indicator table comes before the budget block: unknown layout');
  }
  const nextPart = (from: number, stops: ReadonlySet<RowKind>) => {
    for (let i = from + 1; i < end; i++) if (stops.has(kinds[i])) return i;
    return end;
  };
  const budgetEnd = nextPart(budgetHeader, new Set(['goals', 'indicatorHeader', 'trailer', 'field', 'title']));
  const goalsRow = find('goals');
  const goalsEnd = goalsRow < 0 ? -1 : nextPart(goalsRow, new Set(['budgetHeader', 'indicatorHeader', 'trailer', 'field']));
  const fieldsEnd = Math.min(...[budgetHeader, goalsRow, indicatorHeader].filter((i) => i >= 0));
  const fields = readFields(doc, start, fieldsEnd);
  const budget = readBudget(doc, budgetHeader, budgetEnd, refuse);
  const goals = goalsRow < 0 ? { target: null, actual: null } : readGoals(doc, goalsRow, goalsEnd);
  const indicators = readIndicators(doc, kinds, indicatorHeader, end, refuse);
  return {
    ...fields,
    labelLines: { ...fields.labelLines, goals: goalsRow < 0 ? null : (rowCells(doc.rows[goalsRow]).find((c) => DICTIONARY.block(c.compact)?.meaning === 'goals')?.line ?? doc.rows[goalsRow].line) },
    budgetRows: budget.rows,
    budgetPoints: budget.points,
    goalTarget: goals.target,
    goalActual: goals.actual,
    indicatorRows: indicators.rows,
    total: indicators.total,
    spansKnown: doc.spansKnown,
  };
}

function findBlockLabel(doc: GridDocument, start: number, end: number, meaning: 'indicators' | 'budget'): Cell | null {
  for (let i = start; i < end; i++) {
    for (const cell of rowCells(doc.rows[i])) if (DICTIONARY.block(cell.compact)?.meaning === meaning) return cell;
  }
  return null;
}

// ── header fields ─────────────────────────────────────────────────────────────────────────────

function readFields(doc: GridDocument, start: number, end: number) {
  const found: Partial<Record<'project_name' | 'department' | 'implementer', { label: Cell; value: Cell | null }>> = {};
  for (let i = start; i < end; i++) {
    const cells = rowCells(doc.rows[i]);
    cells.forEach((cell, k) => {
      const meaning = DICTIONARY.field(cell.compact);
      if (!meaning || found[meaning]) return;
      const next = cells[k + 1];
      const isLabel = next && (DICTIONARY.field(next.compact) || DICTIONARY.block(next.compact));
      found[meaning] = { label: cell, value: next && !isLabel ? next : null };
    });
  }
  return {
    projectName: found.project_name?.value ?? null,
    department: found.department?.value ?? null,
    implementer: found.implementer?.value ?? null,
    labelLines: {
      projectName: found.project_name?.label.line ?? null,
      department: found.department?.label.line ?? null,
      implementer: found.implementer?.label.line ?? null,
    },
  };
}

// ── budget block ──────────────────────────────────────────────────────────────────────────────

type BudgetSlot = BudgetColumn | 'label' | 'blank';
const LABEL_AREA: ReadonlySet<BudgetSlot> = new Set(['label']);
const POINT_COLUMNS: ReadonlySet<BudgetSlot> = new Set(['weight', 'rate', 'score', 'reason', 'blank']);
const BUDGET_NAMES: Record<BudgetSlot, string> = { ...COLUMN_NAMES.budget, label: '行名', blank: '（空表头）' };

function readBudget(doc: GridDocument, headerRow: number, bodyEnd: number, refuse: Refuser): { rows: BudgetRowCells[]; points: number | null } {
  const header = doc.rows[headerRow];
  checkWidth(header, ['预算表', 'budget block'], refuse);
  const columns: HeaderColumn<BudgetSlot>[] = [];
  let valueStart = -1;
  let points: number | null = null;
  const labelCells = new Set<Cell>();
  for (const { cell, from, to } of cellsWithSlots(header)) {
    const meaning = DICTIONARY.budgetColumn(cell.compact);
    if (meaning) {
      if (valueStart < 0) valueStart = from;
      const twin = columns.find((c) => c.meaning === meaning);
      if (twin) refuse.at(cell, `预算表有两个“${twin.header.text}”列，无法确定取哪一列`, `the budget block has two “${twin.header.text}” columns: cannot tell which to read`);
      columns.push({ meaning, header: cell, from, to });
      continue;
    }
    if (valueStart < 0) {
      const block = DICTIONARY.block(cell.compact);
      if (block?.meaning === 'budget') points = block.points;
      if (cell.compact === '' || block?.meaning === 'budget' || DICTIONARY.isBudgetLabelArea(cell.compact)) {
        labelCells.add(cell);
        continue;
      }
    } else if (cell.compact === '') {
      columns.push({ meaning: 'blank', header: cell, from, to });
      continue;
    }
    refuse.at(cell, `预算表表头“${cell.text}”无法识别，应为 年初预算数/全年预算数/全年执行数/分值/执行率/得分 等`,
      `unknown budget column header “${cell.text}” (expected 年初预算数/全年预算数/全年执行数/分值/执行率/得分 or another known wording)`);
  }
  for (const required of ['budget_adjusted', 'executed'] as const) {
    if (!columns.some((c) => c.meaning === required)) {
      refuse.at(header, `预算表缺少“${COLUMN_NAMES.budget[required]}”列`, `the budget block has no “${COLUMN_NAMES.budget[required]}” column`);
    }
  }
  const rows: BudgetRowCells[] = [];
  for (let r = headerRow + 1; r < bodyEnd; r++) {
    const row = doc.rows[r];
    const read = doc.spansKnown ? budgetRowBySpans(row, columns, valueStart, labelCells, refuse) : budgetRowOfText(row, columns, refuse);
    if (read) rows.push(read);
  }
  if (rows.length === 0) refuse.at(header, '预算表中找不到“年度资金总额”等资金行', 'no funding rows (年度资金总额, 当年财政拨款, …) in the budget block');
  return { rows, points };
}

function fundingKind(label: Cell, refuse: Refuser): BudgetLineKind {
  const kind = DICTIONARY.fundingRow(label.compact);
  if (!kind) {
    refuse.at(label, `预算表的行名“${label.text}”无法识别，应为 年度资金总额/当年财政拨款/上年结转资金/其他资金 等`,
      `unknown funding row “${label.text}” in the budget block (expected 年度资金总额/当年财政拨款/上年结转资金/其他资金 or another known wording)`);
  }
  return kind;
}

function budgetRowBySpans(row: GridRow, columns: HeaderColumn<BudgetSlot>[], valueStart: number, labelCells: Set<Cell>, refuse: Refuser): BudgetRowCells | null {
  const labels = cellsWithSlots(row).filter((c) => c.from < valueStart && !labelCells.has(c.cell) && c.cell.compact !== '');
  // The label area holds the block's label (merged down) and the row's own: several cells, checked only for reaching into a value column.
  const placed = place(row, [{ meaning: 'label', header: row.slots[0], from: 0, to: valueStart }, ...columns], BUDGET_NAMES, refuse, LABEL_AREA);
  const hasValues = columns.some((c) => placed.values[c.meaning] && placed.values[c.meaning]!.compact !== '' && !placed.continued[c.meaning]);
  if (labels.length === 0) {
    if (hasValues) refuse.at(row, '预算表有一行数值没有行名（年度资金总额/当年财政拨款…）', 'a row of the budget block has figures but no row label (年度资金总额/当年财政拨款/…)');
    return null;
  }
  const label = labels.length === 1 ? labels[0].cell : { ...labels[0].cell, text: labels.map((l) => l.cell.text).join(''), compact: labels.map((l) => l.cell.compact).join('') };
  const values: Partial<Record<BudgetColumn, Cell>> = {};
  for (const column of columns) {
    if (column.meaning === 'label' || column.meaning === 'blank') continue;
    const cell = placed.values[column.meaning];
    // A cell merged down from the row above (a shared 得分) belongs to that row.
    values[column.meaning] = cell && !placed.continued[column.meaning] ? cell : emptyCell(row.line, row.ref);
  }
  return { kind: fundingKind(label, refuse), label, values };
}

function budgetRowOfText(row: GridRow, columns: HeaderColumn<BudgetSlot>[], refuse: Refuser): BudgetRowCells | null {
  const cells = row.slots;
  const at = cells.findIndex((c) => c.compact !== '');
  if (at < 0) return null;
  const label = cells[at];
  if (isNumericCell(label.compact)) {
    refuse.at(label, `预算表有一行数值没有行名（“${label.text}”处应为 年度资金总额/当年财政拨款 等）`, `a row of the budget block has figures but no row label (found “${label.text}”)`);
  }
  const kind = fundingKind(label, refuse);
  let values = cells.slice(at + 1);
  while (values.length > columns.length && values[values.length - 1].compact === '') values = values.slice(0, -1);
  if (values.length < columns.length) {
    // One blank cell merged over the points columns (分值/执行率/得分) of a funding sub-row.
    const last = values.length - 1;
    const merged = last >= 0 && values[last].compact === '' && columns.slice(last).every((c) => POINT_COLUMNS.has(c.meaning));
    if (!merged) {
      refuse.at(label, `预算表“${label.text}”行有 ${values.length} 个数值单元格，应为 ${columns.length} 个，无法确定哪些列被合并`,
        `the budget row “${label.text}” has ${values.length} value cells for ${columns.length} columns: cannot tell which were merged`);
    }
    values = [...values, ...columns.slice(values.length).map(() => values[last])];
  }
  if (values.length > columns.length) {
    refuse.at(label, `预算表“${label.text}”行有 ${values.length} 个数值单元格，多于 ${columns.length} 列`, `the budget row “${label.text}” has ${values.length} value cells for ${columns.length} columns`);
  }
  const out: Partial<Record<BudgetColumn, Cell>> = {};
  columns.forEach((column, i) => {
    if (column.meaning !== 'label' && column.meaning !== 'blank') out[column.meaning] = values[i];
    else if (column.meaning === 'blank' && values[i].compact !== '') {
      refuse.at(values[i], `预算表有一列没有表头，却有内容“${values[i].text}”`, `a budget column without a header holds “${values[i].text}”`);
    }
  });
  return { kind, label, values: out };
}

function place<M extends string>(row: GridRow, columns: HeaderColumn<M>[], names: Record<M, string>, refuse: Refuser, several?: ReadonlySet<M>) {
  try {
    return placeBySpans(row, columns, names, several);
  } catch (error) {
    if (error instanceof PlacementError) refuse.at(error.cell, error.zh, error.en);
    throw error;
  }
}

// ── goals ─────────────────────────────────────────────────────────────────────────────────────

function readGoals(doc: GridDocument, goalsRow: number, goalsEnd: number): { target: Cell | null; actual: Cell | null } {
  const header = doc.rows[goalsRow];
  const labels = new Map<GoalColumn, { from: number; to: number }>();
  for (const { cell, from, to } of cellsWithSlots(header)) {
    const meaning = DICTIONARY.goalColumn(cell.compact);
    if (meaning && !labels.has(meaning)) labels.set(meaning, { from, to });
  }
  const usable = (cell: Cell) => cell.compact !== '' && !DICTIONARY.block(cell.compact) && !DICTIONARY.goalColumn(cell.compact) && !TEMPLATE_INSTRUCTION.test(cell.compact);
  const rows = doc.rows.slice(goalsRow + 1, goalsEnd);
  if (doc.spansKnown && labels.size === 2) {
    const under = (range: { from: number; to: number }) => {
      for (const row of rows) {
        for (const { cell, from, to, continued } of cellsWithSlots(row)) {
          if (!continued && from < range.to && to > range.from && usable(cell)) return cell;
        }
      }
      return null;
    };
    return { target: under(labels.get('target')!), actual: under(labels.get('actual')!) };
  }
  // Text, or one free-text cell: the cells in order after the labels.
  const inside = [header, ...rows].flatMap((row) => rowCells(row)).filter((c) => !c.compact || !DICTIONARY.block(c.compact));
  if (labels.size < 2) {
    const text = inside.filter(usable);
    return { target: text[0] ?? null, actual: null };
  }
  const lastLabel = Math.max(...[...inside.keys()].filter((k) => DICTIONARY.goalColumn(inside[k].compact)));
  const values = inside.slice(lastLabel + 1).filter((c) => c.compact !== '');
  const blankIfTemplate = (cell: Cell | undefined) => (cell && !TEMPLATE_INSTRUCTION.test(cell.compact) ? cell : null);
  return { target: blankIfTemplate(values[0]), actual: blankIfTemplate(values[1]) };
}

// ── indicators ────────────────────────────────────────────────────────────────────────────────

type IndicatorSlot = IndicatorColumn | 'label';
const INDICATOR_NAMES: Record<IndicatorSlot, string> = { ...COLUMN_NAMES.indicator, label: '绩效指标' };
const REQUIRED_INDICATOR: IndicatorColumn[] = ['level1', 'level2', 'level3', 'target', 'actual', 'weight', 'score'];
/** Columns whose cell a pipe table may have dropped because it was merged down from the row above. */
const MERGEABLE: ReadonlySet<IndicatorSlot> = new Set(['label', 'level1', 'level2', 'weight', 'score', 'deviation']);
const SCORED_TOGETHER: IndicatorSlot[][] = [['weight', 'score']];

/** A text block whose rows do not have the header's number of cells: its columns cannot be placed. */
function checkWidth(header: GridRow, what: [string, string], refuse: Refuser): void {
  if (!header.widthMismatch) return;
  const { header: width, rows } = header.widthMismatch;
  refuse.at(header, `${what[0]}的表头有 ${width} 列，而其下各行大多是 ${rows} 个单元格：表头与数据行对不上，无法确定各列`,
    `the ${what[1]} header has ${width} columns but most rows under it have ${rows} cells: the header does not fit its rows, so the columns cannot be made certain`);
}

function indicatorHeaderColumns(header: GridRow, refuse: Refuser): HeaderColumn<IndicatorSlot>[] {
  checkWidth(header, ['指标表', 'indicator table'], refuse);
  const columns: HeaderColumn<IndicatorSlot>[] = [];
  const cells = cellsWithSlots(header);
  let first = -1;
  cells.forEach(({ cell, from, to }, k) => {
    const meaning = DICTIONARY.indicatorColumn(cell.compact);
    if (meaning) {
      if (first < 0) first = from;
      const twin = columns.find((c) => c.meaning === meaning);
      if (twin) refuse.at(cell, `指标表有两个“${twin.header.text}”列，无法确定取哪一列`, `the indicator table has two “${twin.header.text}” columns: cannot tell which to read`);
      columns.push({ meaning, header: cell, from, to });
      return;
    }
    if (first < 0 && (cell.compact === '' || DICTIONARY.isIndicatorLabelArea(cell.compact) || DICTIONARY.block(cell.compact)?.meaning === 'indicators')) {
      columns.push({ meaning: 'label', header: cell, from, to });
      return;
    }
    // A blank header over the last column, after the scores: the deviation column left unlabelled.
    const last = k === cells.length - 1;
    const afterScores = columns.some((c) => c.meaning === 'score') && !columns.some((c) => c.meaning === 'deviation');
    if (cell.compact === '' && last && afterScores) {
      columns.push({ meaning: 'deviation', header: cell, from, to });
      return;
    }
    refuse.at(cell, cell.compact === ''
      ? `指标表第 ${k + 1} 列的表头为空，无法确定该列含义`
      : `指标表表头“${cell.text}”无法识别，无法确定各列含义（应为 一级指标/二级指标/三级指标/年度指标值/实际完成值/分值/得分/偏差原因分析及改进措施 等）`,
    cell.compact === ''
      ? `column ${k + 1} of the indicator table has a blank header: its meaning cannot be made certain`
      : `unknown indicator column header “${cell.text}”: the columns cannot be made certain (expected 一级指标/二级指标/三级指标/年度指标值/实际完成值/分值/得分/偏差原因分析及改进措施 or another known wording)`);
  });
  for (const required of REQUIRED_INDICATOR) {
    if (!columns.some((c) => c.meaning === required)) {
      refuse.at(header, `指标表缺少“${COLUMN_NAMES.indicator[required]}”列，无法确定各列含义`, `the indicator table has no “${COLUMN_NAMES.indicator[required]}” column: the columns cannot be made certain`);
    }
  }
  return columns;
}

const ENDS_INDICATORS: ReadonlySet<RowKind> = new Set(['total', 'trailer', 'field', 'budgetHeader', 'title', 'goals']);

function readIndicators(doc: GridDocument, kinds: RowKind[], headerRow: number, end: number, refuse: Refuser): { rows: IndicatorRowCells[]; total: ReportTable['total'] } {
  const header = doc.rows[headerRow];
  const columns = indicatorHeaderColumns(header, refuse);
  const headerKey = rowCells(header).map((c) => c.compact).join('|');
  const rows: IndicatorRowCells[] = [];
  let total: ReportTable['total'] = null;
  for (let r = headerRow + 1; r < end; r++) {
    const row = doc.rows[r];
    if (kinds[r] === 'total') {
      total = readTotal(doc, row, columns);
      break;
    }
    if (ENDS_INDICATORS.has(kinds[r])) break;
    if (kinds[r] === 'indicatorHeader') {
      if (rowCells(row).map((c) => c.compact).join('|') === headerKey) continue; // repeated at a page break
      break;
    }
    const placed = doc.spansKnown ? indicatorRowBySpans(row, columns, refuse) : indicatorRowOfText(row, columns, refuse);
    if (placed === 'end') break;
    if (placed) rows.push(placed);
  }
  return { rows, total };
}

function indicatorRowBySpans(row: GridRow, columns: HeaderColumn<IndicatorSlot>[], refuse: Refuser): IndicatorRowCells | null | 'end' {
  const placed = place(row, columns, INDICATOR_NAMES, refuse);
  const label = placed.values.label;
  // A new label in the first column (评价结论, 存在问题…): the indicator rows are over.
  if (label && label.compact !== '' && !placed.continued.label && !DICTIONARY.isIndicatorLabelArea(label.compact)) return 'end';
  const own = columns.filter((c) => c.meaning !== 'label').map((c) => placed.values[c.meaning]).filter((c): c is Cell => c != null);
  if (own.every((c) => c.compact === '')) return null;
  const values = { ...placed.values };
  // Merged 一级/二级 labels are carried down by the indicator builder; merged 分值/得分 make a group.
  for (const meaning of ['level1', 'level2'] as const) if (placed.continued[meaning]) values[meaning] = emptyCell(row.line, row.ref);
  const pointsContinued = Boolean(placed.continued.weight || placed.continued.score);
  if (pointsContinued) {
    values.weight = emptyCell(row.line, row.ref);
    values.score = emptyCell(row.line, row.ref);
  }
  return { cells: own, line: row.line, repair: null, columns: foldColumns(values), pointsContinued };
}

function shapeOf(meaning: IndicatorSlot, cell: Cell): Fit {
  if (cell.compact === '') return 'empty';
  switch (meaning) {
    case 'label':
      return DICTIONARY.isIndicatorLabelArea(cell.compact) ? 'fits' : 'misfit';
    case 'level1':
      return LABELS.level1Any.test(cell.compact) ? 'fits' : 'misfit';
    case 'level2':
      return LABELS.level2Any.test(cell.compact) ? 'fits' : 'misfit';
    case 'weight':
    case 'score':
      return isNumericCell(cell.compact) ? 'fits' : 'misfit';
    case 'level3':
      return LABELS.level1Any.test(cell.compact) || LABELS.level2Any.test(cell.compact) ? 'misfit' : 'fits';
    default:
      // Targets and actuals may be bare numbers (`1`, `12`): a number there proves nothing.
      if (LABELS.level2Any.test(cell.compact) || LABELS.level1Any.test(cell.compact)) return 'misfit';
      return isNumericCell(cell.compact) ? 'empty' : 'fits';
  }
}

function indicatorRowOfText(row: GridRow, columns: HeaderColumn<IndicatorSlot>[], refuse: Refuser): IndicatorRowCells | null | 'end' {
  let cells = row.slots;
  const meanings = columns.map((c) => c.meaning);
  while (cells.length > meanings.length && cells[cells.length - 1].compact === '') cells = cells.slice(0, -1);
  if (cells.every((c) => c.compact === '')) return null;
  const labelAt = meanings.indexOf('label');
  if (labelAt >= 0 && cells.length === meanings.length && cells[labelAt].compact !== '' && DICTIONARY.isTrailer(cells[labelAt].compact)) return 'end';
  let values: Partial<Record<IndicatorSlot, Cell>>;
  let repair: string | null = null;
  if (cells.length === meanings.length) {
    values = {};
    meanings.forEach((m, i) => (values[m] = cells[i]));
    if (row.repair === 'fused') repair = '与相邻行粘连，已按列数拆开 / fused with a neighbouring row, split by column count';
  } else {
    const first = cells.find((c) => c.compact !== '') ?? cells[0];
    if (cells.length > meanings.length) {
      refuse.at(first, `指标表此行有 ${cells.length} 个单元格，多于表头的 ${meanings.length} 列`, `this row of the indicator table has ${cells.length} cells for ${meanings.length} header columns`);
    }
    const aligned = alignTextRow(cells, meanings, shapeOf, MERGEABLE, SCORED_TOGETHER);
    if (!aligned) {
      refuse.at(first, `指标表此行只有 ${cells.length} 个单元格（表头 ${meanings.length} 列），无法确定哪些合并单元格缺失、各值属于哪一列`,
        `this row of the indicator table has ${cells.length} cells for ${meanings.length} columns: cannot tell which merged cells are missing and where each value belongs`);
    }
    values = aligned.values;
    const why = row.repair === 'fused' ? '与相邻行粘连' : '单元格不全';
    repair = `${why}：该行只有 ${cells.length} 个单元格（应为 ${meanings.length} 个），按内容对齐到第 ${aligned.offset + 1} 列起 / ${cells.length} of ${meanings.length} cells, aligned from column ${aligned.offset + 1}`;
  }
  for (const meaning of meanings) values[meaning] ??= emptyCell(row.line, row.ref);
  return { cells, line: row.line, repair, columns: foldColumns(values), pointsContinued: null };
}

const NATURE_OPERATOR: Record<string, string> = {
  '≥': '≥', '>=': '≥', '＞＝': '≥', '≧': '≥', '>': '≥', '＞': '≥', '正向': '≥', '大于等于': '≥', '不低于': '≥',
  '≤': '≤', '<=': '≤', '≦': '≤', '<': '≤', '＜': '≤', '反向': '≤', '小于等于': '≤', '不高于': '≤',
  '=': '=', '＝': '=', '﹦': '=', '等于': '=',
  '定性': '', '/': '',
};

/**
 * The 2023 template's 指标性质 / 指标值 / 度量单位 columns read as one target (`≥` `95` `%` → `≥95%`),
 * and a bare actual in the unit's terms (`98` → `98%`).
 */
function foldColumns(values: Partial<Record<IndicatorSlot, Cell>>): Partial<Record<IndicatorValue, Cell>> {
  const { nature, unit, label: _label, ...rest } = values;
  const out: Partial<Record<IndicatorValue, Cell>> = rest;
  if (!nature && !unit) return out;
  const unitText = unit?.compact && !/^[/／—-]$/.test(unit.compact) ? unit.text : '';
  const natureText = nature ? (NATURE_OPERATOR[nature.compact] ?? nature.text) : '';
  const withUnit = (cell: Cell | undefined, prefix: string): Cell | undefined => {
    if (!cell || cell.compact === '') return cell;
    const bare = isNumericCell(cell.compact) || /^[0-9.]+$/.test(cell.compact);
    const text = `${prefix}${cell.text}${bare && unitText && !cell.text.endsWith(unitText) ? unitText : ''}`;
    return text === cell.text ? cell : { ...cell, text, compact: text.replace(/\s/g, '') };
  };
  out.target = withUnit(values.target, natureText);
  out.actual = withUnit(values.actual, '');
  return out;
}

function readTotal(doc: GridDocument, row: GridRow, columns: HeaderColumn<IndicatorSlot>[]): ReportTable['total'] {
  const cells = rowCells(row);
  const at = cells.findIndex((c) => c.compact !== '');
  const label = cells[at];
  if (doc.spansKnown && row.slots.length >= Math.max(...columns.map((c) => c.to))) {
    const under = (meaning: IndicatorSlot) => {
      const column = columns.find((c) => c.meaning === meaning)!;
      const cell = row.slots[column.from];
      return cell === label ? null : cell;
    };
    return { label, weight: under('weight'), score: under('score') };
  }
  // Text: the cells after the label, 分值 then 得分, as the template prints them.
  return { label, weight: cells[at + 1] ?? null, score: cells[at + 2] ?? null };
}
