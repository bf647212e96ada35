import type { Lang } from '../../lib/url-state.ts';

// The parser writes messages as `中文说明 / English sentence`; the English half starts with a
// Latin letter after the last slash (slashes inside the Chinese half, as in `4/5`, have no space).
const BILINGUAL = /^(.*\S)\s*\/\s+([A-Za-z].*)$/s;

/** The half of a finding's message in the reader's language; a one-language message as is. */
export function messageIn(message: string | null, lang: Lang): string | null {
  if (message == null) return null;
  const match = BILINGUAL.exec(message);
  if (!match) return message;
  return lang === 'zh' ? match[1] : match[2];
}
