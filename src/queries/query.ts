/** A query is data: SQL text with `?` placeholders and the values to bind, never interpolated. */
export type SqlParam = string | number | boolean | null;

/**
 * A table a query reads that is made on first use (filters.ts: the reports a 一级/status filter
 * keeps, made once per filter rather than in every query): `sql` creates it if it is not there.
 */
export interface Prerequisite {
  readonly table: string;
  readonly sql: string;
  readonly params: readonly SqlParam[];
}

export interface Query<Row = unknown> {
  /** Names the query in logs, errors and the build-time snapshot. */
  readonly name: string;
  readonly sql: string;
  readonly params: readonly SqlParam[];
  /** Tables to make (if missing) before the query runs: see queryStatements. */
  readonly needs?: readonly Prerequisite[];
  /** Phantom field: carries the row type from the query module to `query<T>()`. */
  readonly __row?: Row;
}

export type RowOf<Q> = Q extends Query<infer Row> ? Row : never;

/** A fragment of SQL with its own parameters, joined with others in order. */
export interface SqlFragment {
  readonly sql: string;
  readonly params: readonly SqlParam[];
  /** Tables the SQL reads that must be made first; carried into the query that uses the fragment. */
  readonly needs?: readonly Prerequisite[];
}

export const fragment = (sql: string, params: readonly SqlParam[] = [], needs?: readonly Prerequisite[]): SqlFragment =>
  needs && needs.length > 0 ? { sql, params, needs } : { sql, params };

/** `part` with its SQL rewritten by `wrap` (parentheses, a prefix), its parameters and needs kept. */
export const wrapFragment = (part: SqlFragment, wrap: (sql: string) => string): SqlFragment => fragment(wrap(part.sql), part.params, part.needs);

const neededBy = (parts: readonly { needs?: readonly Prerequisite[] }[]): Prerequisite[] => {
  const byTable = new Map<string, Prerequisite>();
  for (const part of parts) for (const need of part.needs ?? []) byTable.set(need.table, need);
  return [...byTable.values()];
};

/**
 * What to run, in order, for `query`: the statements making the tables it needs (each a no-op
 * when the table is there), then the query. Every runner of queries goes through this.
 */
export const queryStatements = (query: Query): { sql: string; params: readonly SqlParam[] }[] => [...(query.needs ?? []), query];

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
  return fragment(parts.map((part) => part.sql).join(separator), parts.flatMap((part) => part.params), neededBy(parts));
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
    const needs = neededBy(slots.filter((slot) => typeof slot !== 'string'));
    return needs.length > 0 ? { name, sql: text.trim(), params, needs } : { name, sql: text.trim(), params };
  };
}

/** A stable key for a query's text and parameters (used to look up build-time results). */
export function queryKey(query: Query): string {
  return `${query.name}:${hash(query.sql + '\u0000' + JSON.stringify(query.params))}`;
}

export function hash(text: string): string {
  let h = 0x811c9dc5; // FNV-1a, 32 bit: collisions among a handful of queries are not a concern
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}
