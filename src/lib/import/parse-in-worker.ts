/**
 * Runs prepare-import.ts in a worker of its own (a module worker Vite bundles; the CSP allows
 * worker-src 'self') so that parsing a thousand files never freezes the page. The rows come back
 * a chunk at a time to `onChunk`; the worker reads on once it has resolved.
 */
import { ImportFailedError } from './import-problem.ts';
import type { WorkerReply, WorkerRequest } from './parse-protocol.ts';
import type { ChunkSink, ImportProgress, PreparedImport } from './prepare-import.ts';

export function prepareImportInWorker(files: readonly File[], onProgress: ImportProgress, onChunk: ChunkSink): Promise<PreparedImport> {
  const worker = new Worker(new URL('./parse-worker.ts', import.meta.url), { type: 'module', name: 'import-parser' });
  const send = (request: WorkerRequest) => worker.postMessage(request);
  return new Promise<PreparedImport>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
      if (reply.type === 'progress') onProgress(reply.done, reply.total, reply.file, reply.bytes);
      else if (reply.type === 'chunk') onChunk(reply.chunk).then(() => send({ type: 'ack' }), reject);
      else if (reply.type === 'done') resolve(reply.prepared);
      else reject(new ImportFailedError(reply.problems));
    };
    worker.onerror = (event) => reject(new Error(`import worker failed: ${event.message}`));
    send({ type: 'read', files: [...files] });
  }).finally(() => worker.terminate());
}
