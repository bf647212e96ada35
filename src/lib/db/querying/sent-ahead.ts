/**
 * Results of queries sent right behind the start-up load, by SQL text; each is taken once.
 * Only queries without parameters go (one with parameters needs a prepared statement first, and
 * so a round trip): the worker runs them right after the load, however busy the main thread is
 * drawing meanwhile, which would otherwise hold back each step (load answered, views rendered,
 * queries sent) by its own long tasks.
 */
import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import type { Query } from '../../../queries/query.ts';

export type Table = Awaited<ReturnType<AsyncDuckDBConnection['query']>>;

export class SentAhead {
  private readonly results = new Map<string, Promise<Table>>();

  /** Sends `queries`' parameterless ones to the worker at once. */
  send(connection: Pick<AsyncDuckDBConnection, 'query'>, queries: readonly Query<unknown>[]): void {
    // (One that needs a table made first, a 一级/status filter's reports, waits for the runner too.)
    const parameterless = queries.filter((q) => q.params.length === 0 && !q.needs?.length);
    for (const q of parameterless) {
      const result = connection.query(q.sql);
      result.catch(() => undefined); // taken by the query runner, which runs the query again then
      this.results.set(q.sql, result);
    }
    if (parameterless.length > 0) performance.mark('data:sent-ahead', { detail: parameterless.map((q) => q.name) });
  }

  /** The answer sent ahead for `sql`, once; undefined when there is none (or it was taken). */
  take(sql: string): Promise<Table> | undefined {
    const result = this.results.get(sql);
    this.results.delete(sql);
    return result;
  }

  clear(): void {
    this.results.clear();
  }
}
