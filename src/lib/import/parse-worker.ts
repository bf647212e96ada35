/**
 * The import's worker: reads the chosen files, parses and checks them (prepare-import.ts) off the
 * main thread, and reports progress after each file. One message in, progress messages and one
 * result out; the page terminates the worker afterwards.
 */
import { ImportFailedError } from './import-problem.ts';
import { prepareImport } from './prepare-import.ts';
import type { WorkerReply, WorkerRequest } from './parse-protocol.ts';

const post = (reply: WorkerReply) => (self as unknown as Worker).postMessage(reply);

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const inputs = event.data.files.map((file) => ({ name: file.name, load: async () => new Uint8Array(await file.arrayBuffer()) }));
  // Progress at most every 50 ms: a thousand small files must not flood the page with renders.
  let last = 0;
  try {
    const prepared = await prepareImport(inputs, (done, total, file) => {
      const now = performance.now();
      if (done === 0 || done === total || now - last > 50) {
        last = now;
        post({ type: 'progress', done, total, file });
      }
    });
    post({ type: 'done', prepared });
  } catch (error) {
    if (error instanceof ImportFailedError) post({ type: 'failed', problems: error.problems });
    else post({ type: 'failed', problems: [{ kind: 'message', file: '', found: (error as Error).message }] });
  }
};
