/**
 * Stage 3: read the parts of the 项目支出绩效自评表 out of the cell tokens: header
 * fields, the budget block, the overall goals, the indicator rows and the 总分 row.
 * Columns are taken from the header words; a layout whose columns cannot be made
 * certain is refused (a wrong number is worse than no number).
 */
import type { TableToken } from './cells.ts';
import { segmentRows, toCellRun, type Cell, type CellRun, type ColumnShape, type SegmentedRow } from './segment.ts';
import { LABELS, isNumericCell } from './labels.ts';
import { ReportParseError, type BudgetLineKind } from './types.ts';

export type BudgetColumn = 'budget_initial' | 'budget_adjusted' | 'executed' | 'weight' | 'rate' | 'score';
export type IndicatorColumn = 'level1' | 'level2' | 'level3' | 'target' | 'actual' | 'weight' | 'score' | 'deviation';

export interface BudgetRowCells {
  kind: BudgetLineKind;
  label: Cell;
  values: Partial<Record<BudgetColumn, Cell>>;
}

export interface ReportTable {
  titleLine: number | null;
  projectName: Cell | null;
  department: Cell | null;
  implementer: Cell | null;
  /** Label cells, for the line of a finding about a blank field. */
  labelLines: { projectName: number | null; department: number | null; implementer: number | null; goals: number | null };
  budgetRows: BudgetRowCells[];
  goalTarget: Cell | null;
  goalActual: Cell | null;
  indicatorRows: (SegmentedRow & { columns: Partial<Record<IndicatorColumn, Cell>> })[];
  total: { label: Cell; weight: Cell | null; score: Cell | null } | null;
}

/** Cells know their position in the run of all cells, which orders the table's parts. */
type IndexedCell = Cell;

function find(cells: IndexedCell[], pattern: RegExp, from = 0): IndexedCell | null {
  for (let i = from; i < cells.length; i++) if (pattern.test(cells[i].compact)) return cells[i];
  return null;
}

/**
 * `{ [columns[i]]: cells[i + offset] }`. A plain loop: Object.fromEntries over mapped pairs
 * was a measurable share of the parse, and this runs for every row.
 */
function byColumn<K extends string>(columns: K[], cells: Cell[], offset: number): Partial<Record<K, Cell>> {
  const out: Partial<Record<K, Cell>> = {};
  for (let i = 0; i < columns.length; i++) out[columns[i]] = cells[i + offset];
  return out;
}

/** The value of a `label | value` pair: the next cell, unless that cell is itself a label. */
function valueAfter(cells: IndexedCell[], label: IndexedCell | null): Cell | null {
  if (!label) return null;
  const next = cells[label.index + 1];
  if (!next || LABELS.anyHeaderLabel.test(next.compact)) return null;
  return next;
}

export function readTable(tokens: TableToken[], file: string): ReportTable {
  const run = toCellRun(tokens);
  const cells: IndexedCell[] = run.cells;
  const fundAnchor = find(cells, LABELS.fundBlock);
  const indicatorAnchor = find(cells, LABELS.indicatorBlock);
  if (!fundAnchor && !indicatorAnchor) {
    throw new ReportParseError(file, '找不到“项目支出绩效自评表”（没有“项目资金”和“绩效指标”表格）/ no self-evaluation table found');
  }
  if (!fundAnchor) throw new ReportParseError(file, '找不到“项目资金（万元）”预算表 / no budget block (项目资金) found', indicatorAnchor?.line);
  if (!indicatorAnchor) throw new ReportParseError(file, '找不到“绩效指标”表 / no indicator table (绩效指标) found', fundAnchor.line);
  if (indicatorAnchor.index < fundAnchor.index) {
    throw new ReportParseError(file, '“绩效指标”出现在“项目资金”之前，表格布局无法识别 / indicator table before the budget block: unknown layout', indicatorAnchor.line);
  }
  const headerCells = cells.slice(0, fundAnchor.index);
  const projectLabel = find(headerCells, LABELS.projectName);
  const departmentLabel = find(headerCells, LABELS.department);
  const implementerLabel = find(headerCells, LABELS.implementer);
  const goalsAnchor = find(cells, LABELS.goals, fundAnchor.index);
  const totalAnchor = find(cells, LABELS.total, indicatorAnchor.index);

  const budgetEnd = goalsAnchor && goalsAnchor.index < indicatorAnchor.index ? goalsAnchor : indicatorAnchor;
  const goals = goalsAnchor && goalsAnchor.index < indicatorAnchor.index ? readGoals(cells, goalsAnchor, indicatorAnchor) : { target: null, actual: null };
  return {
    titleLine: null,
    projectName: valueAfter(headerCells, projectLabel),
    department: valueAfter(headerCells, departmentLabel),
    implementer: valueAfter(headerCells, implementerLabel),
    labelLines: {
      projectName: projectLabel?.line ?? null,
      department: departmentLabel?.line ?? null,
      implementer: implementerLabel?.line ?? null,
      goals: goalsAnchor?.line ?? null,
    },
    budgetRows: readBudget(cells.slice(fundAnchor.index + 1, budgetEnd.index), fundAnchor, file),
    goalTarget: goals.target,
    goalActual: goals.actual,
    indicatorRows: readIndicators(run, cells, indicatorAnchor, totalAnchor, file),
    total: totalAnchor ? readTotal(cells, totalAnchor) : null,
  };
}

