/**
 * The SQL console's way into DuckDB-WASM: `runConsoleQuery(session, sql, { signal })`. It uses a
 * connection of its own, so its transaction (always rolled back, see queries/console-run.ts)
 * never wraps a query of the views, and `send()` so that a long query can be cancelled
 * (`cancelSent()` stops it between two polls of the worker) and its result comes in batches,
 * which the worker stops past a byte limit (result-budget.ts). The engine it runs on reads no
 * file and no network (engine-lock.ts); such refusals come back worded (console-refusal.ts).
 * Values come back as plain JS (console-cells.ts).
 */
import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { ConsoleRejection, runGuardedSql, type ConsoleResult, type ConsoleSession } from '../../../queries/console-run.ts';
import { tokensShowSeveralStatements } from '../../../queries/console-sql.ts';
import { asConsoleError } from './console-refusal.ts';
import { cellConverter, type ArrowField } from './console-cells.ts';
import type { Engine } from '../engine/engine.ts';
import type { DuckDbSession } from '../session.ts';

export { ConsoleRejection, type ConsoleResult };

/** Thrown when the user cancelled the query. */
export class ConsoleCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'ConsoleCancelled';
  }
}

/**
 * Runs the console's statements on a connection of its own, opened on first use over the locked
 * engine (engine.ts), one at a time. Created by the session on the console's first query.
 */
export class ConsoleRunner {
  private connection: Promise<AsyncDuckDBConnection> | null = null;
  /** The run before the latest: a statement starts once it has ended (see run). */
  private previousRun: Promise<unknown> = Promise.resolve();

  constructor(private readonly engine: Engine) {}

  private open(): Promise<AsyncDuckDBConnection> {
    return (this.connection ??= this.engine.lock().then(({ db }) => db.connect()).catch((error: unknown) => {
      this.connection = null;
      throw error;
    }));
  }

  /** Drops the connection (and any transaction it holds); the next query opens a fresh one. */
  private async reset(): Promise<void> {
    const old = this.connection;
    this.connection = null;
    await old?.then((c) => c.close()).catch(() => undefined);
  }

  /** DuckDB's own lexer confirms that there is one statement (see tokensShowSeveralStatements). */
  private async assertOneStatement(text: string): Promise<void> {
    const { db } = await this.engine.lock();
    if (tokensShowSeveralStatements(text, await db.tokenize(text))) throw new ConsoleRejection({ code: 'multiple', count: 2 });
  }

  /**
   * Runs one read-only statement typed in the console; see queries/console-run.ts for the rules.
   * Runs one at a time, each after the one before has rolled back: a new statement used to fail
   * with `cannot start a transaction within a transaction` while one was still running. The
   * caller aborts the run it replaces (use-console-run.ts), which then ends at once.
   */
  run(sql: string, { signal }: { signal?: AbortSignal } = {}): Promise<ConsoleResult> {
    const run = this.previousRun.then(async () => {
      if (signal?.aborted) throw new ConsoleCancelled();
      const conn = await this.open();
      return runGuardedSql(this.session(conn, signal), sql).catch((error: unknown) => {
        throw asConsoleError(error);
      });
    });
    this.previousRun = run.catch(() => undefined);
    return run;
  }

  private session(conn: AsyncDuckDBConnection, signal: AbortSignal | undefined): ConsoleSession {
    return {
      execute: async (sql) => {
        try {
          await conn.query(sql);
        } catch (error) {
          // A connection that cannot end its transaction is dropped (which ends it); the next
          // query opens a fresh one.
          if (sql === 'ROLLBACK') await this.reset();
          throw error;
        }
      },
      parse: async (sql) => {
        await this.assertOneStatement(sql);
        const statement = await conn.prepare(sql);
        await statement.close();
      },
      fetch: async (sql) => {
        await this.assertOneStatement(sql);
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
}

/** Runs `sql` in the session's console (runner created on first use: its code loads with the console view). */
export const runConsoleQuery = (session: DuckDbSession, sql: string, options: { signal?: AbortSignal } = {}): Promise<ConsoleResult> =>
  (session.console ??= new ConsoleRunner(session.engine)).run(sql, options);
