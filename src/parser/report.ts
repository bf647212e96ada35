/**
 * Assembles the four contract tables of one report from the stages before it and runs
 * the report-level checks (totals, blank fields, narrative against table).
 */
import { gradeOf } from './grade.ts';
import { resolveBudget } from './budget.ts';
import { FindingSink, checkCategories, checkIndicators } from './findings.ts';
import { checkInflated, indicatorRuleColumns, reportRuleColumns, rescoreReport } from './rescore.ts';
import { buildIndicators } from './indicators.ts';
import { checkNarrative } from './narrative.ts';
import { parseNumberCell, cleanText } from './numbers.ts';
import { inferPlace } from './place.ts';
import type { ReportTable } from './layout/read-table.ts';
import { fundFromTableTitle, fundWithCity, readTitle } from './title.ts';
import type { MessageLang, NormalizedTables, ReportRow } from './types.ts';

export interface ReportInput {
  reportId: string;
  sourceFile: string;
  /** The document's text, where the city is looked for when neither title nor header names one. */
  text: string;
  /** The lines before the table (title, narrative). */
  preamble: { text: string; line: number }[];
  table: ReportTable;
  /** Compare the narrative with the table: only when the file holds this one table, whose report the narrative is. */
  narrative: boolean;
  /** How the file was read, and where the table starts in it. */
  format: string;
  tableRef: string | null;
  /** The position a line number stands for, in the file's own terms (`T1.R3.C2 ¶45`); null where unknown. */
  refOfLine: (line: number) => string | null;
  /** Bad bytes replaced when the file was decoded. */
  encodingRepairs?: { offset: number; line: number }[];
  /** The language findings' messages are written in (zh unless asked). */
  lang?: MessageLang;
}

const SCORE_TOLERANCE = 0.001;

const sumOrNull = (values: (number | null)[]) =>
  values.some((v) => v != null) ? Math.round(values.reduce<number>((s, v) => s + (v ?? 0), 0) * 1e6) / 1e6 : null;