function readBudget(cells: IndexedCell[], anchor: IndexedCell, file: string): BudgetRowCells[] {
  const rowLabels = cells.filter((c) => LABELS.budgetRow.some(([, pattern]) => pattern.test(c.compact)));
  if (rowLabels.length === 0) throw new ReportParseError(file, '预算表中找不到“年度资金总额”等行 / no funding rows in the budget block', anchor.line);
  const columns: BudgetColumn[] = [];
  for (const cell of cells.filter((c) => c.index < rowLabels[0].index)) {
    const column = LABELS.budgetColumn.find(([, pattern]) => pattern.test(cell.compact))?.[0];
    if (column) columns.push(column);
    else if (cell.compact !== '') {
      throw new ReportParseError(file, `预算表表头“${cell.text}”无法识别，应为 年初预算数/全年预算数/全年执行数/分值/执行率/得分 / unknown budget column`, cell.line);
    }
  }
  for (const required of ['budget_initial', 'budget_adjusted', 'executed'] as const) {
    if (!columns.includes(required)) throw new ReportParseError(file, `预算表缺少“${LABELS.budgetColumnName[required]}”列 / budget column missing`, anchor.line);
  }
  return rowLabels.map((label, r) => {
    const end = r + 1 < rowLabels.length ? rowLabels[r + 1].index : Infinity;
    let values = cells.filter((c) => c.index > label.index && c.index < end);
    // The next row starts with the empty cell of the merged label column.
    if (values.length === columns.length + 1 && values[values.length - 1].compact === '') values = values.slice(0, -1);
    if (values.length !== columns.length) {
      throw new ReportParseError(file, `预算表“${label.text}”行有 ${values.length} 个数值单元格，应为 ${columns.length} 个 / budget row has ${values.length} cells, expected ${columns.length}`, label.line);
    }
    const kind = LABELS.budgetRow.find(([, pattern]) => pattern.test(label.compact))![0];
    return { kind, label, values: byColumn(columns, values, 0) };
  });
}

function readGoals(cells: IndexedCell[], anchor: IndexedCell, end: IndexedCell): { target: Cell | null; actual: Cell | null } {
  const inside = cells.slice(anchor.index + 1, end.index);
  const targetLabel = inside.findIndex((c) => LABELS.goalTarget.test(c.compact));
  const actualLabel = inside.findIndex((c) => LABELS.goalActual.test(c.compact));
  if (targetLabel < 0 || actualLabel < 0) {
    // One free-text cell: the goal without a separate achievement column.
    const text = inside.filter((c) => c.compact !== '');
    return { target: text[0] ?? null, actual: null };
  }
  // After the two column labels: the merged label column's empty cell, then target and actual.
  const values = inside.slice(Math.max(targetLabel, actualLabel) + 1);
  const filled = values.length >= 3 && values[0].compact === '' ? values.slice(1) : values;
  return { target: filled[0] ?? null, actual: filled[1] ?? null };
}

function readIndicators(
  run: CellRun,
  cells: IndexedCell[],
  anchor: IndexedCell,
  totalAnchor: IndexedCell | null,
  file: string,
): ReportTable['indicatorRows'] {
  const start = anchor.index;
  const columns: IndicatorColumn[] = [];
  let bodyStart = start + 1;
  for (; bodyStart < cells.length; bodyStart++) {
    const cell = cells[bodyStart];
    if (LABELS.unsupportedIndicatorColumn.test(cell.compact)) {
      throw new ReportParseError(file, `指标表有“${cell.text}”列（四川等地的格式），暂不支持：无法确定各列含义 / unsupported indicator column`, cell.line);
    }
    const column = LABELS.indicatorColumn.find(([, pattern]) => pattern.test(cell.compact))?.[0];
    if (!column) break;
    columns.push(column);
  }
  for (const required of ['level1', 'level2', 'level3', 'target', 'actual', 'weight', 'score'] as const) {
    if (!columns.includes(required)) {
      throw new ReportParseError(file, `指标表缺少“${LABELS.indicatorColumnName[required]}”列，无法确定各列含义 / indicator column missing`, anchor.line);
    }
  }
  const first = cells[bodyStart];
  if (!first) return [];
  const endIndex = totalAnchor ? totalAnchor.index : cells.length;
  const body: CellRun = { cells: run.cells.slice(first.index, endIndex), breakBefore: run.breakBefore.slice(first.index, endIndex) };
  const width = columns.length + 1;
  const shapes: ColumnShape[] = [(c) => (c.compact === '' ? 'empty' : 'misfit'), ...columns.map(shapeOf)];
  return segmentRows(body, width, shapes).map((row) => ({
    cells: row.cells,
    line: row.line,
    repair: row.repair,
    columns: byColumn(columns, row.cells, 1),
  }));
}

function shapeOf(column: IndicatorColumn): ColumnShape {
  return (cell) => {
    if (cell.compact === '') return 'empty';
    switch (column) {
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
        if (LABELS.level2Any.test(cell.compact)) return 'misfit';
        return isNumericCell(cell.compact) ? 'empty' : 'fits';
    }
  };
}

function readTotal(cells: IndexedCell[], anchor: IndexedCell): ReportTable['total'] {
  const position = anchor.index;
  return { label: anchor, weight: cells[position + 1] ?? null, score: cells[position + 2] ?? null };
}
