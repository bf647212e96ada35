/**
 * Why an indicator's status is what it is (`indicators.status_reason`), as the parser writes it:
 * in Chinese, from this fixed set; REASONS_EN says each in English (finding messages and the app's
 * English pages: src/lib/status-reason.ts).
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

/** The reasons of status `claimed`: the actual restates the target or the name, or says done with no figure. */
export const CLAIMED_REASONS: ReadonlySet<string> = new Set([REASONS.repeatsTarget, REASONS.repeatsName, REASONS.doneWithoutNumber]);

/** A target relative to something the report does not give (`不低于全省平均水平`). */
export const relativeReason = (relativeTo: string): string => `需要${relativeTo}，报告中没有`;

/** The `relativeTo` of a reason written by relativeReason, else null. */
export function relativeReasonOf(reason: string): string | null {
  const match = /^需要(.+)，报告中没有$/s.exec(reason);
  return match ? match[1] : null;
}

/** Each reason in English (reasonInEnglish looks them up by their Chinese text). */
const REASONS_EN: Record<ReasonKey, string> = {
  targetMissing: 'no target value',
  actualBlank: 'the actual value is blank',
  unreadable: 'the row could not be read',
  repeatsTarget: 'the actual value repeats the target: cannot be checked',
  repeatsName: 'the actual value repeats the indicator\'s name: cannot be checked',
  noNumber: 'no figure in the actual value',
  noComparable: 'no figure in the actual value to compare with the target',
  noRank: 'no rank in the actual value',
  noCount: 'no count in the actual value',
  noDate: 'the actual value gives no completion date',
  itemsMismatch: 'the actual value\'s items do not match the target\'s',
  someItemsMissed: 'some items missed their target',
  partlyDone: 'the actual value says partly done',
  saysNotDone: 'the actual value says not done',
  actualIsRange: 'the actual value is a range',
  doneWithoutNumber: 'the actual value only says done, with no figure',
  zeroEvents: 'the actual value says no incidents: counted as 0',
};

const ENGLISH_BY_TEXT = new Map<string, string>(Object.entries(REASONS).map(([key, text]) => [text, REASONS_EN[key as ReasonKey]]));

/** A reason the parser writes, in English; another text (from an imported file, say) as it is. */
export function reasonInEnglish(reason: string): string {
  const known = ENGLISH_BY_TEXT.get(reason);
  if (known) return known;
  const relativeTo = relativeReasonOf(reason);
  return relativeTo === null ? reason : `needs ${relativeTo}, which the report does not give`;
}
