/**
 * DuckDB's refusals that the SQL console words itself, in the reader's language, instead of
 * showing DuckDB's English: a file, URL or extension the locked engine does not reach
 * (engine-lock.ts: `read_csv('http://…')`, `read_json`, `AT TIME ZONE`…), memory over its limit,
 * a result over the page's byte limit (result-budget.ts). Any other error is DuckDB's own.
 */
import { ConsoleRejection, type ConsoleRefusal } from '../../../queries/console-run.ts';
import { MEMORY_LIMIT_BYTES } from '../engine/engine-lock.ts';
import { RESULT_BYTE_LIMIT, RESULT_TOO_LARGE } from '../engine/result-budget.ts';

const MIB = 1024 * 1024;

/** What DuckDB 1.4 says when it may not reach a file or an extension; group 1 names it. */
const OFFLINE_MESSAGES = [
  /Cannot access (?:file|directory) "([^"]*)" - file system operations are disabled by configuration/,
  /with name "?([^"\s]+)"? is not in the catalog, but it exists in the \w+ extension/,
  /install the required extension '([^']+)'/,
  /requires the extension (\w+) to be loaded/,
  /Permission Error: (.*)/,
];

/** The console's reason for DuckDB's `error`, or null when the error is DuckDB's own to show. */
export function refusalOf(error: unknown): ConsoleRefusal | null {
  if (!(error instanceof Error)) return null;
  if (error.name === RESULT_TOO_LARGE) return { code: 'tooLarge', count: RESULT_BYTE_LIMIT / MIB };
  if (/Out of Memory Error/.test(error.message)) return { code: 'outOfMemory', count: MEMORY_LIMIT_BYTES / MIB };
  for (const pattern of OFFLINE_MESSAGES) {
    const match = pattern.exec(error.message);
    if (match) return { code: 'offline', keyword: match[1].split('\n')[0] };
  }
  return null;
}

/** `error` as the console shows it: a ConsoleRejection when DuckDB refused, else itself. */
export function asConsoleError(error: unknown): unknown {
  const refusal = refusalOf(error);
  return refusal ? new ConsoleRejection(refusal) : error;
}
