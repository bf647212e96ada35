/**
 * A worker thread of the ingest's pool (parse-pool.ts): reads and parses the files it is sent,
 * one message each, and answers with what parseFile makes of them, under the same id.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { MessageLang } from '../../parser/types.ts';
import { parseFile } from './parse-file.ts';

export interface ParseTask {
  id: number;
  file: string;
  name: string;
}

const { lang } = workerData as { lang: MessageLang };
parentPort!.on('message', async ({ id, file, name }: ParseTask) => {
  parentPort!.postMessage({ id, outcome: await parseFile(file, name, lang) });
});
