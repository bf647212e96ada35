/**
 * One self-evaluation table of the grid → its parts: header fields, the budget block, the
 * overall goals, the indicator rows and the 总分 row. Columns are placed by what their header
 * means (headers.json); a header the dictionary does not know, a row whose cells cannot be
 * placed with certainty, or a missing part is a refusal that names the cell and its position.
 */
import { emptyCell, ownCells, rowCells, type Cell, type GridDocument, type GridRow } from '../grid.ts';
import { LABELS, isNumericCell } from '../labels.ts';
import { ReportParseError, type BudgetLineKind } from '../types.ts';
import { indicatorHeaderWords, looksLikeIndicatorRow, type RowKind } from './classify.ts';
import { COLUMN_NAMES, DICTIONARY, type BudgetColumn, type FieldMeaning, type GoalColumn, type IndicatorColumn, type NotProjectReport } from './dictionary.ts';
import type { Region } from './locate.ts';
import { Refuser } from './refuse.ts';
import { alignCells, alignTextRow, cellsWithSlots, placeBySpans, PlacementError, reachOf, type Fit, type HeaderColumn, type Losses } from './place-row.ts';
import { parseNumberCell } from '../numbers.ts';

export type { BudgetColumn, IndicatorColumn };

export interface BudgetRowCells {
  kind: BudgetLineKind;
  label: Cell;
  values: Partial<Record<BudgetColumn, Cell>>;
}

/** The indicator columns a row hands on: 指标性质/度量单位 are folded into the target and actual. */
export type IndicatorValue = 'level1' | 'level2' | 'level3' | 'target' | 'actual' | 'weight' | 'score' | 'deviation';

/** A fused row split by column count, or a row of too few cells aligned by content from a column. */
export type RowRepair =
  | { variant: 'split' }
  | { variant: 'alignedFused' | 'alignedShort'; cells: number; of: number; column: number };

export interface IndicatorRowCells {
  cells: Cell[];
  line: number;
  /** How a text row was put back together (the parameters of its ROW_REPAIRED finding), or null when it was read as printed. */
  repair: RowRepair | null;
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
  /** Points printed in the budget block's label (`预算执行情况（10分）`): the budget's weight where no 分值 column gives it. */
  budgetPoints: number | null;
  /** The unit the budget block prints money in (`项目资金（元）`); the contract's figures are in 万元. */
  moneyUnit: '万元' | '元';
  goalTarget: Cell | null;
  goalActual: Cell | null;
  indicatorRows: IndicatorRowCells[];
  total: { label: Cell; weight: Cell | null; score: Cell | null } | null;
  spansKnown: boolean;
}

const NOT_PROJECT_MESSAGES: Record<NotProjectReport, [string, string]> = {
  department: ['部门整体支出绩效自评表，不是项目支出绩效自评表', 'a department-wide spending evaluation, not a project report'],
  declaration: ['绩效目标申报表（没有实际完成值），不是项目支出绩效自评表', 'a performance target declaration (no actual results), not a self-evaluation report'],
  scoring: ['绩效评价评分表（评分标准和得分，没有目标值与实际值），不是项目支出绩效自评表', 'a scoring sheet (criteria and points, no targets against actuals), not a self-evaluation report'],
};

