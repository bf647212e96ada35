/**
 * The worker threads' code: parse-worker.ts and all it imports, bundled into one CommonJS script
 * that a Worker evaluates. A worker does not inherit the `--import tsx` the CLI runs under, and
 * registering tsx in each worker cost ~1.5 s before its first file (every module resolved through
 * a loader thread); the bundle starts in ~0.3 s. It is made by the esbuild tsx itself runs on
 * (so no package of its own), once per process, in esbuild's own process (~0.2 s).
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

let script: Promise<string> | null = null;

export function workerScript(): Promise<string> {
  script ??= bundle();
  return script;
}

async function bundle(): Promise<string> {
  const fromTsx = createRequire(createRequire(import.meta.url).resolve('tsx/package.json'));
  const esbuild = fromTsx('esbuild') as typeof import('esbuild');
  try {
    const result = await esbuild.build({
      entryPoints: [fileURLToPath(new URL('./parse-worker.ts', import.meta.url))],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: `node${process.versions.node.split('.')[0]}`,
      write: false,
      logLevel: 'silent',
    });
    return result.outputFiles[0].text;
  } finally {
    await esbuild.stop();
  }
}
