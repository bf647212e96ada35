/**
 * Every label of the app in Chinese (default) and English. `t(key)` is typed: a key missing in
 * either language fails to compile, and test/lib/i18n.test.ts checks both tables at run time.
 */
import { useUrlState, type Lang } from './url-state.ts';
import { zh } from './messages-zh.ts';
import { en } from './messages-en.ts';

export type MessageKey = keyof typeof zh;
export type Messages = Record<MessageKey, string>;

export const MESSAGES: Record<Lang, Messages> = { zh, en };

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/**
 * Looks `key` up; `{name}` slots are filled from `vars`, and `{name|one|other}` picks a word by
 * the number in `vars[name]` (`{count|report|reports}`: English plurals; a formatted number such
 * as `1,234` counts too). Falls back to Chinese, never to the key.
 */
export function translate(lang: Lang, key: MessageKey, vars?: Record<string, string | number>): string {
  const text = MESSAGES[lang][key] ?? MESSAGES.zh[key] ?? '';
  if (!vars) return text;
  return text
    .replace(/\{(\w+)\|([^|}]*)\|([^}]*)\}/g, (slot, name: string, one: string, other: string) =>
      (name in vars ? (Number(String(vars[name]).replace(/[,\s]/g, '')) === 1 ? one : other) : slot))
    .replace(/\{(\w+)\}/g, (slot, name: string) => (name in vars ? String(vars[name]) : slot));
}

/** One function per language, the same at every call: hooks may list `t` among their dependencies. */
const translators: Record<Lang, Translate> = {
  zh: (key, vars) => translate('zh', key, vars),
  en: (key, vars) => translate('en', key, vars),
};
export const translator = (lang: Lang): Translate => translators[lang];

/** Whether a key built at run time (`explorer.col.${name}`) is one of the messages. */
export const isMessageKey = (key: string): key is MessageKey => key in MESSAGES.zh;

/** The message `key` when there is one, else `fallback` (a name without a label shows as it is). */
export const translateOr = (lang: Lang, key: string, fallback: string): string => (isMessageKey(key) ? translate(lang, key) : fallback);

/** Translates a data value that has a label (a status, a finding code), else shows it as is. */
export function labelOf(lang: Lang, prefix: 'status' | 'statusHint' | 'code' | 'severity' | 'level1' | 'filter', value: string): string {
  return translateOr(lang, `${prefix}.${value}`, value);
}

export function useI18n(): { lang: Lang; t: Translate } {
  const { lang } = useUrlState();
  return { lang, t: translator(lang) };
}