const ENDS_BUDGET: ReadonlySet<RowKind> = new Set(['goals', 'indicatorHeader', 'trailer', 'field', 'title', 'section']);
const ENDS_GOALS: ReadonlySet<RowKind> = new Set(['budgetHeader', 'indicatorHeader', 'trailer', 'field', 'section']);

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
    const what = NOT_PROJECT_MESSAGES[kind];
    throw new ReportParseError(file, `这是${what[0]}（“${words}”） / this is ${what[1]} (“${words}”)`, line,
      doc.format === 'text' || doc.format === 'pipe' ? null : ref);
  }
  if (region.broken) {
    const { line, ref, table, width, was } = region.broken;
    throw new ReportParseError(file, `表格在第 ${table} 个表格中续表，但续表有 ${width} 列，指标表头有 ${was} 列：续表各列无法与表头对齐，整表不读（不只读前一部分） / the table goes on in table ${table}, which has ${width} columns where the indicator header has ${was}: its columns cannot be lined up with the header's, so the table is refused whole rather than read in part`,
      line, doc.format === 'text' || doc.format === 'pipe' ? null : ref);
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
  const budgetEnd = nextPart(budgetHeader, ENDS_BUDGET);
  const goalsRow = find('goals');
  const goalsEnd = goalsRow < 0 ? -1 : nextPart(goalsRow, ENDS_GOALS);
  const fieldsEnd = Math.min(...[budgetHeader, goalsRow, indicatorHeader].filter((i) => i >= 0));
  const fields = readFields(doc, start, fieldsEnd);
  const budget = readBudget(doc, budgetHeader, budgetEnd, refuse);
  const goals = goalsRow < 0 ? { target: null, actual: null } : readGoals(doc, goalsRow, goalsEnd, refuse);
  const indicators = readIndicators(doc, kinds, indicatorHeader, end, refuse);
  return {
    ...fields,
    labelLines: { ...fields.labelLines, goals: goalsRow < 0 ? null : (rowCells(doc.rows[goalsRow]).find((c) => DICTIONARY.block(c.compact)?.meaning === 'goals')?.line ?? doc.rows[goalsRow].line) },
    budgetRows: budget.rows,
    budgetPoints: budget.hasWeightColumn ? null : budget.points,
    moneyUnit: budget.moneyUnit ?? moneyUnitOf(region.preamble) ?? refuse.at(doc.rows[budgetHeader],
      '预算表没有写明金额单位（万元或元），不猜测：请确认“项目资金（万元）”等表头',
      'the budget block does not say its money unit (万元 or 元): rather than guess, the table is refused (expected a header such as 项目资金（万元）)'),
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
  const found: Partial<Record<FieldMeaning, { label: Cell; value: Cell | null }>> = {};
  for (let i = start; i < end; i++) {
    const cells = rowCells(doc.rows[i]);
    cells.forEach((cell, k) => {
      const meaning = DICTIONARY.field(cell.compact);
      if (!meaning || found[meaning]) return;
      const next = cells[k + 1];
      const isLabel = next && (DICTIONARY.field(next.compact) || DICTIONARY.block(next.compact));
      // Another field's value merged down beside this label (a row span one too long): not this field's.
      const taken = next && Object.values(found).some((f) => f?.value === next);
      found[meaning] = { label: cell, value: next && !isLabel && !taken ? next : null };
    });
  }
  return {
    projectName: found.project_name?.value ?? null,
    // A central transfer's form names the ministry (中央主管部门) and the local department: the local
    // one is the report's, and the ministry never stands in for it (an unreadable local label leaves it blank).
    department: found.department?.value ?? null,
    implementer: found.implementer?.value ?? null,
    labelLines: {
      projectName: found.project_name?.label.line ?? null,
      department: (found.department ?? found.upper_department)?.label.line ?? null,
      implementer: found.implementer?.label.line ?? null,
    },
  };
}

// ── budget block ──────────────────────────────────────────────────────────────────────────────

type BudgetSlot = BudgetColumn | 'label' | 'blank';
const LABEL_AREA: ReadonlySet<BudgetSlot> = new Set(['label']);
const POINT_COLUMNS: ReadonlySet<BudgetSlot> = new Set(['weight', 'rate', 'score', 'reason', 'blank']);
const MONEY_SLOTS: ReadonlySet<BudgetSlot> = new Set(['budget_initial', 'budget_adjusted', 'executed']);
const BUDGET_NAMES: Record<BudgetSlot, string> = { ...COLUMN_NAMES.budget, label: '行名', blank: '（空表头）' };

interface ReadBudget {
  rows: BudgetRowCells[];
  points: number | null;
  hasWeightColumn: boolean;
  moneyUnit: '万元' | '元' | null;
}

/** A cell that is only the unit of the block's label, printed on the row under it (`项目资金` / `（万元）`). */
const UNIT_ONLY = /^[(（]万?元[)）]$/;

/** `（元）` or `（万元）` in a header of the budget block: the unit its money is printed in. */
const UNIT_IN_HEADER = /[(（](万?元)[)）]/;
/** `单位：元`, `金额单位：万元` in the lines before the table. */
const UNIT_LINE = /(?:金额)?单位[:：]\s*(万?元)(?![\u4e00-\u9fff])/;

/**
 * The unit a line before the table states. The nearest such line is the table's (a caption of
 * another table may state another unit further up); when the lines state both units and the
 * nearest is not right above the table, which one is the table's is a guess: null.
 */
function moneyUnitOf(preamble: { text: string }[]): '万元' | '元' | null {
  const found: { unit: '万元' | '元'; at: number }[] = [];
  preamble.forEach(({ text }, at) => {
    const match = text.length <= 200 ? UNIT_LINE.exec(text) : null;
    if (match) found.push({ unit: match[1] as '万元' | '元', at });
  });
  const nearest = found.at(-1);
  if (!nearest) return null;
  const agree = found.every((f) => f.unit === nearest.unit);
  return agree || nearest.at >= preamble.length - UNIT_NEAR ? nearest.unit : null;
}
/** How many lines above the table a unit line counts as the table's own. */
const UNIT_NEAR = 3;

function readBudget(doc: GridDocument, headerRow: number, bodyEnd: number, refuse: Refuser): ReadBudget {
  const header = doc.rows[headerRow];
  checkWidth(header, ['预算表', 'budget block'], refuse);
  const columns: HeaderColumn<BudgetSlot>[] = [];
  let valueStart = -1;
  let points: number | null = null;
  let moneyUnit: '万元' | '元' | null = null;
  const labelCells = new Set<Cell>();
  for (const { cell, from, to } of cellsWithSlots(header)) {
    const unit = UNIT_IN_HEADER.exec(cell.compact)?.[1] as '万元' | '元' | undefined;
    if (unit) moneyUnit ??= unit;
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
    // The block's unit on the row under its label (`项目资金` / `（万元）`).
    for (const cell of row.slots) if (UNIT_ONLY.test(cell.compact)) moneyUnit ??= UNIT_IN_HEADER.exec(cell.compact)![1] as '万元' | '元';
    if (doc.spansKnown) refuseHeaderInBody(header, row, columns, ['预算表', 'budget block'], refuse);
    const read = doc.spansKnown ? budgetRowBySpans(row, columns, valueStart, labelCells, reachOf(header), refuse) : budgetRowOfText(row, columns, refuse);
    if (read) rows.push(read);
  }
  if (rows.length === 0) refuse.at(header, '预算表中找不到“年度资金总额”等资金行', 'no funding rows (年度资金总额, 当年财政拨款, …) in the budget block');
  return { rows, points, hasWeightColumn: columns.some((c) => c.meaning === 'weight'), moneyUnit };
}

function fundingKind(label: Cell, refuse: Refuser): BudgetLineKind {
  const kind = DICTIONARY.fundingRow(label.compact);
  if (!kind) {
    refuse.at(label, `预算表的行名“${label.text}”无法识别，应为 年度资金总额/当年财政拨款/上年结转资金/其他资金 等`,
      `unknown funding row “${label.text}” in the budget block (expected 年度资金总额/当年财政拨款/上年结转资金/其他资金 or another known wording)`);
  }
  return kind;
}

function budgetRowBySpans(row: GridRow, columns: HeaderColumn<BudgetSlot>[], valueStart: number, labelCells: Set<Cell>, headerReach: number, refuse: Refuser): BudgetRowCells | null {
  const labels = cellsWithSlots(row).filter((c) => c.from < valueStart && !labelCells.has(c.cell) && c.cell.compact !== '' && !UNIT_ONLY.test(c.cell.compact));
  // The label area holds the block's label (merged down) and the row's own: several cells, checked only for reaching into a value column.
  const placed = place(row, [{ meaning: 'label', header: row.slots[0], from: 0, to: valueStart }, ...columns], BUDGET_NAMES, refuse, LABEL_AREA);
  const hasValues = columns.some((c) => placed.values[c.meaning] && placed.values[c.meaning]!.compact !== '' && !placed.continued[c.meaning]);
  if (labels.length === 0) {
    if (hasValues) refuse.at(row, '预算表有一行数值没有行名（年度资金总额/当年财政拨款…）', 'a row of the budget block has figures but no row label (年度资金总额/当年财政拨款/…)');
    return null;
  }
  const label = labels.length === 1 ? labels[0].cell : { ...labels[0].cell, text: labels.map((l) => l.cell.text).join(''), compact: labels.map((l) => l.cell.compact).join('') };
  if (reachOf(row) > headerReach) return { kind: fundingKind(label, refuse), label, values: wideBudgetRow(row, columns, valueStart, label, refuse) };
  // An amount merged down over two funding rows: which row's it is, and where the row's own cells went, is a guess.
  const mergedMoney = columns.find((c) => MONEY_SLOTS.has(c.meaning) && row.continued[c.from] && row.slots[c.from].compact !== '');
  if (mergedMoney) {
    refuse.at(label, `预算表“${label.text}”行的“${BUDGET_NAMES[mergedMoney.meaning]}”与上一行合并为一格：无法确定该行各数值属于哪一列`,
      `the “${BUDGET_NAMES[mergedMoney.meaning]}” of the budget row “${label.text}” is one cell merged with the row above: where the row's figures belong cannot be made certain`);
  }
  const values: Partial<Record<BudgetColumn, Cell>> = {};
  for (const column of columns) {
    const under = placed.values[column.meaning];
    if (column.meaning === 'blank' && under && under.compact !== '' && !placed.continued.blank) {
      refuse.at(under, `预算表有一列没有表头，却有内容“${under.text}”`, `a budget column without a header holds “${under.text}”`);
    }
    if (column.meaning === 'label' || column.meaning === 'blank') continue;
    const cell = placed.values[column.meaning];
    // A cell merged down from the row above (a shared 得分) belongs to that row.
    values[column.meaning] = cell && !placed.continued[column.meaning] ? cell : emptyCell(row.line, row.ref);
  }
  return { kind: fundingKind(label, refuse), label, values };
}

/**
 * A header cell merged down into a row of figures (a row span one too long): the row's own cells
 * were pushed one column right, and none of them is certainly under its header.
 */
function refuseHeaderInBody<M extends string>(header: GridRow, row: GridRow, columns: HeaderColumn<M>[], what: [string, string], refuse: Refuser): void {
  for (const column of columns) {
    const slot = column.from;
    if (!row.continued[slot] || row.slots[slot] !== header.slots[slot] || row.slots[slot].compact === '') continue;
    const cell = row.slots[slot];
    refuse.at({ line: row.line, ref: row.ref }, `${what[0]}的表头“${cell.text}”向下合并进了数据行：该行各单元格可能被推移一列，无法确定各值属于哪一列`,
      `the ${what[1]} header “${cell.text}” is merged down into a row of figures: the row's cells may have been pushed one column, so where each value belongs cannot be made certain`);
  }
}

/** What a budget cell may hold: figures in the money and points columns, a rate or a figure under 执行率, anything under 原因. */
function budgetShape(meaning: BudgetSlot, cell: Cell): Fit {
  if (cell.compact === '' || NOTHING_HERE.test(cell.compact)) return 'empty';
  switch (meaning) {
    case 'reason':
      return 'fits';
    case 'rate':
      return parseNumberCell(cell.compact) ? 'fits' : 'misfit';
    case 'label':
    case 'blank':
      return 'misfit';
    default: {
      const number = parseNumberCell(cell.compact);
      return number && (number.unit == null || number.unit === '分' || number.unit === '元' || number.unit === '万元') ? 'fits' : 'misfit';
    }
  }
}

/**
 * A funding row reaching beyond the budget header (a cell too many, in Word or a web page; a
 * figure beyond the last column, in Excel): its own value cells on the one arrangement they fit,
 * a blank cell too many dropped, or the row is refused.
 */
function wideBudgetRow(row: GridRow, columns: HeaderColumn<BudgetSlot>[], valueStart: number, label: Cell, refuse: Refuser): Partial<Record<BudgetColumn, Cell>> {
  const reach = reachOf(row);
  const own = cellsWithSlots(row).filter((c) => !c.continued && c.from >= valueStart && c.from < reach);
  const open = columns.filter((c) => !row.continued[c.from]);
  // A figure merged down into the row that pushed its cells right (a row span one too long): no reading is certain.
  const pushed = open.length < columns.length;
  const aligned = !pushed && own.every((c) => c.to - c.from === 1)
    ? alignCells(own.map((c) => c.cell), open.map((c) => c.meaning), budgetShape, { dropBlanks: own.length > open.length })
    : null;
  if (!aligned) {
    refuse.at(label, `预算表“${label.text}”行的单元格多于表头的列（可能有一格错位），无法确定各数值属于哪一列`,
      `the budget row “${label.text}” has more cells than its header has columns (a cell may be out of place): where each figure belongs cannot be made certain`);
  }
  const values: Partial<Record<BudgetColumn, Cell>> = {};
  for (const column of columns) {
    if (column.meaning === 'label' || column.meaning === 'blank') continue;
    values[column.meaning] = aligned.values[column.meaning] ?? emptyCell(row.line, row.ref);
  }
  return values;
}

function budgetRowOfText(row: GridRow, columns: HeaderColumn<BudgetSlot>[], refuse: Refuser): BudgetRowCells | null {
  const cells = row.slots;
  const at = cells.findIndex((c) => c.compact !== '' && !UNIT_ONLY.test(c.compact));
  if (at < 0) return null;
  const label = cells[at];
  if (isNumericCell(label.compact)) {
    refuse.at(label, `预算表有一行数值没有行名（“${label.text}”处应为 年度资金总额/当年财政拨款 等）`, `a row of the budget block has figures but no row label (found “${label.text}”)`);
  }
  const kind = fundingKind(label, refuse);
  let values = cells.slice(at + 1);
  if (values.length > columns.length) {
    // A cell too many: the blank one whose removal lets every figure fit its column, when only one does.
    const meanings = columns.map((c) => c.meaning);
    const aligned = alignCells(values, meanings, budgetShape, { dropBlanks: true });
    if (aligned) values = meanings.map((m) => aligned.values[m] ?? emptyCell(row.line, row.ref));
  }
  if (values.length < columns.length) {
    // One blank cell merged over all the points columns (分值/执行率/得分) of a funding sub-row,
    // after one cell for each money column: nothing else can be placed.
    const last = values.length - 1;
    const money = columns.filter((c) => !POINT_COLUMNS.has(c.meaning)).length;
    const merged = last === money && values[last].compact === '' && columns.slice(last).every((c) => POINT_COLUMNS.has(c.meaning));
    if (!merged) {
      refuse.at(label, `预算表“${label.text}”行有 ${values.length} 个数值单元格，应为 ${columns.length} 个，无法确定哪些列被合并`,
        `the budget row “${label.text}” has ${values.length} value cells for ${columns.length} columns: cannot tell which were merged`);
    }
    values = [...values, ...columns.slice(values.length).map(() => values[last])];
  }
  if (values.length > columns.length) {
    refuse.at(label, `预算表“${label.text}”行有 ${values.length} 个数值单元格，多于 ${columns.length} 列，无法确定多出的是哪一格`,
      `the budget row “${label.text}” has ${values.length} value cells for ${columns.length} columns: which one is too many cannot be made certain`);
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

function readGoals(doc: GridDocument, goalsRow: number, goalsEnd: number, refuse: Refuser): { target: Cell | null; actual: Cell | null } {
  const header = doc.rows[goalsRow];
  const labels = new Map<GoalColumn, { from: number; to: number }>();
  for (const { cell, from, to } of cellsWithSlots(header)) {
    const meaning = DICTIONARY.goalColumn(cell.compact);
    if (meaning && !labels.has(meaning)) labels.set(meaning, { from, to });
  }
  const usable = (cell: Cell) => cell.compact !== '' && !DICTIONARY.block(cell.compact) && !DICTIONARY.goalColumn(cell.compact) && !TEMPLATE_INSTRUCTION.test(cell.compact);
  const rows = doc.rows.slice(goalsRow + 1, goalsEnd);
  if (doc.spansKnown && labels.size === 2) {
    const target = labels.get('target')!;
    const actual = labels.get('actual')!;
    const headerReach = reachOf(header);
    const under = (range: { from: number; to: number }) => {
      for (const row of rows) {
        for (const { cell, from, to, continued } of cellsWithSlots(row)) {
          if (continued || !usable(cell)) continue;
          // A text reaching under both labels, or beyond the header, belongs to neither with certainty.
          const inTarget = from < target.to && to > target.from;
          const inActual = from < actual.to && to > actual.from;
          if ((inTarget && inActual) || to > headerReach) {
            refuse.at(cell, `年度总体目标的“${cell.text}”跨越“预期目标”和“实际完成情况”两栏（或超出表头）：无法确定它是哪一栏`,
              `the overall goal “${cell.text}” spans both the 预期目标 and 实际完成情况 columns (or reaches beyond the header): which of them it is cannot be made certain`);
          }
          if (from < range.to && to > range.from) return cell;
        }
      }
      return null;
    };
    return { target: under(target), actual: under(actual) };
  }
  // Text, or one free-text cell: the cells in order after the labels.
  const inside = [header, ...rows].flatMap((row) => rowCells(row)).filter((c) => !c.compact || !DICTIONARY.block(c.compact));
  // One of the two column labels known, the other not: which text is which is a guess (left blank).
  if (labels.size === 1) return { target: null, actual: null };
  if (labels.size < 2) {
    const text = inside.filter(usable);
    return { target: text[0] ?? null, actual: null };
  }
  const lastLabel = Math.max(...[...inside.keys()].filter((k) => DICTIONARY.goalColumn(inside[k].compact)));
  let after = inside.slice(lastLabel + 1);
  while (after.length > 2 && after[0].compact === '') after = after.slice(1); // the label's column, merged down
  // A row of two cells under the two labels: a blank one is a blank goal, not a reason to move the other.
  const values = after.length === 2 ? after.map((c) => (c.compact === '' ? undefined : c)) : after.filter((c) => c.compact !== '');
  const blankIfTemplate = (cell: Cell | undefined) => (cell && !TEMPLATE_INSTRUCTION.test(cell.compact) ? cell : null);
  return { target: blankIfTemplate(values[0]), actual: blankIfTemplate(values[1]) };
}

// ── indicators ────────────────────────────────────────────────────────────────────────────────

type IndicatorSlot = IndicatorColumn | 'label' | 'blank';
const INDICATOR_NAMES: Record<IndicatorSlot, string> = { ...COLUMN_NAMES.indicator, label: '绩效指标', blank: '（空表头）' };
/**
 * Columns every indicator table has. 分值 and 得分 are not among them: some forms score only per
 * block (湖北's 年度绩效目标 with 得分 but no 分值) or not at all (湖南 county 专项 forms, central
 * transfer forms); a 分值 without a 得分 is no form's.
 */
const REQUIRED_INDICATOR: IndicatorColumn[] = ['level1', 'level2', 'level3', 'target', 'actual'];
/** Columns whose cell a pipe table may have dropped because it was merged down from the row above. */
/**
 * A row that lost cells merged down from the row above may have lost any but its 三级指标 (each
 * indicator has its own); 分值 and 得分 are merged together or not at all.
 */
const MERGED_LOSSES: Losses<IndicatorSlot> = { kind: 'merged', keep: new Set<IndicatorSlot>(['level3']), together: [['weight', 'score']] };
const EDGE_LOSSES: Losses<IndicatorSlot> = { kind: 'edges' };
/** The columns of an indicator's own values, as against its category labels. */
const VALUE_SLOTS: ReadonlySet<IndicatorSlot> = new Set<IndicatorSlot>(['level3', 'nature', 'target', 'unit', 'actual', 'weight', 'score', 'deviation']);

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
  cells.forEach(({ cell, from, to }) => {
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
    // A blank header: what its column holds decides (resolveBlankColumns).
    if (cell.compact === '') {
      columns.push({ meaning: 'blank', header: cell, from, to });
      return;
    }
    refuse.at(cell, `指标表表头“${cell.text}”无法识别，无法确定各列含义（应为 一级指标/二级指标/三级指标/年度指标值/实际完成值/分值/得分/偏差原因分析及改进措施 等）`,
      `unknown indicator column header “${cell.text}”: the columns cannot be made certain (expected 一级指标/二级指标/三级指标/年度指标值/实际完成值/分值/得分/偏差原因分析及改进措施 or another known wording)`);
  });
  for (const required of [...REQUIRED_INDICATOR, ...(columns.some((c) => c.meaning === 'weight') ? ['score' as const] : [])]) {
    if (!columns.some((c) => c.meaning === required)) {
      refuse.at(header, `指标表缺少“${COLUMN_NAMES.indicator[required]}”列，无法确定各列含义`, `the indicator table has no “${COLUMN_NAMES.indicator[required]}” column: the columns cannot be made certain`);
    }
  }
  return columns;
}

/**
 * Columns under a blank header. One that holds nothing in any row is an empty column of the grid
 * and is left alone; the first one after 分值/得分 that holds text, in a table without a
 * deviation column, is that column left unlabelled (Sichuan and Guizhou tables do this); any
 * other blank header over text is a column whose meaning cannot be made certain.
 */
function resolveBlankColumns(columns: HeaderColumn<IndicatorSlot>[], rows: GridRow[], refuse: Refuser): HeaderColumn<IndicatorSlot>[] {
  const textUnder = (column: HeaderColumn<IndicatorSlot>): Cell | null => {
    for (const row of rows) {
      for (const { cell, from, to, continued } of cellsWithSlots(row)) {
        if (!continued && from >= column.from && to <= column.to && cell.compact !== '' && !NOTHING_HERE.test(cell.compact)) return cell;
      }
    }
    return null;
  };
  const lastPoints = Math.max(...columns.map((c, i) => (c.meaning === 'score' || c.meaning === 'weight' ? i : -1)));
  let deviation = columns.some((c) => c.meaning === 'deviation');
  return columns.map((column, i) => {
    if (column.meaning !== 'blank') return column;
    const text = textUnder(column);
    if (!text) return column;
    const after = lastPoints >= 0 && i > lastPoints && columns.slice(lastPoints + 1, i).every((c) => c.meaning === 'blank' && !textUnder(c));
    if (after && !deviation) {
      deviation = true;
      return { ...column, meaning: 'deviation' };
    }
    return refuse.at(column.header, `指标表有一列表头为空，却有内容（如“${text.text}”）：无法确定该列含义`,
      `a column of the indicator table has a blank header but holds text (such as “${text.text}”): its meaning cannot be made certain`);
  });
}

const NOTHING_HERE = /^(?:\/|—{1,8}|-{1,8}|无|\\)$/;

/**
 * A second header row under a header cell merged across (云南's 年度指标值 over 指标性质 / 指标值 /
 * 度量单位): the sub-columns take the merged column's place. Null when the row is not one.
 */
function subHeaderColumns(columns: HeaderColumn<IndicatorSlot>[], sub: GridRow | undefined, refuse: Refuser): HeaderColumn<IndicatorSlot>[] | null {
  if (!sub) return null;
  const own = cellsWithSlots(sub).filter((c) => !c.continued);
  // A second header row names at least two columns; a body row does not.
  if (own.filter((c) => DICTIONARY.indicatorColumn(c.cell.compact)).length < 2) return null;
  const out: HeaderColumn<IndicatorSlot>[] = [];
  for (const column of columns) {
    const inside = column.to - column.from >= 2 ? own.filter((c) => c.from >= column.from && c.to <= column.to) : [];
    if (inside.length === 0) {
      out.push(column);
      continue;
    }
    // Every slot under the merged header needs a sub-header the dictionary knows.
    for (const c of inside) {
      const meaning = DICTIONARY.indicatorColumn(c.cell.compact);
      if (!meaning) {
        refuse.at(c.cell, c.cell.compact === ''
          ? `“${column.header.text}”下的第二行表头有一列为空，无法确定该列含义`
          : `“${column.header.text}”下的第二行表头“${c.cell.text}”无法识别，无法确定该列含义`,
        c.cell.compact === ''
          ? `a column of the second header row under “${column.header.text}” is blank: its meaning cannot be made certain`
          : `the second header row under “${column.header.text}” has the unknown header “${c.cell.text}”: its meaning cannot be made certain`);
      }
      out.push({ meaning, header: c.cell, from: c.from, to: c.to });
    }
  }
  const meanings = out.map((c) => c.meaning);
  if (new Set(meanings).size !== meanings.length) refuse.at(sub, '第二行表头与第一行有重复的列', 'the second header row repeats a column of the first');
  return out;
}

const headerWords = (row: GridRow) => indicatorHeaderWords(ownCells(row));

const ENDS_INDICATORS: ReadonlySet<RowKind> = new Set(['total', 'trailer', 'field', 'budgetHeader', 'title', 'goals', 'section']);

function readIndicators(doc: GridDocument, kinds: RowKind[], headerRow: number, end: number, refuse: Refuser): { rows: IndicatorRowCells[]; total: ReportTable['total'] } {
  const header = doc.rows[headerRow];
  let columns = indicatorHeaderColumns(header, refuse);
  let bodyStart = headerRow + 1;
  const refined = doc.spansKnown ? subHeaderColumns(columns, doc.rows[headerRow + 1], refuse) : null;
  let headerReach = reachOf(header);
  if (refined) {
    columns = refined;
    headerReach = Math.max(headerReach, reachOf(doc.rows[headerRow + 1]));
    bodyStart++;
  }
  const words = headerWords(header);
  let bodyEnd = bodyStart;
  while (bodyEnd < end && !ENDS_INDICATORS.has(kinds[bodyEnd])) {
    if (kinds[bodyEnd] === 'indicatorHeader' && headerWords(doc.rows[bodyEnd]) !== words) {
      refuse.at(doc.rows[bodyEnd], '指标表中又出现一行表头，列与第一行表头不同：其下各行无法按第一行表头读取',
        'the indicator table has a second header row with other columns than the first: the rows under it cannot be read by the first header');
    }
    bodyEnd++;
  }
  columns = resolveBlankColumns(columns, doc.rows.slice(bodyStart, bodyEnd).filter((_, i) => kinds[bodyStart + i] !== 'indicatorHeader'), refuse);
  const rows: IndicatorRowCells[] = [];
  let total: ReportTable['total'] = null;
  for (let r = bodyStart; r < end; r++) {
    const row = doc.rows[r];
    if (ENDS_INDICATORS.has(kinds[r])) {
      // Rows like an indicator's after the row that ends the table: the table did not end there.
      const after = doc.rows.slice(r + 1, end).findIndex((next, k) => kinds[r + 1 + k] === 'other' && looksLikeIndicatorRow(ownCells(next)));
      if (after >= 0 || (kinds[r] !== 'total' && looksLikeIndicatorRow(ownCells(row)))) {
        const first = ownCells(row).find((c) => c.compact !== '') ?? row.slots[0];
        refuse.at(first, after >= 0
          ? `指标表在“${first.text}”行结束，其后却还有像指标的行（有分值或得分）：无法确定哪些行是指标`
          : `“${first.text}”行结束了指标表，它本身却像一个指标行（有分值或得分）：无法确定哪些行是指标`,
          `the indicator table ends at the row “${first.text}”, but ${after >= 0 ? 'rows after it' : 'that row itself'} read like indicators (with points): which rows are the indicators cannot be made certain`);
      }
    }
    if (kinds[r] === 'total') {
      total = readTotal(doc, row, columns, headerReach, refuse);
      break;
    }
    if (ENDS_INDICATORS.has(kinds[r])) break;
    if (kinds[r] === 'indicatorHeader') continue; // the same header, repeated at a page break or over the next goal block
    if (doc.spansKnown) refuseHeaderInBody(refined ? doc.rows[headerRow + 1] : header, row, columns.filter((c) => c.meaning !== 'label'), ['指标表', 'indicator table'], refuse);
    const placed = doc.spansKnown ? indicatorRowBySpans(row, columns, headerReach, refuse) : indicatorRowOfText(row, columns, refuse, doc.format, r === doc.rows.length - 1);
    if (placed === 'end') break;
    if (placed) rows.push(placed);
  }
  // A 总分 row after the rows that follow the table proper (`其他需要说明事项` before 总分).
  if (!total) {
    const at = kinds.indexOf('total', bodyStart);
    if (at >= 0 && at < end) total = readTotal(doc, doc.rows[at], columns, headerReach, refuse);
  }
  return { rows, total };
}

function indicatorRowBySpans(row: GridRow, columns: HeaderColumn<IndicatorSlot>[], headerReach: number, refuse: Refuser): IndicatorRowCells | null | 'end' {
  const labelColumn = columns.find((c) => c.meaning === 'label');
  const label = labelColumn && !row.continued[labelColumn.from] ? row.slots[labelColumn.from] : null;
  if (label && label.compact !== '' && !DICTIONARY.isIndicatorLabelArea(label.compact)) {
    // A new label in the first column: a note after the table (`其他说明 | …`, one cell beside it) ends
    // the indicator rows; beside an indicator's cells, it is a cell out of its place.
    const beside = cellsWithSlots(row).filter((c) => !c.continued && c.cell !== label && c.cell.compact !== '');
    if (beside.length <= 1) return 'end';
    refuse.at(label, `指标表的“绩效指标”栏出现了“${label.text}”，同一行还有指标的内容：该行各单元格可能错位`,
      `“${label.text}” stands in the indicator table's label column, beside an indicator's cells: the row's cells may have moved out of place`);
  }
  if (row.padded) return paddedRow(row, columns, refuse);
  if (reachOf(row) > headerReach) return wideRow(row, columns, refuse);
  const placed = place(row, columns, INDICATOR_NAMES, refuse);
  const own = columns.filter((c) => c.meaning !== 'label').map((c) => placed.values[c.meaning]).filter((c): c is Cell => c != null);
  if (own.every((c) => c.compact === '')) return null;
  // A template's placeholder row (`指标2`, `……`) with nothing of its own: a value merged down into it is the row above's.
  const name = placed.values.level3;
  if (name && !placed.continued.level3 && (LABELS.templateIndicator.test(name.compact) || LABELS.placeholder.test(name.compact))
    && columns.every((c) => !VALUE_SLOTS.has(c.meaning) || c.meaning === 'level3' || placed.continued[c.meaning]
      || (placed.values[c.meaning]?.compact ?? '') === '' || NOTHING_HERE.test(placed.values[c.meaning]!.compact))) return null;
  // One 三级 name merged over rows that each have their own values: one indicator or two is a guess
  // (and a name merged one row too far pushes the next row's cells right).
  if (placed.continued.level3 && own.some((c) => c !== placed.values.level3 && c.compact !== '' && !NOTHING_HERE.test(c.compact) && !isContinued(row, c))) {
    refuse.at(placed.values.level3!, `三级指标“${placed.values.level3!.text}”合并了多行，下一行却有自己的数值：无法确定是一个指标还是两个`,
      `the indicator “${placed.values.level3!.text}” is one cell merged over rows that have values of their own: whether it is one indicator or two cannot be made certain`);
  }
  // A value merged down from the row above and a figure under 偏差原因: the row's cells were pushed
  // one column right by a row span one too long (in Excel, where a blank cell beyond the header leaves no trace).
  const deviation = placed.values.deviation;
  const mergedValue = columns.find((c) => VALUE_SLOTS.has(c.meaning) && c.meaning !== 'deviation' && placed.continued[c.meaning]);
  const figure = deviation && !placed.continued.deviation ? parseNumberCell(deviation.compact) : null;
  if (mergedValue && deviation && figure && figure.value !== 0) {
    refuse.at(deviation, `此行的“${INDICATOR_NAMES[mergedValue.meaning]}”合并自上一行，“偏差原因”列却是数值“${deviation.text}”：该行各单元格可能被推移一列`,
      `this row's “${INDICATOR_NAMES[mergedValue.meaning]}” is merged down from the row above while its deviation column holds the figure “${deviation.text}”: the row's cells may have been pushed one column`);
  }
  // A header's word merged down into the row (a repeated header's cell one row too long).
  const headerWord = columns.find((c) => c.meaning !== 'label' && placed.continued[c.meaning] && DICTIONARY.indicatorColumn(placed.values[c.meaning]?.compact ?? ''));
  if (headerWord) {
    const cell = placed.values[headerWord.meaning]!;
    refuse.at(cell, `表头“${cell.text}”向下合并进了指标行：该行各单元格可能被推移一列，无法确定各值属于哪一列`,
      `the header “${cell.text}” is merged down into an indicator row: the row's cells may have been pushed one column, so where each value belongs cannot be made certain`);
  }
  const values = { ...placed.values };
  // Merged 一级/二级 labels are carried down by the indicator builder; merged 分值/得分 make a group.
  for (const meaning of ['level1', 'level2'] as const) if (placed.continued[meaning]) values[meaning] = emptyCell(row.line, row.ref);
  // A merged 分值 with a 得分 for each row (or the other way round): only the merged one is the group's.
  const pointsContinued = Boolean(placed.continued.weight || placed.continued.score);
  if (placed.continued.weight) values.weight = emptyCell(row.line, row.ref);
  if (placed.continued.score) values.score = emptyCell(row.line, row.ref);
  return { cells: own, line: row.line, repair: null, columns: foldColumns(values), pointsContinued };
}

/** Whether a cell of the row continues a cell from a row above. */
function isContinued(row: GridRow, cell: Cell): boolean {
  const slot = row.slots.indexOf(cell);
  return slot >= 0 && row.continued[slot];
}

/**
 * A row of a page or a Word table that falls short of its table: a cell merged down from the row
 * above may have been left out, its cells moved left. Its own cells are placed, like a short row
 * of pipe text, on the columns that no merge from above covers, or the row is refused.
 */
function paddedRow(row: GridRow, columns: HeaderColumn<IndicatorSlot>[], refuse: Refuser): IndicatorRowCells | null | 'end' {
  const width = row.slots.length - (row.padded ?? 0);
  const own = cellsWithSlots(row).filter((c) => !c.continued && c.from < width);
  const first = own.find((c) => c.cell.compact !== '')?.cell;
  if (!first) return null;
  if (own[0].from === 0 && own[0].cell.compact !== '' && !DICTIONARY.isIndicatorLabelArea(own[0].cell.compact) && (DICTIONARY.isTrailer(own[0].cell.compact) || DICTIONARY.isSection(own[0].cell.compact))) return 'end';
  const open = columns.filter((c) => !row.continued[c.from]);
  if (own.some((c) => c.to - c.from > 1)) {
    refuse.at(first, '指标表此行比表头短，且有跨列合并的单元格：无法确定各值属于哪一列', 'this row of the indicator table is shorter than its header and has a cell merged across columns: where each value belongs cannot be made certain');
  }
  const aligned = alignTextRow(own.map((c) => c.cell), open.map((c) => c.meaning), shapeOf, MERGED_LOSSES);
  if (!aligned) {
    refuse.at(first, `指标表此行只有 ${own.length} 个单元格（表头 ${open.length} 列未被合并覆盖），无法确定缺了哪个合并单元格、各值属于哪一列`,
      `this row of the indicator table has ${own.length} cells for the ${open.length} columns no merge covers: which merged cell is missing and where each value belongs cannot be made certain`);
  }
  const values: Partial<Record<IndicatorSlot, Cell>> = { ...aligned.values };
  for (const column of columns) values[column.meaning] ??= emptyCell(row.line, row.ref);
  const missingPoints = aligned.missing.includes('weight') || aligned.missing.includes('score');
  const pointsContinued = missingPoints || columns.some((c) => (c.meaning === 'weight' || c.meaning === 'score') && row.continued[c.from]);
  return { cells: own.map((c) => c.cell), line: row.line, repair: null, columns: foldColumns(values), pointsContinued };
}

/**
 * A row reaching beyond its header (Word or a web page: a cell too many, as a split cell or a
 * row span one too long leaves; Excel: a figure beyond the last column): its own cells on the
 * one arrangement their content fits, a blank cell too many dropped, or the row is refused.
 */
function wideRow(row: GridRow, columns: HeaderColumn<IndicatorSlot>[], refuse: Refuser): IndicatorRowCells | null {
  const reach = reachOf(row);
  const own = cellsWithSlots(row).filter((c) => !c.continued && c.from < reach);
  const first = own.find((c) => c.cell.compact !== '')?.cell;
  if (!first) return null;
  const open = columns.filter((c) => !row.continued[c.from]);
  // A value merged down into the row that pushed its cells right (a row span one too long): no reading is certain.
  const pushed = columns.some((c) => VALUE_SLOTS.has(c.meaning) && row.continued[c.from]);
  const aligned = !pushed && own.every((c) => c.to - c.from === 1)
    ? alignCells(own.map((c) => c.cell), open.map((c) => c.meaning), shapeOf, own.length > open.length ? { dropBlanks: true } : { losses: MERGED_LOSSES })
    : null;
  if (!aligned) {
    refuse.at(first, `指标表此行的单元格超出表头的最后一列（可能有一格错位或多出一格）：无法确定各值属于哪一列`,
      `this row of the indicator table reaches beyond its header's last column (a cell out of place or one too many): where each value belongs cannot be made certain`);
  }
  const values: Partial<Record<IndicatorSlot, Cell>> = { ...aligned.values };
  for (const column of columns) values[column.meaning] ??= emptyCell(row.line, row.ref);
  const pointsContinued = aligned.missing.includes('weight') || aligned.missing.includes('score');
  return { cells: own.map((c) => c.cell), line: row.line, repair: null, columns: foldColumns(values), pointsContinued };
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
    case 'blank':
      return 'misfit';
    case 'deviation':
      // A reason is words; a bare figure there is a 分值 or 得分 moved one column.
      return isNumericCell(cell.compact) ? 'misfit' : 'fits';
    default:
      // Targets and actuals may be bare numbers (`1`, `12`): a number there proves nothing.
      if (LABELS.level2Any.test(cell.compact) || LABELS.level1Any.test(cell.compact)) return 'misfit';
      return isNumericCell(cell.compact) ? 'empty' : 'fits';
  }
}

function indicatorRowOfText(row: GridRow, columns: HeaderColumn<IndicatorSlot>[], refuse: Refuser, format: GridDocument['format'], last: boolean): IndicatorRowCells | null | 'end' {
  let cells = row.slots;
  const meanings = columns.map((c) => c.meaning);
  if (cells.every((c) => c.compact === '')) return null;
  if (cells.length > meanings.length) {
    // A cell too many: the blank one whose removal lets every cell fit its column, when only one does.
    const aligned = alignCells(cells, meanings, shapeOf, { dropBlanks: true });
    if (aligned) cells = meanings.map((m) => aligned.values[m] ?? emptyCell(row.line, row.ref));
  }
  const labelAt = meanings.indexOf('label');
  if (labelAt >= 0 && cells.length === meanings.length && cells[labelAt].compact !== '' && DICTIONARY.isTrailer(cells[labelAt].compact)) return 'end';
  let values: Partial<Record<IndicatorSlot, Cell>>;
  let repair: RowRepair | null = null;
  if (cells.length === meanings.length) {
    values = {};
    meanings.forEach((m, i) => (values[m] = cells[i]));
    if (row.repair === 'fused') repair = { variant: 'split' };
  } else {
    const first = cells.find((c) => c.compact !== '') ?? cells[0];
    if (cells.length > meanings.length) {
      refuse.at(first, `指标表此行有 ${cells.length} 个单元格，多于表头的 ${meanings.length} 列`, `this row of the indicator table has ${cells.length} cells for ${meanings.length} header columns`);
    }
    // Flattened Word text loses cells only where two rows were fused on one line, at the row's ends;
    // a pipe table loses the cells its merges covered. A short row of flattened text not fused is
    // missing a cell no one can place.
    const losses = format === 'pipe' ? MERGED_LOSSES : row.repair === 'fused' ? EDGE_LOSSES : null;
    const aligned = losses ? alignTextRow(cells, meanings, shapeOf, losses) : null;
    if (!aligned && last) {
      refuse.at(first, `表格在此行中断（只有 ${cells.length} 个单元格，应为 ${meanings.length} 个），文件可能不完整`,
        `the table breaks off in this row (${cells.length} of ${meanings.length} cells): the file may be cut off`);
    }
    if (!aligned) {
      refuse.at(first, `指标表此行只有 ${cells.length} 个单元格（表头 ${meanings.length} 列），无法确定哪些合并单元格缺失、各值属于哪一列`,
        `this row of the indicator table has ${cells.length} cells for ${meanings.length} columns: cannot tell which merged cells are missing and where each value belongs`);
    }
    values = aligned.values;
    repair = { variant: row.repair === 'fused' ? 'alignedFused' : 'alignedShort', cells: cells.length, of: meanings.length, column: aligned.offset + 1 };
  }
  for (const meaning of meanings) values[meaning] ??= emptyCell(row.line, row.ref);
  return { cells, line: row.line, repair, columns: foldColumns(values), pointsContinued: null };
}

const NATURE_OPERATOR: Record<string, string> = {
  '≥': '≥', '>=': '≥', '＞＝': '≥', '≧': '≥', '>': '≥', '＞': '≥', '正向': '≥', '大于等于': '≥', '不低于': '≥',
  '≤': '≤', '<=': '≤', '≦': '≤', '<': '≤', '＜': '≤', '反向': '≤', '小于等于': '≤', '不高于': '≤',
  '=': '=', '＝': '=', '﹦': '=', '═': '=', '等于': '=',
  '定性': '', '/': '',
};

/**
 * The 2023 template's 指标性质 / 指标值 / 度量单位 columns read as one target (`≥` `95` `%` → `≥95%`),
 * and a bare actual in the unit's terms (`98` → `98%`).
 */
function foldColumns(values: Partial<Record<IndicatorSlot, Cell>>): Partial<Record<IndicatorValue, Cell>> {
  const { nature, unit, label: _label, blank: _blank, ...rest } = values;
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

function readTotal(doc: GridDocument, row: GridRow, columns: HeaderColumn<IndicatorSlot>[], headerReach: number, refuse: Refuser): ReportTable['total'] {
  const cells = rowCells(row);
  const at = cells.findIndex((c) => c.compact !== '');
  const label = cells[at];
  const weightColumn = columns.find((c) => c.meaning === 'weight');
  const scoreColumn = columns.find((c) => c.meaning === 'score');
  const width = Math.max(...columns.map((c) => c.to));
  // Where merges are known, or a text row has a cell for every column: the figures by their columns.
  if (doc.spansKnown ? row.slots.length >= width : row.slots.length === width) {
    const points = new Set([weightColumn?.from, scoreColumn?.from]);
    const reach = doc.spansKnown ? reachOf(row) : row.slots.length;
    const underPoints = new Set([...points].flatMap((slot) => (slot == null ? [] : [row.slots[slot]])));
    const stray = row.slots.findIndex((cell, slot) => cell !== label && !underPoints.has(cell) && (slot >= headerReach || isNumericCell(cell.compact)) && cell.compact !== '');
    if (reach > headerReach || stray >= 0) {
      const cell = stray >= 0 ? row.slots[stray] : label;
      refuse.at(cell, `“总分”行的${stray >= 0 ? `数值“${cell.text}”不在分值或得分列下` : '单元格超出表头的最后一列'}：该行可能错位，总分无法确定`,
        `the 总分 row ${stray >= 0 ? `has the figure “${cell.text}” under neither 分值 nor 得分` : 'reaches beyond its header\'s last column'}: the row may have moved, so its total cannot be made certain`);
    }
    const under = (column: HeaderColumn<IndicatorSlot> | undefined) => {
      const cell = column ? row.slots[column.from] : null;
      return cell && cell !== label ? cell : null;
    };
    return { label, weight: under(weightColumn), score: under(scoreColumn) };
  }
  // Text: the figures after the label, 分值 then 得分 as the template prints them; a form without
  // a 分值 column prints the score alone.
  const rest = cells.slice(at + 1);
  // One cell for each column from 分值 to the last: the label was merged over all the columns before.
  const firstPoints = Math.min(...[weightColumn, scoreColumn].flatMap((c) => (c ? [c.from] : [])));
  if (Number.isFinite(firstPoints) && rest.length === width - firstPoints) {
    const under = (column: HeaderColumn<IndicatorSlot> | undefined) => (column ? rest[column.from - firstPoints] : null);
    return { label, weight: under(weightColumn), score: under(scoreColumn) };
  }
  const figures = rest.filter((c) => c.compact !== '');
  if (!weightColumn) return { label, weight: null, score: scoreColumn ? figures[0] ?? null : null };
  return { label, weight: figures[0] ?? null, score: figures[1] ?? null };
}
