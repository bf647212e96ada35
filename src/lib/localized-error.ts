/**
 * Errors a page shows in the reader's language: a key of ERROR_MESSAGES and its named params,
 * rendered when shown (`errorIn(error, lang)`). `message` is the English rendering (logs, tests,
 * the console). A language is one more column of the catalogue, not one more constructor argument.
 *
 * Templates: `{name}` a param as it is, `{name:list}` a list of names joined as the language
 * enumerates (`a, b` / `a、b`), `{name?…}` the text inside only when `name` is given.
 */
import { fillTemplate } from './template.ts';
import type { Lang } from './url-params.ts';

export type ErrorParam = string | number | readonly string[] | null | undefined;
export type ErrorParams = Readonly<Record<string, ErrorParam>>;

export const ERROR_MESSAGES = {
  'engine.startFailed': {
    zh: 'DuckDB-WASM 无法启动（duckdb-eh.wasm）：{reason}',
    en: 'DuckDB-WASM could not start (duckdb-eh.wasm): {reason}',
  },
  'source.invalidPath': { zh: 'data={path}：不是有效的路径', en: 'data={path}: not a valid path' },
  'source.otherOrigin': {
    zh: 'data={path}：只能打开本站的数据集（{origin} 是另一个来源）',
    en: 'data={path}: only datasets of this site can be opened ({origin} is another origin)',
  },
  'dataset.notFetched': {
    zh: '{file}：无法获取（{reason}）{others?；{others:list} 也无法获取}',
    en: '{file}: could not be fetched ({reason}){others?, nor could {others:list}}',
  },
  'dataset.fileNotFound': { zh: '{file}：文件不存在', en: '{file}: file not found' },
  'dataset.missingColumns': { zh: '{file}：缺少列 {columns:list}', en: '{file}: missing column(s) {columns:list}' },
  'dataset.repeatedColumns': { zh: '{file}：表头中列名重复：{columns:list}', en: '{file}: column name(s) given twice in the header: {columns:list}' },
  'dataset.unreadable': { zh: '{file}：DuckDB 无法读取：{reason}', en: '{file}: {reason}' },
  'dataset.noTable': { zh: '{file}：缺少表 {table}', en: '{file}: has no table {table}' },
  'dataset.tableLacksColumns': { zh: '{file}：表 {table} 缺少列 {columns:list}', en: '{file}: table {table} lacks column(s) {columns:list}' },
  'dataset.badValues': {
    zh: '{file}：表 {table} 列 {column}：有 {count} 个值不是 {type} 类型，例如“{example}”{report?（报告 {report}）}',
    en: '{file}: table {table}, column {column}: {count} value(s) are not {type}, e.g. \'{example}\'{report? (report {report})}',
  },
} as const satisfies Readonly<Record<string, Readonly<Record<Lang, string>>>>;

export type ErrorKey = keyof typeof ERROR_MESSAGES;

/** How each language joins the names of a list. */
const ENUMERATION: Readonly<Record<Lang, string>> = { zh: '、', en: ', ' };

export function renderError(key: ErrorKey, params: ErrorParams, lang: Lang): string {
  const given = (name: string) => params[name] != null && !(Array.isArray(params[name]) && params[name].length === 0);
  return fillTemplate(ERROR_MESSAGES[key][lang], given, (name) => {
    const value = params[name];
    return Array.isArray(value) ? value.join(ENUMERATION[lang]) : value == null ? '' : String(value);
  });
}

export class LocalizedError extends Error {
  constructor(readonly key: ErrorKey, readonly params: ErrorParams) {
    super(renderError(key, params, 'en'));
    this.name = 'LocalizedError';
  }

  /** The message in `lang`. */
  messageIn(lang: Lang): string {
    return renderError(this.key, this.params, lang);
  }
}

/** What to show of any error in `lang`: a LocalizedError's message in that language, another's message as it is. */
export const errorIn = (error: unknown, lang: Lang): string =>
  (error instanceof LocalizedError ? error.messageIn(lang) : error instanceof Error ? error.message : String(error));
