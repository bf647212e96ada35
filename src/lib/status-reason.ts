/**
 * An indicator's status reason (`indicators.status_reason`) in the reader's language. The parser
 * writes it in Chinese from a fixed set (src/parser/reasons.ts); a reason from elsewhere (an
 * imported file, say) is shown as it is.
 */
import { reasonInEnglish } from '../parser/reasons.ts';
import type { Lang } from './url-state.ts';

export function reasonIn(reason: string | null, lang: Lang): string | null {
  if (reason == null || lang === 'zh') return reason;
  return reasonInEnglish(reason);
}
