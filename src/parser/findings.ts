/**
 * Stage 5: consistency checks. A report is never rejected for what is wrong inside it;
 * each problem becomes a finding with the line of the source file it is about.
 */
import type { IndicatorDraft } from './indicators.ts';
import { reasonInEnglish } from './reasons.ts';
import type { FindingCode, FindingRow, Severity } from './types.ts';

export class FindingSink {
  readonly rows: FindingRow[] = [];
  constructor(private readonly reportId: string) {}

  add(code: FindingCode, severity: Severity, field: string | null, expected: string | null, found: string | null, message: string, line: number | null): void {
    this.rows.push({ report_id: this.reportId, code, severity, field, expected, found, message, line, source_ref: null });
  }
}

const SCORE_TOLERANCE = 0.001;
const fmt = (v: number | null) => (v == null ? '' : String(Math.round(v * 1000) / 1000));

/** Checks of each indicator and of each merged 分值/得分 group. */
export function checkIndicators(drafts: IndicatorDraft[], findings: FindingSink): void {
  for (const { row, evaluation } of drafts) {
    const where = `第 ${row.seq} 个指标“${row.level3}”`;
    const whereEn = `indicator ${row.seq} “${row.level3}”`;
    if (evaluation.targetMissing) {
      findings.add('TARGET_MISSING', 'warning', 'indicators.target_text', null, null, `${where}没有年度指标值 / ${whereEn}: no target`, row.level3_line);
    } else if (evaluation.targetFromName) {
      findings.add('TARGET_MISSING', 'info', 'indicators.target_text', null, row.level3,
        `${where}的指标值栏为空，目标取自指标名称 / ${whereEn}: target cell blank, target read from the indicator name`, row.level3_line);
    }
    if (evaluation.actualUnverifiable) {
      findings.add('ACTUAL_UNVERIFIABLE', 'warning', 'indicators.actual_text', row.target_text, row.actual_text,
        `${where}：${row.status_reason ?? '实际完成值无法核实'} / ${whereEn}: ${row.status_reason ? reasonInEnglish(row.status_reason) : 'the actual value cannot be checked'}`, row.level3_line);
    }
  }
  for (const members of groups(drafts)) {
    const leader = members[0].row;
    const { group_weight: weight, group_score: score } = leader;
    const where = members.length > 1 ? `“${leader.level3}”等 ${members.length} 个合并计分的指标` : `第 ${leader.seq} 个指标“${leader.level3}”`;
    const whereEn = members.length > 1 ? `the group of ${members.length} indicators scored together, led by “${leader.level3}”` : `indicator ${leader.seq} “${leader.level3}”`;
    if (weight == null || score == null) continue;
    if (score > weight + SCORE_TOLERANCE) {
      findings.add('SCORE_EXCEEDS_WEIGHT', 'error', 'indicators.score', fmt(weight), fmt(score),
        `${where}得分 ${fmt(score)} 超过分值 ${fmt(weight)} / ${whereEn}: score ${fmt(score)} exceeds weight ${fmt(weight)}`, leader.level3_line);
    }
    if (score < weight - SCORE_TOLERANCE && members.every((m) => m.row.deviation == null)) {
      findings.add('DEDUCTION_WITHOUT_REASON', 'warning', 'indicators.deviation', null, `${fmt(score)}/${fmt(weight)}`,
        `${where}扣了 ${fmt(weight - score)} 分，但未填写偏差原因 / ${whereEn}: ${fmt(weight - score)} point(s) deducted with no reason given`, leader.level3_line);
    }
    if (score >= weight - SCORE_TOLERANCE) {
      for (const missed of members.filter((m) => m.row.status === 'not_met')) {
        const r = missed.row;
        findings.add('FULL_SCORE_TARGET_MISSED', 'error', 'indicators.score', r.target_text ?? r.level3, r.actual_text,
          `“${r.level3}”未达到目标（${r.target_text ?? r.level3} → ${r.actual_text ?? '空'}），却得满分 ${fmt(score)}/${fmt(weight)} / full score ${fmt(score)}/${fmt(weight)} on a missed target: “${r.level3}” (${r.target_text ?? r.level3} → ${r.actual_text ?? 'blank'})`, r.level3_line);
      }
    }
  }
}

/** Rows grouped by merged 分值/得分 cells, leader first. */
function groups(drafts: IndicatorDraft[]): IndicatorDraft[][] {
  const bySeq = new Map<number, IndicatorDraft[]>();
  for (const draft of drafts) {
    const members = bySeq.get(draft.leaderSeq) ?? [];
    members.push(draft);
    bySeq.set(draft.leaderSeq, members);
  }
  return [...bySeq.values()];
}

/** 一级 blocks as printed: declared points against the sum of the weights under them; misfiled 二级. */
export function checkCategories(drafts: IndicatorDraft[], findings: FindingSink): Map<string, { label: string; weight: number; score: number }> {
  const blocks = new Map<string, { label: string; line: number; declared: number | null; weight: number; score: number; weighted: boolean }>();
  for (const { row, block } of drafts) {
    if (!block) continue;
    const key = `${block.line}`;
    const entry = blocks.get(key) ?? { label: block.label, line: block.line, declared: block.declared, weight: 0, score: 0, weighted: false };
    entry.weight += row.weight ?? 0;
    entry.weighted ||= row.weight != null;
    entry.score += row.score ?? 0;
    blocks.set(key, entry);
    const printedParent = block.label.replace(/[(（].*$/, '').replace(/\s/g, '');
    // A 一级 cell that prints only its points (`（50分）`) names no category to be misfiled under.
    if (row.level1 && printedParent !== '' && !printedParent.startsWith(row.level1.slice(0, 2))) {
      findings.add('LEVEL2_MISFILED', 'warning', 'indicators.level1', row.level1, block.label,
        `二级指标“${row.level2}”属于${row.level1}，却列在“${block.label}”下 / level-2 category “${row.level2}” belongs to ${row.level1} but is filed under “${block.label}”`, row.level3_line);
    }
  }
  for (const entry of blocks.values()) {
    if (entry.declared != null && entry.weighted && Math.abs(entry.declared - entry.weight) > SCORE_TOLERANCE) {
      findings.add('LEVEL1_WEIGHT_MISMATCH', 'error', 'indicators.weight', String(entry.declared), fmt(entry.weight),
        `“${entry.label}”标明 ${entry.declared} 分，其下指标分值合计 ${fmt(entry.weight)} 分 / category “${entry.label}” declares ${entry.declared} points; the weights under it add up to ${fmt(entry.weight)}`, entry.line);
    }
  }
  const byName = new Map<string, { label: string; weight: number; score: number }>();
  for (const entry of blocks.values()) byName.set(entry.label.replace(/[(（].*$/, '').replace(/\s/g, ''), entry);
  return byName;
}
