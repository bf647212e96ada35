/**
 * The code's layers (src/features/README.md, issue 17): a view imports shared code, never another
 * view; the build, the CLI, the parser and the shared code import no view. Read from the import
 * statements of every source file, with a self-check that the reading finds an import.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const src = join(root, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** The files under src/ that `file` imports (relative specifiers only), as paths from src/. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:from\s+|import\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]);
  return specifiers.map((spec) => relative(src, resolve(dirname(file), spec)));
}

const featureOf = (path: string): string | null => /^features\/([^/]+)\//.exec(path)?.[1] ?? null;

describe('layers', () => {
  const files = sourceFiles(src).map((file) => ({ path: relative(src, file), imports: importsOf(file) }));

  it('finds the imports it checks', () => {
    const view = files.find((f) => f.path === 'features/overview/overview-view.tsx');
    expect(view?.imports).toContain('queries/overview-queries.ts');
  });

  it('has no view import another view', () => {
    const crossing = files.flatMap(({ path, imports }) => {
      const own = featureOf(path);
      return own ? imports.filter((target) => featureOf(target) && featureOf(target) !== own).map((target) => `${path} → ${target}`) : [];
    });
    expect(crossing).toEqual([]);
  });

  it('has the build, the CLI, the parser and the shared code import no view', () => {
    const shared = /^(build|cli|parser|lib|queries|components)\//;
    const intoViews = files.flatMap(({ path, imports }) =>
      shared.test(path) ? imports.filter((target) => target.startsWith('features/')).map((target) => `${path} → ${target}`) : []);
    expect(intoViews).toEqual([]);
  });
});
