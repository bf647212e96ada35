/**
 * The import's worker: reads the chosen files, parses and checks them (prepare-import.ts) off the
 * main thread, and sends their rows to the page a chunk at a time, waiting for the page to have
 * loaded each one before it reads on: neither side ever holds more than a chunk of rows. Progress
 * after each file (and within a large one), one result at the end; the page terminates the worker
 * afterwards.
 */
import { ImportFailedError } from './import-problem.ts';
import { streamImport, type ImportInput } from './prepare-import.ts';
import type { WorkerReply, WorkerRequest } from './parse-protocol.ts';

const post = (reply: WorkerReply) => (self as unknown as Worker).postMessage(reply);

/** The ack the page sends for the chunk in flight. */
let acknowledge: (() => void) | null = null;

const inputOf = (file: File): ImportInput => ({
  name: file.name,
  size: file.size,
  load: async () => new Uint8Array(await file.arrayBuffer()),
  slice: async (start, end) => new Uint8Array(await file.slice(start, end).arrayBuffer()),
});

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  if (request.type === 'ack') {
    acknowledge?.();
    return;
  }
  // Progress at most every 50 ms: a thousand small files must not flood the page with renders.
  let last = 0;
  try {
    const prepared = await streamImport(request.files.map(inputOf), (chunk) => new Promise<void>((resolve) => {
      acknowledge = resolve;
      post({ type: 'chunk', chunk });
    }), (done, total, file, bytes) => {
      const now = performance.now();
      if (done === 0 || done === total || now - last > 50) {
        last = now;
        post({ type: 'progress', done, total, file, bytes });
      }
    });
    post({ type: 'done', prepared });
  } catch (error) {
    if (error instanceof ImportFailedError) post({ type: 'failed', problems: error.problems });
    else post({ type: 'failed', problems: [{ kind: 'message', file: '', found: (error as Error).message }] });
  }
};
