/**
 * Runs prepare-import.ts in a worker of its own (a module worker Vite bundles; the CSP allows
 * worker-src 'self') so that parsing a thousand files never freezes the page.
 */
import { ImportFailedError } from './import-problem.ts';
import type { WorkerReply } from './parse-protocol.ts';
import type { ImportProgress, PreparedImport } from './prepare-import.ts';

export function prepareImportInWorker(files: readonly File[], onProgress: ImportProgress): Promise<PreparedImport> {
  const worker = new Worker(new URL('./parse-worker.ts', import.meta.url), { type: 'module', name: 'import-parser' });
  return new Promise<PreparedImport>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
      if (reply.type === 'progress') onProgress(reply.done, reply.total, reply.file);
      else if (reply.type === 'done') resolve(reply.prepared);
      else reject(new ImportFailedError(reply.problems));
    };
    worker.onerror = (event) => reject(new Error(`import worker failed: ${event.message}`));
    worker.postMessage({ files: [...files] });
  }).finally(() => worker.terminate());
}
