/**
 * An indicator's status reason (`indicators.status_reason`) in the reader's language. The parser
 * writes it in Chinese from a fixed set (src/parser/reasons.ts); a reason from elsewhere (an
 * imported file, say) is shown as it is.
 */
import { LOCALES } from './locale.ts';
import type { Lang } from './url-state.ts';

export function reasonIn(reason: string | null, lang: Lang): string | null {
  return reason == null ? null : LOCALES[lang].statusReason(reason);
}
