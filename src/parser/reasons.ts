/**
 * Why an indicator's status is what it is (`indicators.status_reason`), as the parser writes it:
 * in Chinese, from this fixed set (the app translates them: src/lib/status-reason.ts).
 */
export const REASONS = {
  targetMissing: '无目标值', actualBlank: '实际值为空', unreadable: '无法解析',
  repeatsTarget: '实际值重复目标值，无法核实', repeatsName: '实际值重复指标名称，无法核实',
  noNumber: '实际值无数字', noComparable: '实际值无可比数字', noRank: '实际值无排名', noCount: '实际值无次数',
  noDate: '实际值未说明完成时间', itemsMismatch: '实际值分项与目标不对应', someItemsMissed: '部分分项未达到目标',
  partlyDone: '实际值表明部分完成', saysNotDone: '实际值表明未完成', actualIsRange: '实际值为区间',
  doneWithoutNumber: '实际值仅称已完成，无数字', zeroEvents: '实际值称零事故，按0计',
} as const;

export type ReasonKey = keyof typeof REASONS;

/** A target relative to something the report does not give (`不低于全省平均水平`). */
export const relativeReason = (relativeTo: string): string => `需要${relativeTo}，报告中没有`;

/** The `relativeTo` of a reason written by relativeReason, else null. */
export function relativeReasonOf(reason: string): string | null {
  const match = /^需要(.+)，报告中没有$/s.exec(reason);
  return match ? match[1] : null;
}
