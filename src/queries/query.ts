/** A query is data: SQL text with `?` placeholders and the values to bind, never interpolated. */
export type SqlParam = string | number | boolean | null;

export interface Query<Row = unknown> {
  /** Names the query in logs, errors and the build-time snapshot. */
  readonly name: string;
  readonly sql: string;
  readonly params: readonly SqlParam[];
  /** Phantom field: carries the row type from the query module to `query<T>()`. */
  readonly __row?: Row;
}

export type RowOf<Q> = Q extends Query<infer Row> ? Row : never;

/** A fragment of SQL with its own parameters, joined with others in order. */
export interface SqlFragment {
  readonly sql: string;
  readonly params: readonly SqlParam[];
}

export const fragment = (sql: string, params: readonly SqlParam[] = []): SqlFragment => ({ sql, params });

/**
 * A number written into the SQL text instead of bound: for constants of a query's shape (a bin
 * width), never for what a user typed. A query with no parameters runs without a prepared
 * statement, which costs two more round trips to the worker and, the first time, ~30 ms of
 * DuckDB's cold code at start-up (bench:app).
 */
export function numberLiteral(value: number): SqlFragment {
  if (!Number.isFinite(value)) throw new Error(`numberLiteral: ${value} is not a finite number`);
  // A negative one in parentheses: after a minus sign, `-5` would start a comment (`100 --5`).
  return fragment(value < 0 ? `(${value})` : String(value));
}

/** Joins fragments with a separator, keeping parameters in placeholder order. */
export function joinFragments(parts: readonly SqlFragment[], separator: string): SqlFragment {
  return {
    sql: parts.map((part) => part.sql).join(separator),
    params: parts.flatMap((part) => part.params),
  };
}

/** `column IN (?, ?, …)` for a whitelisted column expression. */
export function inList(column: string, values: readonly SqlParam[]): SqlFragment {
  return fragment(`${column} IN (${values.map(() => '?').join(', ')})`, values);
}

/**
 * A tagged template for a named query: `sql<Row>('name')\`SELECT … WHERE ${fragment}\``.
 * Slots are fragments (their parameters are bound) or strings that must come from a whitelist.
 */
export function sql<Row>(name: string) {
  return (strings: TemplateStringsArray, ...slots: (SqlFragment | string)[]): Query<Row> => {
    let text = strings[0];
    const params: SqlParam[] = [];
    slots.forEach((slot, i) => {
      if (typeof slot === 'string') text += slot;
      else {
        text += slot.sql;
        params.push(...slot.params);
      }
      text += strings[i + 1];
    });
    return { name, sql: text.trim(), params };
  };
}

/** A stable key for a query's text and parameters (used to look up build-time results). */
export function queryKey(query: Query): string {
  return `${query.name}:${hash(query.sql + '\u0000' + JSON.stringify(query.params))}`;
}

function hash(text: string): string {
  let h = 0x811c9dc5; // FNV-1a, 32 bit: collisions among a handful of queries are not a concern
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}
