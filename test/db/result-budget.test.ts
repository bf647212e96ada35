/**
 * The worker's byte limit on streamed results (src/lib/db/engine/result-budget.ts), fed DuckDB-WASM's
 * own messages: batches pass until a result's batches add up to more than the limit, then an
 * error goes in place of the batch; each streamed query starts a new count, per connection;
 * whole results (the app's queries) are never counted. The batches below are the real Arrow IPC
 * buffers of DuckDB-WASM's Node build.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { RESULT_BYTE_LIMIT, RESULT_TOO_LARGE, ResultBudget } from '../../src/lib/db/engine/result-budget.ts';
import { openWasmDb } from './helpers.ts';

let nextId = 1;
const request = (type: string, data: unknown) => ({ messageId: nextId++, type, data });
const answer = (requestId: number, type: string, data: unknown) => ({ messageId: nextId++, requestId, type, data });

/** Sends a streamed query's messages through `budget` as the worker would; the page's view of each batch. */
function stream(budget: ResultBudget, connection: number, batches: Uint8Array[]): string[] {
  budget.request(request('START_PENDING_QUERY', [connection, 'SELECT …', false]));
  return batches.map((batch) => {
    const fetch = request('FETCH_QUERY_RESULTS', connection);
    budget.request(fetch);
    const reply = budget.response(answer(fetch.messageId, 'QUERY_RESULT_CHUNK', batch));
    return reply.type === 'ERROR' ? (reply.data as { name: string }).name : `${(reply.data as Uint8Array).byteLength} bytes`;
  });
}

describe('ResultBudget', () => {
  it('passes batches up to the limit, then puts an error in place of the one past it', () => {
    const budget = new ResultBudget(100);
    expect(stream(budget, 1, [new Uint8Array(60), new Uint8Array(40), new Uint8Array(1)])).toEqual(['60 bytes', '40 bytes', RESULT_TOO_LARGE]);
  });

  it('counts each streamed query afresh, and each connection apart', () => {
    const budget = new ResultBudget(100);
    expect(stream(budget, 1, [new Uint8Array(90)])).toEqual(['90 bytes']);
    expect(stream(budget, 2, [new Uint8Array(90)])).toEqual(['90 bytes']);
    expect(stream(budget, 1, [new Uint8Array(90)])).toEqual(['90 bytes']);
  });

  it('leaves whole results, errors and other answers alone', () => {
    const budget = new ResultBudget(10);
    const run = request('RUN_QUERY', [1, 'SELECT …']);
    budget.request(run);
    const whole = answer(run.messageId, 'QUERY_RESULT', new Uint8Array(1000));
    expect(budget.response(whole)).toBe(whole);
    const failed = answer(run.messageId, 'ERROR', { name: 'Error', message: 'Binder Error' });
    expect(budget.response(failed)).toBe(failed);
  });
});

describe('ResultBudget on DuckDB-WASM’s batches', () => {
  let db: Awaited<ReturnType<typeof openWasmDb>>;
  beforeAll(async () => {
    db = await openWasmDb();
  });

  /** The Arrow IPC batches of `sql`, as the worker would post them to the page. */
  function batches(sql: string): Uint8Array[] {
    const connection = db.connect().useUnsafe((_bindings, id) => id);
    let header = db.startPendingQuery(connection, sql, false);
    while (header == null) header = db.pollPendingQuery(connection);
    const out: Uint8Array[] = [];
    for (let batch = db.fetchQueryResults(connection); batch && batch.length > 0; batch = db.fetchQueryResults(connection)) out.push(batch);
    return out;
  }

  it('stops one row larger than the limit', () => {
    const row = batches(`SELECT repeat('x', ${RESULT_BYTE_LIMIT + 1}) AS s`);
    expect(stream(new ResultBudget(), 1, row)).toEqual([RESULT_TOO_LARGE]);
  });

  it('stops 10,001 rows that add up to more than the limit, after the batches that fit', () => {
    const rows = batches('SELECT repeat(\'x\', 2000) AS s FROM range(10001)');
    const seen = stream(new ResultBudget(), 1, rows);
    expect(seen.at(-1)).toBe(RESULT_TOO_LARGE);
    expect(seen.slice(0, -1).every((s) => s.endsWith('bytes'))).toBe(true);
  });

  it('passes the console’s row limit of ordinary rows', () => {
    const rows = batches('SELECT range AS n, repeat(\'y\', 200) AS s FROM range(10001)');
    expect(stream(new ResultBudget(), 1, rows).every((s) => s.endsWith('bytes'))).toBe(true);
  });
});
