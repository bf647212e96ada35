/**
 * Stage 5: consistency checks. A report is never rejected for what is wrong inside it;
 * each problem becomes a finding with the line of the source file it is about.
 */
import type { IndicatorDraft } from './indicators.ts';
import { renderFinding, type FindingParams } from '../lib/findings/messages.ts';
import type { FindingCode, FindingRow, MessageLang, Severity } from './types.ts';

/**
 * Collects a report's findings: each with its code and the named parameters of its message
 * (`findings.params`); `findings.message` is that message rendered in the language asked for.
 */
export class FindingSink {
  readonly rows: FindingRow[] = [];
  constructor(private readonly reportId: string, private readonly lang: MessageLang = 'zh') {}

  add(code: FindingCode, severity: Severity, field: string | null, expected: string | null, found: string | null, params: FindingParams, line: number | null): void {
    const message = renderFinding(code, params, this.lang);
    if (message == null) throw new Error(`no message for finding ${code} ${JSON.stringify(params)}`);
    this.rows.push({ report_id: this.reportId, code, severity, field, expected, found, message, line, source_ref: null, params: JSON.stringify(params) });
  }
}

const SCORE_TOLERANCE = 0.001;
/** Points as the findings give them: to 0.001. */
const points = (v: number) => Math.round(v * 1000) / 1000;
const fmt = (v: number | null) => (v == null ? '' : String(points(v)));

/** Checks of each indicator and of each merged 分值/得分 group. */
export function checkIndicators(drafts: IndicatorDraft[], findings: FindingSink): void {
  for (const { row, evaluation } of drafts) {
    const indicator = { seq: row.seq, name: row.level3 };
    if (evaluation.targetMissing) {
      findings.add('TARGET_MISSING', 'warning', 'indicators.target_text', null, null, indicator, row.level3_line);
    } else if (evaluation.targetFromName) {
      findings.add('TARGET_MISSING', 'info', 'indicators.target_text', null, row.level3, { variant: 'fromName', ...indicator }, row.level3_line);
    }
    if (evaluation.actualUnverifiable) {
      findings.add('ACTUAL_UNVERIFIABLE', 'warning', 'indicators.actual_text', row.target_text, row.actual_text,
        row.status_reason ? { ...indicator, reason: row.status_reason } : { variant: 'unexplained', ...indicator }, row.level3_line);
    }
  }
  for (const members of groups(drafts)) {
    const leader = members[0].row;
    const { group_weight: weight, group_score: score } = leader;
    // One indicator, or a merged group named by its first.
    const where: FindingParams = members.length > 1 ? { variant: 'group', count: members.length, name: leader.level3 } : { seq: leader.seq, name: leader.level3 };
    if (weight == null || score == null) continue;
    if (score > weight + SCORE_TOLERANCE) {
      findings.add('SCORE_EXCEEDS_WEIGHT', 'error', 'indicators.score', fmt(weight), fmt(score),
        { ...where, score: points(score), weight: points(weight) }, leader.level3_line);
    }
    if (score < weight - SCORE_TOLERANCE && members.every((m) => m.row.deviation == null)) {
      findings.add('DEDUCTION_WITHOUT_REASON', 'warning', 'indicators.deviation', null, `${fmt(score)}/${fmt(weight)}`,
        { ...where, deducted: points(weight - score) }, leader.level3_line);
    }
    if (score >= weight - SCORE_TOLERANCE) {
      for (const missed of members.filter((m) => m.row.status === 'not_met')) {
        const r = missed.row;
        findings.add('FULL_SCORE_TARGET_MISSED', 'error', 'indicators.score', r.target_text ?? r.level3, r.actual_text,
          { name: r.level3, target: r.target_text ?? r.level3, actual: r.actual_text, score: points(score), weight: points(weight) }, r.level3_line);
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
        { level2: row.level2, level1: row.level1, label: block.label }, row.level3_line);
    }
  }
  for (const entry of blocks.values()) {
    if (entry.declared != null && entry.weighted && Math.abs(entry.declared - entry.weight) > SCORE_TOLERANCE) {
      findings.add('LEVEL1_WEIGHT_MISMATCH', 'error', 'indicators.weight', String(entry.declared), fmt(entry.weight),
        { label: entry.label, declared: entry.declared, sum: points(entry.weight) }, entry.line);
    }
  }
  const byName = new Map<string, { label: string; weight: number; score: number }>();
  for (const entry of blocks.values()) byName.set(entry.label.replace(/[(（].*$/, '').replace(/\s/g, ''), entry);
  return byName;
}
