/**
 * The ingest's output folder, switched from one set of tables to the next in a single step.
 *
 * The tables live in a version folder `<out>/.tables-<pid>-<ms>/`, and readers open them
 * through `<out>/current`, a symbolic link to the version in force. A run writes its tables into
 * a staging folder beside the output (`<parent>/.<out>.ingest-<pid>-<ms>/`), renames the finished
 * folder into the output as a new version, then renames a new link over `current`. That last
 * rename(2) is the switch, and it is atomic: a reader, or a run killed at any instant, finds the
 * old set or the new set, never a mix.
 *
 * Why a link inside the folder, and not the folder itself as a link to a version: the bundled
 * dataset's folder data/ also holds the reports it is made from (data/raw), so it must stay a
 * real folder. The files of a folder cannot be replaced together by renaming them one by one (a
 * kill between two renames left old and new tables side by side), nor by renaming a folder over a
 * folder that is not empty (rename(2) refuses). The price is one step in the readers' path,
 * `<out>/current/…` (tablesFolder below).
 */
import { existsSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, readlink, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { TABLE_NAMES } from '../parser/types.ts';
import { DUCKDB_FILE_NAME } from './duckdb-file.ts';

/** The link to the version in force, inside the output folder. */
export const CURRENT = 'current';

/** Every file name the ingest writes. */
const TABLE_FILES = [...TABLE_NAMES.map((table) => `${table}.csv`), DUCKDB_FILE_NAME];

/**
 * Where the tables of a dataset folder are: `<dir>/current` when the ingest wrote it, else the
 * folder itself (a folder of CSVs put together by hand).
 */
export function tablesFolder(dir: string): string {
  return existsSync(path.join(dir, CURRENT)) ? path.join(dir, CURRENT) : dir;
}

/**
 * What runs of ours leave inside the output folder, named after the process that made them:
 * versions, the new link before it is renamed, a staging folder when the output is another file
 * system (and those of ingests before this one, which staged inside).
 */
const OWN_ENTRY = /^\.(?:tables|current|ingest)-(\d+)-\d+$/;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, but another user's
  }
}

/**
 * Removes what killed runs left: their staging folders, a version that never became current (or
 * stayed after it was replaced), the link not yet renamed. Only entries named as this module names
 * them, and only when their process has ended: another ingest may be writing to the same folder.
 */
export async function removeLeftovers(out: string): Promise<void> {
  const current = await readlink(path.join(out, CURRENT)).catch(() => null);
  const ended = (name: string) => {
    const own = OWN_ENTRY.exec(name);
    return own !== null && name !== current && !alive(Number(own[1]));
  };
  const list = (folder: string) => readdir(folder).catch(() => [] as string[]);
  const parent = path.dirname(out);
  const staging = `.${path.basename(out)}.ingest-`; // beside the output: .<out>.ingest-<pid>-<ms>
  const found = [
    ...(await list(parent)).filter((name) => name.startsWith(staging) && ended(`.ingest-${name.slice(staging.length)}`)).map((name) => path.join(parent, name)),
    ...(await list(out)).filter(ended).map((name) => path.join(out, name)),
  ];
  await Promise.all(found.map((entry) => rm(entry, { recursive: true, force: true })));
}

/** The set of tables readers see now: in a version, or (written by an ingest before this one) loose in the output folder. */
interface Previous {
  folder: string;
  names: string[];
  /** The version folder's name, when there is one. */
  version?: string;
}

async function previousTables(out: string): Promise<Previous> {
  const version = await readlink(path.join(out, CURRENT)).catch(() => undefined);
  if (version !== undefined) return { folder: path.join(out, version), names: await readdir(path.join(out, version)), version };
  const loose = await readdir(out);
  return { folder: out, names: TABLE_FILES.filter((name) => loose.includes(name)) };
}

async function sameTables(staging: string, names: string[], previous: Previous): Promise<boolean> {
  if (previous.version === undefined || previous.names.length !== names.length) return false;
  for (const name of names) {
    if (!previous.names.includes(name)) return false;
    const [now, next] = await Promise.all([readFile(path.join(previous.folder, name)), readFile(path.join(staging, name))]);
    if (!now.equals(next)) return false;
  }
  return true;
}

/** Names a run's folders, unique within this process even when runs follow within a millisecond (tests). */
let lastStamp = 0;
/**
 * A run under way. `toRemove`: what it removes if it stops now, on an error or a signal: its
 * staging folder; then the version and the new link, until the switch; after it, what the new
 * version replaced. Each run keeps its own (a process may run several at once, as the tests do,
 * each writing for as long as its files take to parse); a signal's handler clears them all.
 */
interface Run {
  toRemove: string[];
}
const running = new Set<Run>();
/** Set once a switch is made: from then on an interrupted command has its new tables in place. */
let switched = false;

/**
 * Writes a new set of tables with `write(staging)` (which returns the names of the files it
 * wrote, or null when it has nothing to write) and makes it the output's current set, keeping the
 * current set's other files (a `--format duckdb` run into a folder of CSVs adds the database
 * beside them). Returns the paths of the files written, as readers open them; none, and the
 * output as it was (not even made when it was not there), when `write` gives null. An unchanged
 * set is left as it is, so that re-running the ingest on the same reports changes nothing
 * (data/ is committed).
 */
