/**
 * The shape of src/lib/db: no import cycle between its modules (a cycle once joined client.ts and
 * import-store.ts), and no state kept in module variables: what the page keeps lives in its
 * DuckDbSession (session.ts), so that a test gets a fresh page with `new DuckDbSession()`.
 * Imports that TypeScript erases (`import type`) are not edges: they load nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const DB = resolve(import.meta.dirname, '../../src/lib/db');

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : /\.tsx?$/.test(entry.name) ? [join(dir, entry.name)] : []);

/** Relative specifiers a module loads when it runs: static imports and re-exports (not `import type`/`export type`), and dynamic imports. */
export function runtimeImports(source: string): string[] {
  const statics = [...source.matchAll(/^\s*(import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"](\.[^'"]+)['"]/gm)].map((m) => m[2]);
  const dynamics = [...source.matchAll(/\bimport\(\s*['"](\.[^'"]+)['"]\s*\)/g)].map((m) => m[1]);
  return [...statics, ...dynamics];
}

/** A cycle in `graph` (module → modules it loads), as the path around it, or null. */
export function findCycle(graph: ReadonlyMap<string, readonly string[]>): string[] | null {
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (node: string): string[] | null => {
    const at = path.indexOf(node);
    if (at >= 0) return [...path.slice(at), node];
    if (done.has(node)) return null;
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    done.add(node);
    return null;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return null;
}

function dbGraph(): Map<string, string[]> {
  const files = sourceFiles(DB);
  return new Map(files.map((file) => [
    relative(DB, file),
    runtimeImports(readFileSync(file, 'utf8'))
      .map((spec) => resolve(dirname(file), spec))
      .filter((target) => target.startsWith(`${DB}/`))
      .map((target) => relative(DB, target)),
  ]));
}

describe('src/lib/db', () => {
  it('finds a cycle when there is one (the check itself)', () => {
    expect(findCycle(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']]]))).toEqual(['a', 'b', 'c', 'a']);
    expect(findCycle(new Map([['a', ['b', 'c']], ['b', ['c']], ['c', []]]))).toBeNull();
    expect(runtimeImports("import type { A } from './a.ts';\nimport { b, type B } from './b.ts';\nexport { c } from './c.ts';\nconst d = import('./d.ts');"))
      .toEqual(['./b.ts', './c.ts', './d.ts']);
  });

  it('has no import cycle between its modules', () => {
    const graph = dbGraph();
    expect(graph.size).toBeGreaterThan(20);
    expect(graph.get('startup/open-dataset.ts')).toContain('imports/import-store.ts'); // the graph sees dynamic imports
    expect(findCycle(graph)).toBeNull();
  });

  it('keeps no state in module variables: the one reference to the page\'s session aside', () => {
    // The worker's entry runs in the worker, a realm of its own (its state is that worker's).
    const files = sourceFiles(DB).filter((file) => !file.endsWith('engine/duckdb-worker.ts'));
    const moduleState = files.flatMap((file) =>
      readFileSync(file, 'utf8').split('\n')
        .filter((line) => /^(export\s+)?(let|var)\s/.test(line) || /^(export\s+)?const\s+\w+(\s*:[^=]+)?\s*=\s*(new\s+(Map|Set|WeakMap|Array)\b|\[\])/.test(line))
        .map((line) => `${relative(DB, file)}: ${line.trim()}`));
    expect(moduleState).toEqual(['session.ts: let page: DuckDbSession | null = null;']);
  });
});
