/**
 * Findings of contract version 1 (and of ingests before `findings.params`) carry their message as
 * `中文说明 / English sentence`; the app shows the reader's half (src/lib/findings/finding-message.ts).
 * The English half is what follows the first ` / ` whose next letter is a Latin one: it may begin with a figure
 * (`… / 8 of 9 cells`) and name Chinese terms (`a 二级 category`), while after a slash inside the
 * Chinese half (`4/5`, `1 / 2 未达标`) the next letter is Chinese, or none comes.
 */
import type { Lang } from './url-state.ts';

const SEPARATOR = /\s*\/\s+/g;
const FIRST_LETTER = /\p{L}/u;

/** The half of a message in the reader's language; a one-language message as is. */
export function messageIn(message: string | null, lang: Lang): string | null {
  if (message == null) return null;
  for (const cut of message.matchAll(SEPARATOR)) {
    const english = message.slice(cut.index + cut[0].length);
    if (cut.index === 0 || !/[A-Za-z]/.test(FIRST_LETTER.exec(english)?.[0] ?? '')) continue;
    return lang === 'zh' ? message.slice(0, cut.index).trim() : english.trim();
  }
  return message;
}