export function buildReport({ reportId, sourceFile, text, preamble, table, narrative, format, tableRef, refOfLine, encodingRepairs = [], lang = 'zh' }: ReportInput): NormalizedTables {
  const findings = new FindingSink(reportId, lang);
  for (const { offset, line } of encodingRepairs) {
    findings.add('ENCODING_REPAIRED', 'warning', null, null, `byte ${offset}`, { line, offset }, line);
  }
  const title = readTitle(preamble);
  const header = [table.projectName, table.department, table.implementer].map((c) => c?.text ?? '').join(' ');
  const place = inferPlace({ title: title.title ?? '', header, body: text });
  const budget = resolveBudget(reportId, table.budgetRows, findings, { moneyUnit: table.moneyUnit, points: table.budgetPoints });
  const drafts = buildIndicators(reportId, table.indicatorRows);
  for (const { repair, repairLine, row, invalid } of drafts) {
    if (repair) findings.add('ROW_REPAIRED', 'info', 'indicators', null, null, { ...repair, seq: row.seq }, repairLine);
    for (const { field, text } of invalid) {
      findings.add('FIELD_INVALID', 'error', `indicators.${field}`, '非负数字 / a number of at least 0', text,
        { variant: 'indicator', seq: row.seq, name: row.level3, column: field, text }, row.level3_line);
    }
  }
  checkIndicators(drafts, findings);
  const categories = checkCategories(drafts, findings);
  const indicators = drafts.map((d) => d.row);

  // Without a single indicator weight (forms that score per block) the total weight is unknown, not the budget's alone.
  const totalWeight = indicators.some((r) => r.weight != null) ? sumOrNull([budget.weight, ...indicators.map((r) => r.weight)]) : null;
  const totalScore = sumOrNull([budget.score, ...indicators.map((r) => r.score)]);
  const declaredScore = parseNumberCell(table.total?.score?.text ?? '')?.value ?? null;
  const declaredWeight = parseNumberCell(table.total?.weight?.text ?? '')?.value ?? null;
  const totalLine = table.total?.label.line ?? null;
  // A form that scores nothing (湖南 county 专项, central transfers) has no 总分 row to miss.
  if (!table.total && (budget.score != null || indicators.some((r) => r.score != null))) {
    findings.add('FIELD_MISSING', 'warning', 'reports.declared_total_score', null, null, { variant: 'totalRow' }, indicators.at(-1)?.level3_line ?? null);
  }
  if (declaredScore != null && totalScore != null && Math.abs(declaredScore - totalScore) > SCORE_TOLERANCE) {
    findings.add('TOTAL_SCORE_MISMATCH', 'error', 'reports.declared_total_score', String(totalScore), String(declaredScore),
      { declared: declaredScore, sum: totalScore }, totalLine);
  }
  if (declaredWeight != null && totalWeight != null && Math.abs(declaredWeight - totalWeight) > SCORE_TOLERANCE) {
    findings.add('TOTAL_SCORE_MISMATCH', 'error', 'reports.total_weight', String(totalWeight), String(declaredWeight),
      { variant: 'weight', declared: declaredWeight, sum: totalWeight }, totalLine);
  }
  const fields: [keyof ReportRow, string, string | null, number | null][] = [
    ['department', '主管部门', cleanText(table.department?.text), table.labelLines.department],
    ['implementer', '实施单位', cleanText(table.implementer?.text), table.labelLines.implementer],
    ['goal_target', '年度总体目标·预期目标', cleanText(table.goalTarget?.text), table.labelLines.goals],
    ['goal_actual', '年度总体目标·实际完成情况', cleanText(table.goalActual?.text), table.labelLines.goals],
  ];
  // A field the form prints but leaves blank; a form without the field at all (湖北's has no 年度总体目标) is not a blank.
  for (const [field, name, value, line] of fields) {
    if (value == null && line != null) findings.add('FIELD_MISSING', 'warning', `reports.${field}`, null, null, { name }, line);
  }
  if (narrative) checkNarrative(preamble, { total: totalScore, budget: budget.score, categories, indicators }, findings);

  const projectPrinted = cleanText(table.projectName?.text);
  const report: ReportRow = {
    report_id: reportId,
    source_file: sourceFile,
    year: title.year,
    province: place.province,
    city: place.city,
    fund: fundWithCity(title.fundPrinted ?? fundFromTableTitle(preamble), place.city, place.city ? place.city.replace(/市$/, '') : null),
    project: title.subtitle ?? projectPrinted,
    project_name_printed: projectPrinted,
    department: fields[0][2],
    implementer: fields[1][2],
    goal_target: fields[2][2],
    goal_actual: fields[3][2],
    budget_initial: budget.budgetInitial,
    budget_adjusted: budget.budgetAdjusted,
    executed: budget.executed,
    execution_rate: budget.executionRate,
    budget_weight: budget.weight,
    budget_score: budget.score,
    total_weight: totalWeight,
    total_score: totalScore,
    declared_total_score: declaredScore,
    grade: gradeOf(totalScore),
    title: title.title,
    indicator_count: indicators.length,
    finding_count: findings.rows.length,
    source_format: format,
    source_ref: tableRef,
    money_unit: table.moneyUnit,
    rule_total_score: null,
    rule_coverage: null,
    rule_grade: null,
    rule_gap: null,
    rule_budget_score: null,
  };
  const rescored = rescoreReport(report, indicators);
  Object.assign(report, reportRuleColumns(rescored));
  indicatorRuleColumns(rescored).forEach((columns, i) => Object.assign(indicators[i], columns));
  checkInflated(report, indicators, rescored, budget.lines.find((line) => line.line === 'total')?.source_line ?? null, findings);
  report.finding_count = findings.rows.length;
  for (const finding of findings.rows) finding.source_ref = finding.line == null ? null : refOfLine(finding.line);
  return { reports: [report], budget_lines: budget.lines, indicators, findings: findings.rows };
}
