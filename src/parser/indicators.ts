/**
 * Stage 4: indicator rows → contract rows. Carries the merged 一级/二级 labels down,
 * drops template residue, rebuilds merged 分值/得分 groups and evaluates each target.
 */
import { LABELS, declaredPoints, normalizeLevel1, normalizeLevel2 } from './labels.ts';
import { cleanText, parseNumberCell } from './numbers.ts';
import type { ReportTable, RowRepair } from './layout/read-table.ts';
import { evaluateIndicator, type IndicatorEvaluation } from './targets.ts';
import type { IndicatorRow } from './types.ts';

export interface IndicatorDraft {
  row: IndicatorRow;
  evaluation: IndicatorEvaluation;
  /** The printed 一级 block the row sits in (its label's line), for the category sums. */
  block: { label: string; line: number; declared: number | null } | null;
  /** Seq of the first row of its merged group (itself when not grouped). */
  leaderSeq: number;
  repair: RowRepair | null;
  /** The first line of the row with text on it, where a repair is reported. */
  repairLine: number;
  /** 分值/得分 cells with text that is no possible figure (`abc`, `-5`): read as blank. */
  invalid: { field: 'weight' | 'score'; text: string }[];
}

/** Cells that say "nothing here": not a figure, and not a wrong one either. */
const NOTHING = /^(?:[/／\\]|—{1,8}|-{1,8}|无|不适用|…{1,8})$/;

const COLUMN_LETTER = /^[(（]?[A-Z](?:[/／][A-Z])?[)）]?$/;

/** Points: a number, with `分` at most (`30亩` or `95%` under 分值 is no number of points). */
const number = (text: string | undefined) => {
  const parsed = parseNumberCell(text ?? '');
  return parsed && (parsed.unit == null || parsed.unit === '分') ? parsed.value : null;
};

export function buildIndicators(reportId: string, rows: ReportTable['indicatorRows']): IndicatorDraft[] {
  const drafts: IndicatorDraft[] = [];
  let block: IndicatorDraft['block'] = null;
  let level2Printed: string | null = null;
  let openGroup: IndicatorDraft | null = null;
  for (const source of rows) {
    const { columns } = source;
    const level1Cell = columns.level1;
    if (level1Cell && level1Cell.compact !== '') {
      block = { label: level1Cell.text, line: level1Cell.line, declared: declaredPoints(level1Cell.compact) };
      level2Printed = null;
      openGroup = null;
    }
    if (columns.level2 && columns.level2.compact !== '') {
      level2Printed = columns.level2.text;
      openGroup = null;
    }
    const level3 = cleanText(columns.level3?.text) ?? '';
    const invalid: IndicatorDraft['invalid'] = [];
    const points = (field: 'weight' | 'score') => {
      const cell = columns[field];
      const value = number(cell?.text);
      if (cell && cell.compact !== '' && !NOTHING.test(cell.compact) && (value == null || value < 0)) {
        invalid.push({ field, text: cell.text });
        return null;
      }
      return value;
    };
    const weight = points('weight');
    const score = points('score');
    const target = cleanText(columns.target?.text);
    const actual = cleanText(columns.actual?.text);
    // A second header row of column letters (`（A）` `（B）`, as the formula headers name them).
    if (level3 === '' && [columns.target, columns.actual, columns.weight, columns.score].every((c) => !c || c.compact === '' || COLUMN_LETTER.test(c.compact))) continue;
    const residue = level3 === '' || LABELS.placeholder.test(level3.replace(/\s/g, ''));
    if (residue && weight == null && score == null && (level3 !== '' || (target == null && actual == null))) continue;
    // A template's numbered placeholder (`指标1`, `指标2`) left with nothing filled in.
    const nothing = (text: string | null) => text == null || LABELS.placeholder.test(text.replace(/\s/g, ''));
    if (LABELS.templateIndicator.test(level3.replace(/\s/g, '')) && weight == null && score == null && nothing(target) && nothing(actual)) continue;

    const level2 = level2Printed ? normalizeLevel2(level2Printed.replace(/\s/g, '')) : null;
    const level1 = level2?.parent ?? (block ? normalizeLevel1(block.label.replace(/\s/g, '')) : null);
    const seq = drafts.length + 1;
    const evaluation = evaluateIndicator({ level3, targetText: target, actualText: actual });
    // Where merges are known the file says which rows share a 分值/得分 cell; in text a blank
    // pair after a scored row of the same 二级 is read as such a group.
    const joinsGroup = source.pointsContinued == null ? weight == null && score == null && openGroup != null : source.pointsContinued && openGroup != null;
    const leader = joinsGroup ? openGroup! : null;
    const row: IndicatorRow = {
      report_id: reportId,
      seq,
      level1,
      level2: level2?.level2 ?? (level2Printed ? level2Printed.replace(/\s/g, '') : null),
      level3,
      target_text: target,
      actual_text: actual,
      weight,
      score,
      group_id: null,
      deviation: cleanText(columns.deviation?.text),
      kind: evaluation.kind,
      target_op: evaluation.target_op,
      target_value: evaluation.target_value,
      target_value_max: evaluation.target_value_max,
      target_unit: evaluation.target_unit,
      actual_value: evaluation.actual_value,
      actual_unit: evaluation.actual_unit,
      status: evaluation.status,
      status_reason: evaluation.status_reason,
      achievement: evaluation.achievement,
      line: source.line,
      level3_line: columns.level3 && columns.level3.compact !== '' ? columns.level3.line : source.line,
      level1_printed: block?.label ?? null,
      level2_printed: level2Printed,
      group_weight: weight,
      group_score: score,
      source_ref: (columns.level3 && columns.level3.compact !== '' ? columns.level3.ref : source.cells[0]?.ref) ?? null,
      // 复核 columns: filled once the whole report is known (src/parser/report.ts).
      rule_score: null,
      rule: null,
      rule_note: null,
    };
    if (leader) {
      // A merged 分值/得分 cell stays on the group's first row only; a column merged on one side
      // only (one 分值 over the group, a 得分 for each row) adds up over the group.
      leader.row.group_id = `${reportId}#${leader.row.seq}`;
      row.group_id = leader.row.group_id;
      const members = drafts.filter((d) => d.row.group_id === row.group_id).map((d) => d.row).concat(row);
      const sum = (field: 'weight' | 'score') => members.some((m) => m[field] != null) ? members.reduce((t, m) => t + (m[field] ?? 0), 0) : null;
      const groupWeight = sum('weight');
      const groupScore = sum('score');
      for (const member of members) {
        member.group_weight = groupWeight;
        member.group_score = groupScore;
      }
    }
    const draft: IndicatorDraft = { row, evaluation, block, leaderSeq: leader ? leader.row.seq : seq, repair: source.repair,
      repairLine: source.cells.find((c) => c.compact !== '')?.line ?? source.line, invalid };
    drafts.push(draft);
    if (!leader) openGroup = weight != null || score != null ? draft : null;
  }
  return drafts;
}
