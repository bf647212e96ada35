/**
 * An indicator's status reason (`indicators.status_reason`) in the reader's language. The parser
 * writes it in Chinese from a fixed set (src/parser/reasons.ts); a reason from elsewhere (an
 * imported file, say) is shown as it is.
 */
import { REASONS, relativeReasonOf, type ReasonKey } from '../parser/reasons.ts';
import type { Lang } from './url-state.ts';

const ENGLISH: Record<ReasonKey, string> = {
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

const BY_TEXT = new Map<string, string>(Object.entries(REASONS).map(([key, text]) => [text, ENGLISH[key as ReasonKey]]));

export function reasonIn(reason: string | null, lang: Lang): string | null {
  if (reason == null || lang === 'zh') return reason;
  const known = BY_TEXT.get(reason);
  if (known) return known;
  const relativeTo = relativeReasonOf(reason);
  return relativeTo === null ? reason : `needs ${relativeTo}, which the report does not give`;
}
