/**
 * The SQL console's way into DuckDB-WASM: `runConsoleQuery(sql, { signal })`. It uses a
 * connection of its own, so its transaction (always rolled back, see queries/console-run.ts)
 * never wraps a query of the views, and `send()` so that a long query can be cancelled
 * (`cancelSent()` stops it between two polls of the worker) and its result comes in batches,
 * which the worker stops past a byte limit (result-budget.ts). The engine it runs on reads no
 * file and no network (engine-lock.ts); such refusals come back worded (console-refusal.ts).
 * Values come back as plain JS: DECIMAL as numbers, dates as ISO text, lists and structs as
 * JSON text.
 */
import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { ConsoleRejection, runGuardedSql, type ConsoleResult, type ConsoleSession } from '../../queries/console-run.ts';
import { tokensShowSeveralStatements } from '../../queries/console-sql.ts';
import { asConsoleError } from './console-refusal.ts';
import { lockedDuckDb } from './duckdb-instance.ts';

export { ConsoleRejection, type ConsoleResult };

/** Thrown when the user cancelled the query. */
export class ConsoleCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'ConsoleCancelled';
  }
}

let connection: Promise<AsyncDuckDBConnection> | null = null;

const consoleConnection = (): Promise<AsyncDuckDBConnection> =>
  (connection ??= lockedDuckDb().then(({ db }) => db.connect()).catch((error: unknown) => {
    connection = null;
    throw error;
  }));

/** Drops the connection (and any transaction it holds); the next query opens a fresh one. */
async function resetConnection(): Promise<void> {
  const old = connection;
  connection = null;
  await old?.then((c) => c.close()).catch(() => undefined);
}

interface ArrowField { name: string; type: { toString(): string; scale?: number; precision?: number } }

function bigintValue(value: bigint): number | string {
  return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(value) : value.toString();
}

const json = (value: unknown): string =>
  JSON.stringify(value, (_key, inner: unknown) => (typeof inner === 'bigint' ? bigintValue(inner) : inner));

/** A converter from Arrow's JS value to a plain cell value, chosen once per column. */
function cellConverter(field: ArrowField): (value: unknown) => unknown {
  const type = field.type;
  const typeName = String(type);
  if (typeof type.scale === 'number' && typeof type.precision === 'number') {
    const divisor = 10 ** type.scale; // Arrow gives a DECIMAL as its unscaled integer
    return (value) => (value == null ? null : Number(String(value)) / divisor);
  }
  if (/^Date/.test(typeName)) return (value) => (value == null ? null : new Date(value as number | Date).toISOString().slice(0, 10));
  if (/^Timestamp/.test(typeName)) return (value) => (value == null ? null : new Date(value as number | Date).toISOString().replace('T', ' ').replace(/\.000Z$|Z$/, ''));
  return plainCell;
}

function plainCell(value: unknown): unknown {
  if (value == null) return null;
  if (typeof value === 'bigint') return bigintValue(value);
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return `<${value.length} bytes>`;
  const withJson = value as { toJSON?: () => unknown };
  return json(typeof withJson.toJSON === 'function' ? withJson.toJSON() : value);
}

/** DuckDB's own lexer confirms that there is one statement (see tokensShowSeveralStatements). */
async function assertOneStatement(text: string): Promise<void> {
  const { db } = await lockedDuckDb();
  if (tokensShowSeveralStatements(text, await db.tokenize(text))) throw new ConsoleRejection({ code: 'multiple', count: 2 });
}

function wasmSession(conn: AsyncDuckDBConnection, signal: AbortSignal | undefined): ConsoleSession {
  return {
    async execute(sql) {
      try {
        await conn.query(sql);
      } catch (error) {
        // A connection that cannot end its transaction is dropped (which ends it); the next
        // query opens a fresh one.
        if (sql === 'ROLLBACK') await resetConnection();
        throw error;
      }
    },
    async fetch(sql) {
      await assertOneStatement(sql);
      const cancel = () => void conn.cancelSent();
      signal?.addEventListener('abort', cancel, { once: true });
      try {
        if (signal?.aborted) throw new ConsoleCancelled();
        const reader = await conn.send(sql);
        const rows: Record<string, unknown>[] = [];
        let fields: ArrowField[] = [];
        let converters: ((value: unknown) => unknown)[] = [];
        for await (const batch of reader) {
          if (converters.length === 0) {
            fields = batch.schema.fields as ArrowField[];
            converters = fields.map(cellConverter);
          }
          for (const row of batch.toArray()) {
            const plain = (row as { toJSON(): Record<string, unknown> }).toJSON();
            const out: Record<string, unknown> = {};
            fields.forEach((field, k) => (out[field.name] = converters[k](plain[field.name])));
            rows.push(out);
          }
        }
        if (fields.length === 0) fields = (reader.schema?.fields ?? []) as ArrowField[];
        return { columns: fields.map((field) => field.name), rows };
      } catch (error) {
        if (signal?.aborted) throw new ConsoleCancelled();
        throw error;
      } finally {
        signal?.removeEventListener('abort', cancel);
      }
    },
  };
}

/** The run before the latest: a statement starts once it has ended (see runConsoleQuery). */
let previousRun: Promise<unknown> = Promise.resolve();

/**
 * Runs one read-only statement typed in the console; see queries/console-run.ts for the rules.
 * Runs one at a time, each after the one before has rolled back: a new statement used to fail
 * with `cannot start a transaction within a transaction` while one was still running. The
 * caller aborts the run it replaces (use-console-run.ts), which then ends at once.
 */
export function runConsoleQuery(sql: string, { signal }: { signal?: AbortSignal } = {}): Promise<ConsoleResult> {
  const run = previousRun.then(async () => {
    if (signal?.aborted) throw new ConsoleCancelled();
    const conn = await consoleConnection();
    return runGuardedSql(wasmSession(conn, signal), sql).catch((error: unknown) => {
      throw asConsoleError(error);
    });
  });
  previousRun = run.catch(() => undefined);
  return run;
}
