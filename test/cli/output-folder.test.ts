/**
 * The ingest's output folder (src/cli/output-folder.ts): one switch from one set of tables to
 * the next, an unchanged set left alone, an older ingest's folder taken over, and the leftovers of
 * killed runs removed, never those of a run still going. Killing real runs: ingest-faults.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, readlink, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CURRENT, removeLeftovers, replaceTables, tablesFolder } from '../../src/cli/output-folder.ts';

/** An output folder in a parent of its own, so that what is beside it is the test's alone. */
const outputFolder = async () => path.join(await mkdtemp(path.join(tmpdir(), 'output-folder-')), 'out');

/** A write for replaceTables: these files with these contents. */
const files = (contents: Record<string, string>) => async (staging: string) => {
  for (const [name, content] of Object.entries(contents)) await writeFile(path.join(staging, name), content);
  return Object.keys(contents);
};

const read = async (folder: string) =>
  Object.fromEntries(await Promise.all((await readdir(folder)).sort().map(async (name) => [name, await readFile(path.join(folder, name), 'utf8')])));

/** The id of a process that has ended. */
const endedPid = () => spawnSync('true').pid;

describe('replaceTables', () => {
  it('switches current to a new version and removes the old one', async () => {
    const out = await outputFolder();
    expect(await replaceTables(out, files({ 'reports.csv': 'a', 'findings.csv': 'a' }))).toEqual([
      path.join(out, CURRENT, 'reports.csv'), path.join(out, CURRENT, 'findings.csv'),
    ]);
    const first = await readlink(path.join(out, CURRENT));
    await replaceTables(out, files({ 'reports.csv': 'b', 'findings.csv': 'b' }));
    const second = await readlink(path.join(out, CURRENT));
    expect(second).not.toBe(first);
    expect((await readdir(out)).sort()).toEqual([second, CURRENT]);
    expect(await read(path.join(out, CURRENT))).toEqual({ 'findings.csv': 'b', 'reports.csv': 'b' });
    expect(await readdir(path.dirname(out))).toEqual(['out']);
  });

  it('keeps the files of the current set that a run does not write, and leaves an unchanged set as it is', async () => {
    const out = await outputFolder();
    await replaceTables(out, files({ 'reports.csv': 'a' }));
    await replaceTables(out, files({ 'fund-performance.duckdb': 'db' }));
    const version = await readlink(path.join(out, CURRENT));
    expect(await read(path.join(out, CURRENT))).toEqual({ 'fund-performance.duckdb': 'db', 'reports.csv': 'a' });
    await replaceTables(out, files({ 'fund-performance.duckdb': 'db' }));
    expect(await readlink(path.join(out, CURRENT))).toBe(version);
    expect((await readdir(out)).sort()).toEqual([version, CURRENT]);
  });

  it('takes over a folder an older ingest wrote: its tables move into the version, its other files stay', async () => {
    const out = await outputFolder();
    await mkdir(path.join(out, 'raw'), { recursive: true });
    await writeFile(path.join(out, 'raw', 'report.txt'), 'input');
    await writeFile(path.join(out, 'reports.csv'), 'old');
    await writeFile(path.join(out, 'findings.csv'), 'old');
    await replaceTables(out, files({ 'reports.csv': 'new' }));
    expect(await read(path.join(out, CURRENT))).toEqual({ 'findings.csv': 'old', 'reports.csv': 'new' });
    expect((await readdir(out)).filter((name) => !name.startsWith('.')).sort()).toEqual([CURRENT, 'raw']);
    expect(await read(path.join(out, 'raw'))).toEqual({ 'report.txt': 'input' });
  });
});

describe('replaceTables, more than one run at a time in one process', () => {
  it('keeps each run\'s staging to itself: one failing while another writes removes only its own', async () => {
    const [first, second] = [await outputFolder(), await outputFolder()];
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const failing = replaceTables(second, async (staging) => {
      await writeFile(path.join(staging, 'reports.csv'), 'second');
      await gate;
      throw new Error('disk full');
    });
    // The first run is still writing (as an ingest parsing its files) when the second fails.
    const slow = replaceTables(first, async (staging) => {
      await writeFile(path.join(staging, 'reports.csv'), 'first');
      release();
      await failing.catch(() => {});
      await writeFile(path.join(staging, 'findings.csv'), 'first');
      return ['reports.csv', 'findings.csv'];
    });
    await expect(failing).rejects.toThrow('disk full');
    await slow;
    expect(await read(path.join(first, CURRENT))).toEqual({ 'findings.csv': 'first', 'reports.csv': 'first' });
    expect(await readdir(path.dirname(second))).toEqual([]);
  });

  it('makes nothing when the write has nothing to write, not even the output folder', async () => {
    const out = await outputFolder();
    expect(await replaceTables(out, async (staging) => {
      await writeFile(path.join(staging, 'reports.csv'), 'partial');
      return null;
    })).toEqual([]);
    expect(await readdir(path.dirname(out))).toEqual([]);
  });
});

describe('tablesFolder', () => {
  it('is <dir>/current for an ingest\'s folder and the folder itself for one made by hand', async () => {
    const out = await outputFolder();
    await mkdir(out);
    expect(tablesFolder(out)).toBe(out);
    await replaceTables(out, files({ 'reports.csv': 'a' }));
    expect(tablesFolder(out)).toBe(path.join(out, CURRENT));
  });
});

describe('removeLeftovers', () => {
  it('removes what killed runs left beside and inside the output, and nothing of a live run or of anyone else', async () => {
    const out = await outputFolder();
    await replaceTables(out, files({ 'reports.csv': 'a' }));
    const current = await readlink(path.join(out, CURRENT));
    const parent = path.dirname(out);
    const ended = endedPid();
    const mine = process.pid;
    const made = [
      path.join(parent, `.out.ingest-${ended}-1`), // staging beside, killed
      path.join(out, `.ingest-${ended}-1`), // staging inside, by an ingest before the switch
      path.join(out, `.tables-${ended}-1`), // moved in, killed before the switch
      path.join(parent, `.out.ingest-${mine}-1`), // a live run's
      path.join(out, `.tables-${mine}-1`),
      path.join(parent, `.other.ingest-${ended}-1`), // another output folder's
      path.join(out, '.tables-notes'), // not a name of ours
    ];
    for (const folder of made) await mkdir(folder);
    await symlink(`.tables-${ended}-1`, path.join(out, `.current-${ended}-1`)); // the link not yet renamed
    await removeLeftovers(out);
    expect((await readdir(parent)).sort()).toEqual([`.other.ingest-${ended}-1`, `.out.ingest-${mine}-1`, 'out']);
    expect((await readdir(out)).sort()).toEqual([current, '.tables-notes', `.tables-${mine}-1`, CURRENT].sort());
  });

  it('does nothing when the output folder does not exist yet', async () => {
    await expect(removeLeftovers(await outputFolder())).resolves.toBeUndefined();
  });
});
