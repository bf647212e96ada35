/**
 * The SQL console's guard: the one place where SQL typed by a person is looked at before DuckDB
 * runs it. A query may read, never change, the loaded data, so the guard accepts exactly one
 * statement whose first keyword reads (SELECT, WITH, FROM, …) and rejects everything else by
 * name. The scanner knows DuckDB's lexical rules for strings ('…', E'…' with backslash escapes,
 * $tag$…$tag$), quoted identifiers and nested comments, so a `;` or `DROP` inside any of them is
 * not mistaken for code, and code hidden after a comment is not mistaken for a comment. The guard
 * is the first of three locks: the console also runs the statement as a subquery (where DuckDB
 * allows no data change) inside a transaction that is always rolled back (console-run.ts). What
 * a statement may read is DuckDB's own setting, not the guard's: the engine reads no file, URL or
 * extension at all (src/lib/db/engine/engine-lock.ts).
 */

/** Statement starts that only read. PIVOT_WIDER/PIVOT_LONGER are DuckDB's synonyms. */
export const READ_ONLY_KEYWORDS = [
  'SELECT', 'WITH', 'FROM', 'VALUES', 'TABLE', 'DESCRIBE', 'SHOW', 'SUMMARIZE', 'EXPLAIN',
  'PIVOT', 'UNPIVOT', 'PIVOT_WIDER', 'PIVOT_LONGER',
] as const;

export type ReadOnlyKeyword = (typeof READ_ONLY_KEYWORDS)[number];

/**
 * Statements that read or write files or fetch extensions: refused as such, with the console's
 * word that the dashboard's database reaches no file and no network (DuckDB refuses them too,
 * src/lib/db/engine/engine-lock.ts).
 */
const FILE_KEYWORDS = ['ATTACH', 'COPY', 'EXPORT', 'IMPORT', 'INSTALL', 'LOAD', 'FORCE INSTALL'];

/**
 * DuckDB's other statements: they change data, the schema, settings or the session, and are
 * refused as such. A first word in none of the lists is no statement at all (`SELEC`): a syntax
 * error, said so with its place and the nearest statement, never called a change of data.
 */
const CHANGING_KEYWORDS = [
  'INSERT', 'UPDATE', 'DELETE', 'MERGE', 'UPSERT', 'TRUNCATE', 'CREATE', 'DROP', 'ALTER', 'COMMENT', 'SET', 'RESET', 'PRAGMA',
  'CALL', 'CHECKPOINT', 'FORCE', 'VACUUM', 'ANALYZE', 'BEGIN', 'START', 'COMMIT', 'END', 'ROLLBACK', 'ABORT', 'DETACH', 'USE',
  'PREPARE', 'EXECUTE', 'DEALLOCATE', 'GRANT', 'REVOKE', 'REPLACE',
];

/**
 * The read-only keyword nearest to a mistyped first word: one edit away, or two with the same first
 * letter (WTIH → WITH), else null — DELET is not offered SELECT.
 */
