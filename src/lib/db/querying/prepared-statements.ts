/**
 * Prepared statements by SQL text, kept while the data stays the same: a filter change re-runs
 * the same few queries with other parameters, and preparing each time cost two more round trips
 * to the worker and a parse (~30% of the overview's redraw). The plan is not kept: DuckDB binds
 * and plans a statement with parameters that reads a table again at every execution, by design
 * (PreparedStatement::CanCachePlan), about half of each query's time in the worker on a filter
 * change (Chromium profile). The least recently used is closed beyond PREPARED_LIMIT (a
 * statement's shape depends on which filters are set, and the idle warm-up prepares each view
 * query for each filter and each pair of filters); all are closed when the data changes.
 */
import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';

export type Prepared = Awaited<ReturnType<AsyncDuckDBConnection['prepare']>>;

export const PREPARED_LIMIT = 256;

const close = (statement: Promise<Prepared>) => void statement.then((s) => s.close()).catch(() => undefined);

export class PreparedStatements {
  private readonly statements = new Map<string, Promise<Prepared>>();

  constructor(private readonly connection: () => Promise<Pick<AsyncDuckDBConnection, 'prepare'>>, private readonly limit = PREPARED_LIMIT) {}

  /** Closes the kept statements: called whenever the tables under them are rebuilt. */
  forget(): void {
    const statements = [...this.statements.values()];
    this.statements.clear();
    statements.forEach(close);
  }

  /** The statement for `sql`, prepared now or kept from before. */
  get(sql: string): Promise<Prepared> {
    let statement = this.statements.get(sql);
    if (statement) {
      this.statements.delete(sql); // to the end: most recently used
    } else {
      statement = this.connection().then((connection) => connection.prepare(sql));
      const failed = statement;
      // A statement that failed to prepare is not kept (unless the map has moved on to another).
      failed.catch(() => this.statements.get(sql) === failed && this.statements.delete(sql));
      const oldest = this.statements.size >= this.limit ? this.statements.keys().next().value : undefined;
      if (oldest !== undefined) {
        close(this.statements.get(oldest)!);
        this.statements.delete(oldest);
      }
    }
    this.statements.set(sql, statement);
    return statement;
  }
}
