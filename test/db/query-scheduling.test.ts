/** Waves and the view/background gate of src/lib/db/querying/query-scheduling.ts. */
import { describe, expect, it } from 'vitest';
import { createWaves, ViewQueryGate, type Settled } from '../../src/lib/db/querying/query-scheduling.ts';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createWaves', () => {
  it('commits the queries started in one task together, once the last has settled', async () => {
    const runInWave = createWaves();
    const commits: string[] = [];
    const queries = ['figures', 'budget', 'status'].map((name) => ({ name, reply: deferred<number[]>() }));
    for (const q of queries) runInWave(() => q.reply.promise, (result: Settled<number>) => commits.push(`${q.name}:${'rows' in result ? result.rows.join() : result.error.message}`));

    queries[1].reply.resolve([2]);
    queries[0].reply.resolve([1]);
    await nextTask();
    expect(commits).toEqual([]); // 'status' still runs: nothing is drawn yet
    queries[2].reply.reject(new Error('boom'));
    await nextTask();
    expect(commits).toEqual(['budget:2', 'figures:1', 'status:boom']);
  });

  it('starts a new wave in a later task', async () => {
    const runInWave = createWaves();
    const commits: string[] = [];
    const slow = deferred<number[]>();
    runInWave(() => slow.promise, () => commits.push('slow'));
    await nextTask();
    runInWave(() => Promise.resolve([1]), () => commits.push('later'));
    await nextTask();
    expect(commits).toEqual(['later']); // not held back by the earlier wave
    slow.resolve([]);
    await nextTask();
    expect(commits).toEqual(['later', 'slow']);
  });
});

describe('ViewQueryGate', () => {
  it('lets a background query go once no view query is in flight', async () => {
    const gate = new ViewQueryGate();
    const first = gate.start();
    let idle = false;
    const waiting = gate.idle().then(() => (idle = true));
    const second = gate.start(); // started in the same task: counts too
    await nextTask();
    first();
    await nextTask();
    expect(idle).toBe(false);
    second();
    second(); // calling twice is harmless
    await waiting;
    expect(idle).toBe(true);
  });

  it('waits for view queries started in the same task as the background one', async () => {
    const gate = new ViewQueryGate();
    let idle = false;
    const waiting = gate.idle().then(() => (idle = true));
    const done = gate.start();
    await nextTask();
    await nextTask();
    expect(idle).toBe(false);
    done();
    await waiting;
    expect(idle).toBe(true);
  });

  it('is idle at once when nothing runs', async () => {
    await expect(new ViewQueryGate().idle()).resolves.toBeUndefined();
  });
});
