/**
 * A byte limit on a result streamed to the page, enforced in the DuckDB worker (duckdb-worker.ts)
 * before a batch reaches the page. One row can be any size: `SELECT repeat('x', 400000000)` is a
 * 400 MB Arrow batch, and the page that turned it into rows crashed; DuckDB's memory_limit does not
 * count such strings. DuckDB-WASM gives no size before it serializes a batch, so the worker looks
 * at each serialized batch (an Arrow IPC buffer) and posts an error in its place once a result's
 * batches add up to more than RESULT_BYTE_LIMIT: the page never receives them.
 *
 * Only results fetched batch by batch (`connection.send`, which the SQL console uses) are counted;
 * the app's own queries (`query`, prepared statements) come whole and are not, so an export of a
 * large table still works. Pure, so that Node tests it.
 */

/** At most this much Arrow data per streamed result: ~10,000 rows of a wide table take 2–5 MB. */
export const RESULT_BYTE_LIMIT = 16 * 1024 * 1024;

/** The name of the error the worker posts in place of a batch over the limit. */
export const RESULT_TOO_LARGE = 'ResultTooLargeError';

/** The parts of DuckDB-WASM's worker messages read here (its worker_request.ts). */
interface WorkerRequest {
  messageId: number;
  type: string;
  data: unknown;
}

interface WorkerResponse {
  messageId: number;
  requestId: number;
  type: string;
  data: unknown;
}

export class ResultBudget {
  /** Bytes of the current streamed result, by connection. */
  private readonly spent = new Map<number, number>();
  /** The connection of each fetch request awaiting its answer. */
  private readonly fetches = new Map<number, number>();

  constructor(private readonly limit = RESULT_BYTE_LIMIT) {}

  /** Reads a message the page sent the worker: a new streamed query starts a count, a fetch is noted. */
  request(message: WorkerRequest): void {
    if (message.type === 'START_PENDING_QUERY') this.spent.set((message.data as [number])[0], 0);
    else if (message.type === 'FETCH_QUERY_RESULTS') this.fetches.set(message.messageId, message.data as number);
    else if (message.type === 'DISCONNECT') this.spent.delete(message.data as number);
  }

  /** The worker's answer as it may reach the page: `message` itself, or an error in its place. */
  response<T extends WorkerResponse>(message: T): T | WorkerResponse {
    if (message.type !== 'QUERY_RESULT_CHUNK' && message.type !== 'ERROR') return message;
    const connection = this.fetches.get(message.requestId);
    this.fetches.delete(message.requestId);
    if (connection === undefined || message.type === 'ERROR' || !(message.data instanceof Uint8Array)) return message;
    const spent = (this.spent.get(connection) ?? 0) + message.data.byteLength;
    this.spent.set(connection, spent);
    if (spent <= this.limit) return message;
    return {
      messageId: message.messageId,
      requestId: message.requestId,
      type: 'ERROR',
      data: { name: RESULT_TOO_LARGE, message: `the result is larger than ${this.limit} bytes (${spent} bytes so far)` },
    };
  }
}
