/**
 * The parser writes finding messages as `中文说明 / English sentence`. The English half is what
 * follows the first ` / ` whose next letter is a Latin one: it may begin with a figure
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

/**
 * An error a page can show in the reader's language: `message` is English (logs, tests, the
 * console), `zh` the same in Chinese.
 */
export class BilingualError extends Error {
  constructor(message: string, readonly zh: string) {
    super(message);
    this.name = 'BilingualError';
  }
}

/** An error's message as `中文 / English` when it has both (messageIn picks one), else as it is. */
export const bilingualMessage = (error: unknown): string =>
  error instanceof BilingualError ? `${error.zh} / ${error.message}` : error instanceof Error ? error.message : String(error);
