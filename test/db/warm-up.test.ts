/** The idle warm-up of filter statements (src/lib/db/startup/warm-up.ts), with the session's queries faked. */
import { describe, expect, it, vi } from 'vitest';
import { DuckDbSession } from '../../src/lib/db/session.ts';
import { warmUpFilterChanges } from '../../src/lib/db/startup/warm-up.ts';
import type { Filters } from '../../src/queries/filters.ts';
import type { Query } from '../../src/queries/query.ts';

const calls: { name: string; params: readonly unknown[]; priority: string }[] = [];
const session = new DuckDbSession();
session.query = vi.fn(async (q: Query, priority: string) => {
    calls.push({ name: q.name, params: q.params, priority });
    if (q.name === 'filter-options') {
      return [
        { dimension: 'year', value: '2023', rows: 5 },
        { dimension: 'city', value: '株洲市', rows: 2 },
        { dimension: 'city', value: '益阳市', rows: 1 },
        { dimension: 'status', value: 'met', rows: 40 },
      ];
    }
    return [];
  }) as DuckDbSession['query'];

describe('warmUpFilterChanges', () => {
  it('runs the view\'s queries for each filter that has a value and each pair of them, in the background, once per page', async () => {
    const seen: Filters[] = [];
    const queriesFor = (filters: Filters): Query[] => {
      seen.push(filters);
      return [{ name: 'view-query', sql: 'SELECT 1', params: Object.values(filters).flat() as (string | number)[] }];
    };
    // The view's redraws run one per task, and one that throws stops neither the others nor the mark.
    const redrawn: string[] = [];
    const redraws = () => [() => redrawn.push('a'), () => {
      throw new Error('chart gone');
    }, () => redrawn.push('c')];
    warmUpFilterChanges(session, queriesFor, redraws);
    warmUpFilterChanges(session, queriesFor); // a second view mounting: no second warm-up
    await vi.waitFor(() => expect(performance.getEntriesByName('warm-up:done')).toHaveLength(1));

    expect(seen).toEqual([
      { year: [2023] }, { city: ['株洲市'] }, { status: ['met'] },
      { year: [2023], city: ['株洲市'] }, { year: [2023], status: ['met'] }, { city: ['株洲市'], status: ['met'] },
    ]);
    expect(calls.map((c) => c.name)).toEqual(['filter-options', ...Array(6).fill('view-query')]);
    expect(redrawn).toEqual(['a', 'c']);
    expect(calls.every((c) => c.priority === 'background')).toBe(true);
    expect(calls[1].params).toEqual([2023]); // years are numbers, as the URL state makes them
  });
});
