/**
 * Findings by the source line they point at, so a table row whose line a finding names can be
 * highlighted (in the colour of its worst finding) and list those findings in its tooltip.
 */
import { labelOf } from '../../lib/i18n.ts';
import type { Lang } from '../../lib/url-state.ts';
import type { ReportFindingRow } from '../../queries/report-findings.ts';

export type FlagLookup = ReadonlyMap<number, readonly ReportFindingRow[]>;

const SEVERITY_RANK: Record<string, number> = { error: 0, warning: 1, info: 2 };

export function flagsByLine(findings: readonly ReportFindingRow[]): FlagLookup {
  const byLine = new Map<number, ReportFindingRow[]>();
  for (const finding of findings) {
    if (finding.line == null) continue;
    byLine.set(finding.line, [...(byLine.get(finding.line) ?? []), finding]);
  }
  return byLine;
}

/** The findings that point at any of `lines`. */
export const flagsAt = (flags: FlagLookup, lines: readonly number[]): ReportFindingRow[] =>
  lines.flatMap((line) => flags.get(line) ?? []);

/** The most severe severity among the findings at `lines`, or null when none points there. */
export function worstSeverity(flags: FlagLookup, lines: readonly number[]): string | null {
  const found = flagsAt(flags, lines);
  if (found.length === 0) return null;
  return found.reduce((worst, f) => ((SEVERITY_RANK[f.severity] ?? 3) < (SEVERITY_RANK[worst] ?? 3) ? f.severity : worst), found[0].severity);
}

export function flagClass(flags: FlagLookup, lines: readonly number[]): string | undefined {
  const severity = worstSeverity(flags, lines);
  return severity ? `is-flagged is-flagged-${severity}` : undefined;
}

/** `错误 · 未达成却得满分` per finding, one a line, for a row's tooltip. */
export function flagTitle(flags: FlagLookup, lines: readonly number[], lang: Lang): string | undefined {
  const found = flagsAt(flags, lines);
  if (found.length === 0) return undefined;
  return found.map((f) => `${labelOf(lang, 'severity', f.severity)} · ${labelOf(lang, 'code', f.code)}`).join('\n');
}
