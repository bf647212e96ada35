/**
 * Imported tables written before 复核 (contract files without the rule columns, or a version-1
 * file of another tool) get them here, from their own rows, by the same pure module the ingest
 * uses (src/parser/rescore.ts): reports.rule_total_score / rule_coverage / rule_grade / rule_gap /
 * rule_budget_score and indicators.rule_score / rule / rule_note. Such files also predate the
 * status `claimed`: an `unknown` whose reason is one of the parser's "claimed, not shown" reasons
 * becomes `claimed`, as the ingest writes it now. Rows that carry the columns are left as they are.
 */
import { CLAIMED_REASONS } from '../../parser/reasons.ts';
import { indicatorRuleColumns, reportRuleColumns, rescoreReport } from '../../parser/rescore.ts';
import type { IndicatorRow, ReportRow } from '../../parser/types.ts';
import type { ContractRow } from './contract-rows.ts';


const numberOr = (value: unknown): number | null => (typeof value === 'number' ? value : null);

/** Fills the 复核 columns of the reports that lack them (every row of such a report's indicators too). */
export function completeRules(reports: ContractRow[], indicators: ContractRow[]): void {
  const pending = new Map<string, ContractRow>();
  for (const report of reports) if (!('rule_total_score' in report)) pending.set(String(report.report_id), report);
  if (pending.size === 0) return;
  const byReport = new Map<string, ContractRow[]>();
  for (const row of indicators) {
    const id = String(row.report_id);
    if (!pending.has(id)) continue;
    let list = byReport.get(id);
    if (!list) byReport.set(id, (list = []));
    list.push(row);
  }
  for (const [id, report] of pending) {
    const rows = (byReport.get(id) ?? []).sort((a, b) => Number(a.seq) - Number(b.seq));
    const fromRules = rows.every((row) => 'rule' in row);
    if (!fromRules) withGroupPoints(rows);
    for (const row of rows) {
      if (fromRules) continue;
      if (row.status === 'unknown' && typeof row.status_reason === 'string' && CLAIMED_REASONS.has(row.status_reason)) row.status = 'claimed';
      if (!('level3_line' in row) || row.level3_line == null) row.level3_line = row.line ?? null;
    }
    const rescored = rescoreReport(report as unknown as ReportRow, rows as unknown as IndicatorRow[]);
    Object.assign(report, reportRuleColumns(rescored));
    if (fromRules) continue;
    indicatorRuleColumns(rescored).forEach((columns, i) => Object.assign(rows[i], columns));
  }
}

/**
 * A version-1 file gives a merged 分值/得分 group's points on its first row only: the group's
 * points are that row's, for every member (what the ingest writes in group_weight/group_score).
 */
function withGroupPoints(rows: ContractRow[]): void {
  const leaders = new Map<string, ContractRow>();
  for (const row of rows) {
    const group = row.group_id == null ? null : String(row.group_id);
    if (group != null && !leaders.has(group)) leaders.set(group, row);
    const leader = group == null ? row : leaders.get(group)!;
    if (!('group_weight' in row) || row.group_weight == null) row.group_weight = numberOr(leader.weight);
    if (!('group_score' in row) || row.group_score == null) row.group_score = numberOr(leader.score);
  }
}