export async function replaceTables(out: string, write: (staging: string) => Promise<string[] | null>): Promise<string[]> {
  await mkdir(path.dirname(out), { recursive: true });
  lastStamp = Math.max(Date.now(), lastStamp + 1);
  const id = `${process.pid}-${lastStamp}`;
  // Beside the output, where no reader looks; inside it (hidden) only when the output is another
  // file system (a mount point), where renaming the staging folder into it would fail. An output
  // not made yet will be made in its parent, on the parent's file system.
  const outDevice = (await stat(out).catch(() => null))?.dev;
  const sameDevice = outDevice === undefined || (await stat(path.dirname(out))).dev === outDevice;
  const staging = sameDevice ? path.join(path.dirname(out), `.${path.basename(out)}.ingest-${id}`) : path.join(out, `.ingest-${id}`);
  const run: Run = { toRemove: [staging] }; // before the mkdir: a signal handled while it is under way must find it
  running.add(run);
  await mkdir(staging);
  try {
    await pauseAt('staging');
    const names = await write(staging);
    if (names === null) return [];
    await mkdir(out, { recursive: true });
    const previous = await previousTables(out);
    const kept = previous.names.filter((name) => !names.includes(name));
    for (const name of kept) await copyFile(path.join(previous.folder, name), path.join(staging, name));
    if (!(await sameTables(staging, [...names, ...kept], previous))) {
      await pauseAt('staged');
      await switchTo(run, out, staging, id, previous);
    }
    return names.map((name) => path.join(out, CURRENT, name));
  } finally {
    await Promise.all(run.toRemove.map((entry) => rm(entry, { recursive: true, force: true })));
    running.delete(run);
  }
}

/**
 * Gives a signal that came while the run was busy (in a synchronous step) its turn before the
 * switch: a signal's handler runs in the event loop's poll phase, which comes after one
 * setImmediate and before the next.
 */
const handlePendingSignals = () => new Promise<void>((resolve) => setImmediate(() => setImmediate(resolve)));

/**
 * Moves the finished staging folder into the output as a version, then points `current` at it.
 * Until that last rename readers see the old set. Each step is followed by its bookkeeping in the
 * same synchronous stretch, so that a signal's handler, wherever it runs, removes what it must
 * (SIGKILL leaves it to the next run's removeLeftovers).
 */
async function switchTo(run: Run, out: string, staging: string, id: string, previous: Previous): Promise<void> {
  const version = `.tables-${id}`;
  const link = path.join(out, `.${CURRENT}-${id}`);
  renameSync(staging, path.join(out, version));
  run.toRemove = [path.join(out, version)];
  await pauseAt('moved-in');
  symlinkSync(version, link);
  run.toRemove.push(link);
  await handlePendingSignals();
  renameSync(link, path.join(out, CURRENT)); // the switch
  switched = true;
  // Replaced: the previous version, or the tables an older ingest left loose (now in the version).
  run.toRemove = previous.version === undefined ? previous.names.map((name) => path.join(out, name))
    : OWN_ENTRY.test(previous.version) ? [path.join(out, previous.version)] : [];
  await pauseAt('switched');
  for (const entry of run.toRemove) removeNow(entry);
  run.toRemove = [];
}

/**
 * A write still under way in libuv's thread pool can add a file to a folder after rmSync has
 * listed it (ENOTEMPTY, seen in the fault tests): list it again. Never throws, so that a handler
 * always ends the run; whatever stays, the next run removes (removeLeftovers).
 */
function removeNow(entry: string): void {
  for (let attempt = 0; attempt < 10; attempt++) {
    try {
      rmSync(entry, { recursive: true, force: true });
      return;
    } catch {
      // again
    }
  }
}

/**
 * Ctrl-C (SIGINT) and SIGTERM remove what this run made and end it with 130 and 143, the shell's
 * codes for them. Only for the command: a process that imports the ingest keeps its own handlers.
 */
export function cleanUpOnSignals(): void {
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    process.on(signal, () => {
      for (const run of running) for (const entry of run.toRemove) removeNow(entry);
      console.error(switched
        ? `已中断（${signal}），新的表已经就位 / interrupted (${signal}) after the new tables were in place`
        : `已中断（${signal}），输出文件夹未改动 / interrupted (${signal}): the output folder is as it was`);
      process.exit(code);
    });
  }
}

/**
 * A hook for the fault tests (test/cli/ingest-faults.test.ts): INGEST_PAUSE_AT=<point> holds
 * the run at that point for 30 s, said on stderr, so that a test can kill it there; a signal is
 * handled at once. The points: staging, staged, moved-in, switched. Without the hook it returns
 * a settled promise, so the run never yields to the event loop (and its signal handlers) there.
 */
async function pauseAt(point: string): Promise<void> {
  if (process.env.INGEST_PAUSE_AT !== point) return;
  process.stderr.write(`ingest: paused at ${point}\n`);
  await new Promise((resolve) => setTimeout(resolve, 30_000));
}