export function nearestKeyword(word: string): ReadOnlyKeyword | null {
  let best: { keyword: ReadOnlyKeyword; distance: number } | null = null;
  for (const keyword of READ_ONLY_KEYWORDS) {
    const distance = editDistance(word, keyword);
    const near = distance <= 1 || (distance === 2 && word[0] === keyword[0]);
    if (near && (!best || distance < best.distance)) best = { keyword, distance };
  }
  return best?.keyword ?? null;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

export type SqlGuardError =
  | { code: 'empty' }
  | { code: 'multiple'; count: number }
  | { code: 'unterminated' }
  | { code: 'notAllowed'; keyword: string }
  /** Names a file, URL or extension (`keyword`: the statement, function or file). */
  | { code: 'offline'; keyword: string }
  /**
   * DuckDB's parser cannot read the statement (or its first word is no SQL statement, a typo):
   * where (`keyword`: the word there), DuckDB's message when it was asked, and the read-only
   * statement a mistyped first word may mean.
   */
  | { code: 'syntax'; keyword: string; line: number; column: number; suggestion: ReadOnlyKeyword | null; message?: string };

export type SqlGuardResult =
  | { ok: true; keyword: ReadOnlyKeyword; statement: string; /** 1-based line of the text where it starts. */ line: number }
  | { ok: false; error: SqlGuardError };

interface Scan {
  /** The text with every comment blanked (same length, line breaks kept). */
  code: string;
  /** Positions of the `;` that end statements (outside strings, identifiers and comments). */
  semicolons: number[];
  /** A string, quoted identifier or comment runs to the end of the text. */
  unterminated: boolean;
}

const IDENTIFIER_CHAR = /[A-Za-z0-9_$\u0080-\uffff]/;
const DOLLAR_TAG = /^\$([A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/;

const blank = (text: string): string => text.replace(/[^\n]/g, ' ');

/** Splits SQL into code, strings and comments the way DuckDB's (PostgreSQL's) lexer does. */
export function scanSql(text: string): Scan {
  let code = '';
  const semicolons: number[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text[i];
    const next = text[i + 1];
    const previous = i > 0 ? text[i - 1] : '';
    let end = -1; // end (exclusive) of a string, identifier or comment starting at i
    let comment = false;
    if (ch === '-' && next === '-') {
      const newline = text.indexOf('\n', i);
      end = newline === -1 ? n : newline;
      comment = true;
    } else if (ch === '/' && next === '*') {
      end = blockCommentEnd(text, i);
      comment = true;
    } else if (ch === "'") {
      const escapes = /[Ee]/.test(previous) && !IDENTIFIER_CHAR.test(i > 1 ? text[i - 2] : '');
      end = quotedEnd(text, i, "'", escapes);
    } else if (ch === '"') {
      end = quotedEnd(text, i, '"', false);
    } else if (ch === '$' && !IDENTIFIER_CHAR.test(previous)) {
      const tag = DOLLAR_TAG.exec(text.slice(i, i + 200))?.[0];
      if (tag) {
        const close = text.indexOf(tag, i + tag.length);
        end = close === -1 ? -2 : close + tag.length;
      }
    }
    if (end === -2) return { code: code + text.slice(i), semicolons, unterminated: true };
    if (end === -1) {
      if (ch === ';') semicolons.push(i);
      code += ch;
      i += 1;
      continue;
    }
    code += comment ? blank(text.slice(i, end)) : text.slice(i, end);
    i = end;
  }
  return { code, semicolons, unterminated: false };
}

/** The end of a '…' or "…" starting at `start` (a doubled quote escapes it), or -2 if none. */
function quotedEnd(text: string, start: number, quote: string, backslashEscapes: boolean): number {
  for (let i = start + 1; i < text.length; i++) {
    if (backslashEscapes && text[i] === '\\') i += 1;
    else if (text[i] === quote) {
      if (text[i + 1] === quote) i += 1;
      else return i + 1;
    }
  }
  return -2;
}

/** The end of a block comment; they nest, as in PostgreSQL and DuckDB. */
function blockCommentEnd(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length - 1; i++) {
    if (text[i] === '/' && text[i + 1] === '*') { depth += 1; i += 1; }
    else if (text[i] === '*' && text[i + 1] === '/') {
      depth -= 1;
      i += 1;
      if (depth === 0) return i + 1;
    }
  }
  return -2;
}

const firstWord = (code: string): { word: string; rest: string } => {
  // A statement may open with parentheses: `(SELECT 1) UNION (SELECT 2)`.
  const match = /^[\s(]*([A-Za-z_]+)/.exec(code);
  return match ? { word: match[1].toUpperCase(), rest: code.slice(match[0].length) } : { word: code.trim().slice(0, 20), rest: '' };
};

const isReadOnly = (word: string): word is ReadOnlyKeyword => (READ_ONLY_KEYWORDS as readonly string[]).includes(word);

/**
 * EXPLAIN runs as it is (it cannot be a subquery), and EXPLAIN ANALYZE executes its statement:
 * what it explains must read only, too.
 */
function explainedKeyword(rest: string): string {
  let text = rest.replace(/^\s*(ANALYZE|ANALYSE)\b/i, '');
  if (/^\s*\(/.test(text)) text = text.slice(text.indexOf(')') + 1); // EXPLAIN (FORMAT json) …
  return firstWord(text).word;
}

/** Accepts one read-only statement (a trailing `;` and comments are fine) or says why not. */
export function guardConsoleSql(text: string): SqlGuardResult {
  const scan = scanSql(text);
  if (scan.unterminated) return { ok: false, error: { code: 'unterminated' } };
  const bounds = [-1, ...scan.semicolons, text.length];
  const statements: { start: number; end: number }[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const start = bounds[k] + 1;
    const end = bounds[k + 1];
    if (scan.code.slice(start, end).trim() !== '') statements.push({ start, end });
  }
  if (statements.length === 0) return { ok: false, error: { code: 'empty' } };
  if (statements.length > 1) return { ok: false, error: { code: 'multiple', count: statements.length } };
  const { start, end } = statements[0];
  const { word, rest } = firstWord(scan.code.slice(start, end));
  if (!isReadOnly(word) && !CHANGING_KEYWORDS.includes(word) && !FILE_KEYWORDS.includes(word)) {
    const at = start + scan.code.slice(start, end).search(/\S/);
    const before = text.slice(0, at).split('\n');
    return { ok: false, error: { code: 'syntax', keyword: text.slice(at).match(/^\S+/)?.[0] ?? word, line: before.length, column: before.at(-1)!.length + 1, suggestion: nearestKeyword(word) } };
  }
  if (!isReadOnly(word)) {
    const statement = word === 'FORCE' ? `${word} ${firstWord(rest).word}` : word;
    return { ok: false, error: FILE_KEYWORDS.includes(statement) ? { code: 'offline', keyword: statement } : { code: 'notAllowed', keyword: word } };
  }
  if (word === 'EXPLAIN') {
    const explained = explainedKeyword(rest);
    if (!isReadOnly(explained) || explained === 'EXPLAIN') return { ok: false, error: { code: 'notAllowed', keyword: `EXPLAIN ${explained}` } };
  }
  const leading = /^\s*/.exec(text.slice(start, end))![0].length;
  const line = text.slice(0, start + leading).split('\n').length;
  return { ok: true, keyword: word, statement: text.slice(start, end).trim(), line };
}

/**
 * The statement as DuckDB runs it: inside `SELECT * FROM (…) LIMIT n` (a subquery can hold no
 * INSERT, DROP or COPY, and the limit keeps a huge result from filling the tab's memory). The
 * line breaks keep a trailing `--` comment from swallowing the closing parenthesis.
 */
/** Lines the wrapper puts before the statement, for mapping DuckDB's `LINE n:` back. */
export const wrapperLines = (keyword: ReadOnlyKeyword): number => (keyword === 'EXPLAIN' ? 0 : 1);

export function limitedSql(statement: string, keyword: ReadOnlyKeyword, limit: number): string {
  if (keyword === 'EXPLAIN') return statement;
  return `SELECT * FROM (\n${statement}\n) AS console_result LIMIT ${Math.max(0, Math.floor(limit))}`;
}

/** DuckDB's lexer output (duckdb-wasm `tokenize`): token start offsets and token types. */
export interface SqlTokens {
  offsets: readonly number[];
  types: readonly number[];
}

const COMMENT_TOKEN = 5; // duckdb-wasm's TokenType.COMMENT; `;` is an OPERATOR token

/**
 * Whether DuckDB's own lexer sees a statement after a `;`: the second lock behind the scanner
 * above, in case the two ever disagree (DuckDB-WASM's `send()` would run every statement).
 */
export function tokensShowSeveralStatements(text: string, { offsets, types }: SqlTokens): boolean {
  const semicolon = offsets.findIndex((offset) => text[offset] === ';');
  if (semicolon === -1) return false;
  return offsets.some((offset, k) => k > semicolon && types[k] !== COMMENT_TOKEN && text[offset] !== ';');
}

/** A place in the typed text: 1-based line and column, and the length of the word there. */
export interface SqlPlace {
  line: number;
  column: number;
  length: number;
}

/**
 * Where DuckDB's `message` points in `text` (the SQL as typed, its lines as DuckDB numbered them):
 * DuckDB shows the line (`LINE 3: …`, cut with `...` when long) and a caret under the place; "at
 * end of input" is the end of the text. The word there (a quoted token DuckDB names, else the
 * identifier or symbol at the caret) gives the length. Null when the message names no place.
 */
export function errorPlace(message: string, text: string): SqlPlace | null {
  const lines = text.split('\n');
  if (/at end of input/.test(message) && !/LINE \d+:/.test(message)) {
    const trimmed = text.replace(/\s+$/, '').split('\n');
    return { line: trimmed.length, column: trimmed.at(-1)!.length + 1, length: 0 };
  }
  const match = /LINE (\d+): (.*)\n( *)\^/.exec(message);
  if (!match) return null;
  const line = Number(match[1]);
  const typed = lines[line - 1];
  if (typed === undefined) return null;
  const prefix = `LINE ${match[1]}: `.length;
  let shown = match[2];
  let caret = match[3].length - prefix;
  if (shown.startsWith('...')) {
    shown = shown.slice(3);
    caret -= 3;
  }
  if (shown.endsWith('...')) shown = shown.slice(0, -3);
  const start = typed.indexOf(shown);
  const column = (start < 0 ? 0 : start) + Math.max(0, caret) + 1;
  const near = /at or near "([^"]*)"/.exec(message)?.[1];
  const rest = typed.slice(column - 1);
  const length = near && rest.startsWith(near) ? near.length : (/^("[^"]*"|[\w\u0080-\uffff]+|\S)/.exec(rest)?.[0].length ?? 0);
  return { line, column, length };
}
