/**
 * Runs a console statement on a session (DuckDB-WASM in the app, native DuckDB in the tests):
 * guard, then BEGIN → the statement as a row-limited subquery → ROLLBACK, always. Whatever got
 * past the guard could therefore still change nothing: the transaction is never committed.
 */
import { errorPlace, guardConsoleSql, limitedSql, wrapperLines, type ReadOnlyKeyword, type SqlGuardError } from './console-sql.ts';

/** Rows shown at most; one more is fetched to know that there are more. */
export const CONSOLE_ROW_LIMIT = 10_000;

export interface ConsoleResultSet {
  columns: string[];
  rows: Record<string, unknown>[];
}

export interface ConsoleResult extends ConsoleResultSet {
  /** More rows matched than `limit`; only the first `limit` are in `rows`. */
  truncated: boolean;
  limit: number;
  keyword: ReadOnlyKeyword;
  elapsedMs: number;
}

/** How a console statement reaches a database. */
export interface ConsoleSession {
  /** Runs a statement whose result is not needed (BEGIN, ROLLBACK). */
  execute(sql: string): Promise<void>;
  /** Runs a query and returns its columns, in order, and rows. */
  fetch(sql: string): Promise<ConsoleResultSet>;
  /**
   * Has DuckDB prepare the statement (parse and bind it, never run it) and throws its error: how
   * a refused statement is told apart from one DuckDB cannot read (errorPlace).
   */
  parse?(sql: string): Promise<void>;
}

/**
 * Why a statement gave no result, for a translated message: the guard's reasons, or DuckDB's
 * refusals (src/lib/db/console/console-refusal.ts) of a result over the page's byte limit or of memory
 * over the engine's (`count`: the limit in MiB).
 */
export type ConsoleRefusal = SqlGuardError | { code: 'tooLarge'; count: number } | { code: 'outOfMemory'; count: number };

/** A statement the guard, or DuckDB's locked engine, refused; `reason` says why. */
export class ConsoleRejection extends Error {
  constructor(readonly reason: ConsoleRefusal) {
    super(`rejected: ${reason.code}${'keyword' in reason ? ` ${reason.keyword}` : ''}`);
    this.name = 'ConsoleRejection';
  }
}

export async function runGuardedSql(session: ConsoleSession, text: string, limit = CONSOLE_ROW_LIMIT): Promise<ConsoleResult> {
  const guard = guardConsoleSql(text);
  if (!guard.ok) throw new ConsoleRejection(await parserVerdict(session, text, guard.error));
  const started = performance.now();
  await session.execute('BEGIN TRANSACTION');
  let result: ConsoleResultSet;
  try {
    result = await session.fetch(limitedSql(guard.statement, guard.keyword, limit + 1));
  } catch (error) {
    // DuckDB now holds an aborted transaction (or none, after a cancel): end it, report the error.
    await session.execute('ROLLBACK').catch(() => undefined);
    throw inUserLines(error, guard.line - 1 - wrapperLines(guard.keyword));
  }
  await session.execute('ROLLBACK');
  const truncated = result.rows.length > limit;
  return {
    columns: result.columns,
    rows: truncated ? result.rows.slice(0, limit) : result.rows,
    truncated,
    limit,
    keyword: guard.keyword,
    elapsedMs: performance.now() - started,
  };
}

/**
 * A statement that would change something is refused as such only when DuckDB's parser reads it:
 * `DELET FROM findings` or `UPDATE reports SET` is a syntax error, said with DuckDB's message
 * and its place. A first word that is no statement (`SELEC`) gets DuckDB's message too. Prepared
 * inside a transaction that is rolled back, never run. Other refusals (files, several
 * statements) stand as they are.
 */
async function parserVerdict(session: ConsoleSession, text: string, refusal: SqlGuardError): Promise<ConsoleRefusal> {
  if (!session.parse || (refusal.code !== 'syntax' && refusal.code !== 'notAllowed')) return refusal;
  let message: string | null = null;
  await session.execute('BEGIN TRANSACTION');
  try {
    await session.parse(text);
  } catch (error) {
    message = (error as Error).message;
  } finally {
    await session.execute('ROLLBACK').catch(() => undefined);
  }
  if (message === null || !/Parser Error/.test(message)) return refusal;
  const place = errorPlace(message, text);
  const at = place ?? (refusal.code === 'syntax' ? refusal : { line: 1, column: 1, length: 0 });
  const lines = text.split('\n');
  const keyword = place ? (lines[place.line - 1] ?? '').substr(place.column - 1, place.length) : refusal.code === 'syntax' ? refusal.keyword : '';
  return {
    code: 'syntax',
    keyword,
    line: at.line,
    column: at.column,
    suggestion: refusal.code === 'syntax' ? refusal.suggestion : null,
    message: message.replace(/^.*?Parser Error: /s, '').split('\n')[0],
  };
}

/**
 * DuckDB's errors point at `LINE n:` of the SQL it ran; shifted so that n is the line of the
 * text the person typed (the wrapper adds a line, a leading blank line or statement removes some).
 */
export function inUserLines(error: unknown, shift: number): unknown {
  if (!(error instanceof Error) || shift === 0 || !/LINE \d+:/.test(error.message)) return error;
  const shifted = new Error(error.message.replace(/LINE (\d+):/g, (_match, n: string) => `LINE ${Math.max(1, Number(n) + shift)}:`));
  shifted.name = error.name;
  return shifted;
}
