/**
 * How the app's queries run: with their parameters bound on a kept prepared statement
 * (prepared-statements.ts), or answered from what was sent ahead with the start-up load
 * (sent-ahead.ts); numbers come back as numbers, never BigInt. Each run is a `query:<name>`
 * performance measure (DevTools and bench:app read them). A 'background' query waits until no
 * 'view' query is in flight (query-scheduling.ts).
 */
import type { Query } from '../../../queries/query.ts';
import type { Engine } from '../engine/engine.ts';
import { toPlainRow } from './plain-rows.ts';
import { PreparedStatements } from './prepared-statements.ts';
import { createWaves, ViewQueryGate, type QueryPriority } from './query-scheduling.ts';
import { SentAhead } from './sent-ahead.ts';

export class QueryRunner {
  readonly sentAhead = new SentAhead();
  readonly prepared: PreparedStatements;
  /** Hands the results of a view's queries started together over together (use-query.ts). */
  readonly runInWave = createWaves();
  private readonly viewQueries = new ViewQueryGate();

  constructor(private readonly engine: Engine) {
    this.prepared = new PreparedStatements(async () => (await engine.start()).connection);
  }

  async query<T>(q: Query<T>, priority: QueryPriority = 'view'): Promise<T[]> {
    const done = priority === 'view' ? this.viewQueries.start() : undefined;
    try {
      if (!done) await this.viewQueries.idle();
      return await this.run(q);
    } finally {
      done?.();
    }
  }

  private async run<T>(q: Query<T>): Promise<T[]> {
    const { connection } = await this.engine.start();
    const started = performance.now();
    try {
      // The tables the query reads that are made on first use (a 一级/status filter's reports).
      for (const need of q.needs ?? []) await (await this.prepared.get(need.sql)).query(...need.params);
      if (q.params.length === 0) {
        // A query sent ahead fails when the load's one call did (the load then went the slower
        // way, after it): it runs again now, over the data loaded.
        const ahead = this.sentAhead.take(q.sql);
        const answered = ahead && (await ahead.catch(() => null));
        return toRows<T>(answered ?? (await connection.query(q.sql)));
      }
      return toRows<T>(await (await this.prepared.get(q.sql)).query(...q.params));
    } catch (error) {
      throw new Error(`query ${q.name} failed: ${(error as Error).message}`);
    } finally {
      performance.measure(`query:${q.name}`, { start: started, end: performance.now() });
    }
  }
}

function toRows<T>(table: { toArray(): { toJSON(): Record<string, unknown> }[] }): T[] {
  return table.toArray().map((row) => toPlainRow(row.toJSON()) as T);
}
