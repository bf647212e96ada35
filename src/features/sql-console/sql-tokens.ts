/**
 * The console editor's highlighting and completion, ours rather than an editor library's: a
 * CodeMirror-class editor is ~130 KB gzipped and injects its styles at run time, where the
 * published CSP allows only the site's own style sheets; what the console needs is colours for
 * keywords, strings, comments, numbers and the tables' names, and completion of table and column
 * names — a tokenizer and a word list. Pure functions; the component is sql-editor.tsx.
 */
import { SCHEMA } from '../../parser/schema.ts';
import { TABLE_NAMES } from '../../parser/types.ts';

export type TokenKind = 'keyword' | 'function' | 'table' | 'column' | 'string' | 'identifier' | 'number' | 'comment' | 'text';

export interface Token {
  kind: TokenKind;
  text: string;
}

const KEYWORDS = new Set(`
  SELECT FROM WHERE GROUP BY ORDER HAVING LIMIT OFFSET WITH AS AND OR NOT IN IS NULL LIKE ILIKE BETWEEN
  CASE WHEN THEN ELSE END JOIN LEFT RIGHT FULL INNER OUTER CROSS ON USING UNION ALL DISTINCT EXCEPT INTERSECT
  ASC DESC NULLS FIRST LAST OVER PARTITION WINDOW ROWS RANGE FILTER QUALIFY VALUES TABLE DESCRIBE SHOW SUMMARIZE
  EXPLAIN PIVOT UNPIVOT TRUE FALSE CAST EXISTS ANY SOME ASOF POSITIONAL SEMI ANTI LATERAL RECURSIVE
  INSERT UPDATE DELETE CREATE DROP ALTER SET INTO
`.trim().split(/\s+/));

const FUNCTIONS = new Set(`
  count sum avg min max median quantile_cont mode round coalesce nullif abs floor ceil greatest least
  string_agg list arg_min arg_max first last length lower upper trim replace regexp_matches concat
  strftime year month date_trunc row_number rank dense_rank lag lead ntile percent_rank cume_dist
  try_cast typeof stddev variance corr approx_count_distinct bool_and bool_or
`.trim().split(/\s+/));

/** Every column of the four tables (and the views' `origin`), for highlighting and completion. */
export const COLUMN_NAMES: readonly string[] = [...new Set([...TABLE_NAMES.flatMap((table) => SCHEMA[table].map((c) => c.name)), 'origin'])].sort();
const TABLES = new Set<string>(TABLE_NAMES);
const COLUMNS = new Set(COLUMN_NAMES);

const PATTERNS: [TokenKind | 'word', RegExp][] = [
  ['comment', /--[^\n]*|\/\*[\s\S]*?(\*\/|$)/y],
  ['string', /[eE]?'(?:[^']|'')*(?:'|$)/y],
  ['identifier', /"(?:[^"]|"")*(?:"|$)/y],
  ['number', /\d+(?:\.\d*)?(?:[eE][+-]?\d+)?/y],
  ['word', /[A-Za-z_\u0080-\uffff][\w$\u0080-\uffff]*/y],
];

/** The text as tokens, whose texts put together are the text again. */
export function tokenizeSql(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let plain = '';
  const push = (kind: TokenKind, value: string) => {
    if (plain) tokens.push({ kind: 'text', text: plain });
    plain = '';
    tokens.push({ kind, text: value });
  };
  outer: while (i < text.length) {
    for (const [kind, pattern] of PATTERNS) {
      pattern.lastIndex = i;
      const match = pattern.exec(text);
      if (!match || match[0] === '') continue;
      const value = match[0];
      if (kind === 'word') push(wordKind(value, text, i + value.length), value);
      else push(kind, value);
      i += value.length;
      continue outer;
    }
    plain += text[i++];
  }
  if (plain) tokens.push({ kind: 'text', text: plain });
  return tokens;
}

function wordKind(word: string, text: string, end: number): TokenKind {
  if (KEYWORDS.has(word.toUpperCase())) return 'keyword';
  const lower = word.toLowerCase();
  if (TABLES.has(lower)) return 'table';
  if (COLUMNS.has(lower)) return 'column';
  if (FUNCTIONS.has(lower) && /^\s*\(/.test(text.slice(end))) return 'function';
  return 'text';
}

export interface Completion {
  /** Where the word being typed starts and ends (the caret). */
  from: number;
  to: number;
  /** Table and column names that begin with it, tables first. */
  options: { name: string; kind: 'table' | 'column' }[];
}

/**
 * Names that complete the word before `caret`: at least one letter typed, outside strings and
 * comments, and not already a whole name on its own.
 */
export function completionsAt(text: string, caret: number): Completion | null {
  const before = text.slice(0, caret);
  const word = /[A-Za-z_][\w]*$/.exec(before)?.[0];
  if (!word || /[\w]/.test(text[caret] ?? '')) return null;
  const from = caret - word.length;
  let at = 0;
  for (const token of tokenizeSql(before)) {
    const end = at + token.text.length;
    if (end >= caret && (token.kind === 'string' || token.kind === 'comment' || token.kind === 'identifier')) return null;
    at = end;
  }
  const prefix = word.toLowerCase();
  const options = [
    ...TABLE_NAMES.filter((name) => name.startsWith(prefix)).map((name) => ({ name, kind: 'table' as const })),
    ...COLUMN_NAMES.filter((name) => name.startsWith(prefix)).map((name) => ({ name, kind: 'column' as const })),
  ].filter((option) => option.name !== prefix);
  return options.length > 0 ? { from, to: caret, options: options.slice(0, 12) } : null;
}
