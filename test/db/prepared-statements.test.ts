/** The session's kept prepared statements (src/lib/db/querying/prepared-statements.ts), with DuckDB faked. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DuckDbHandle } from '../../src/lib/db/engine/duckdb-instance.ts';
import { DuckDbSession } from '../../src/lib/db/session.ts';
import type { Query } from '../../src/queries/query.ts';

const prepared: string[] = [];
const closed: string[] = [];
const fakeDuckDb = async () => ({
    connection: {
      prepare: async (sql: string) => {
        prepared.push(sql);
        return {
          query: async (...params: unknown[]) => ({ toArray: () => [{ toJSON: () => ({ sql, params, count: 1n }) }] }),
          close: async () => void closed.push(sql),
        };
      },
    },
  }) as unknown as DuckDbHandle;

let session: DuckDbSession;
const query = (q: Query) => session.query(q);
const q = (n: number, param: number): Query => ({ name: 'test', sql: `SELECT ${n} WHERE ? > 0`, params: [param] });

describe('prepared statements', () => {
  beforeEach(() => {
    session = new DuckDbSession({ instantiate: fakeDuckDb }); // a fresh page: no statement kept
    prepared.length = 0;
    closed.length = 0;
  });

  it('prepares a statement once per SQL text and binds each run\'s parameters', async () => {
    expect(await query(q(1, 5))).toEqual([{ sql: 'SELECT 1 WHERE ? > 0', params: [5], count: 1 }]);
    expect(await query(q(1, 6))).toEqual([{ sql: 'SELECT 1 WHERE ? > 0', params: [6], count: 1 }]);
    expect(prepared).toEqual(['SELECT 1 WHERE ? > 0']);
  });

  it('closes the least recently used statement beyond 256, and keeps the ones in use', async () => {
    for (let n = 0; n < 256; n++) await query(q(n, 1));
    await query(q(0, 1)); // used again: now the most recent
    await query(q(256, 1)); // one too many: statement 1 goes
    await vi.waitFor(() => expect(closed).toEqual(['SELECT 1 WHERE ? > 0']));
    expect(prepared).toHaveLength(257);
    await query(q(0, 2));
    expect(prepared).toHaveLength(257); // still kept
    await query(q(1, 2));
    expect(prepared.at(-1)).toBe('SELECT 1 WHERE ? > 0'); // prepared again
  });

  it('closes every kept statement when the data changes', async () => {
    await query(q(1, 1));
    await query(q(2, 1));
    session.queries.prepared.forget();
    await vi.waitFor(() => expect(closed.sort()).toEqual(['SELECT 1 WHERE ? > 0', 'SELECT 2 WHERE ? > 0']));
    await query(q(1, 1));
    expect(prepared).toHaveLength(3);
  });
});
