/** What a failed import offers (src/features/import/failed-import.ts): readable files, and skip/replace of reports already there. */
import { describe, expect, it } from 'vitest';
import { offerOf } from '../../src/features/import/failed-import.ts';
import type { ImportProblem } from '../../src/lib/import/import-problem.ts';

const file = (name: string) => new File(['x'], name);
const [a, book, memo] = [file('a.txt'), file('book.xlsx'), file('memo.txt')];

describe('offerOf', () => {
  it('offers the files without a problem when every problem names a file, counting each file\'s problems', () => {
    const problems: ImportProblem[] = [
      { kind: 'unreadable', file: 'memo.txt', found: 'no table' },
      { kind: 'notNumber', file: 'book.xlsx › indicators', line: 3, column: 'weight', found: 'x' },
      { kind: 'more', file: 'book.xlsx › indicators', count: 4 },
    ];
    const offer = offerOf(problems, [a, book, memo], true);
    expect(offer.results.map((r) => [r.file.name, r.problems])).toEqual([['a.txt', 0], ['book.xlsx', 5], ['memo.txt', 1]]);
    expect(offer.readable).toEqual([a]);
    expect(offer.same).toBe(0);
  });

  it('offers no file when a problem is about the import as a whole, or when no file is readable', () => {
    expect(offerOf([{ kind: 'noReports', file: '' }, { kind: 'unreadable', file: 'memo.txt' }], [a, memo], true).readable).toEqual([]);
    expect(offerOf([{ kind: 'unreadable', file: 'memo.txt' }], [memo], true).readable).toEqual([]);
  });

  it('offers to skip or replace when the only problems are reports already there, when adding', () => {
    const same: ImportProblem[] = [
      { kind: 'sameContentLoaded', file: 'a.txt', found: 'a', expected: '000' },
      { kind: 'duplicateLoaded', file: 'memo.txt', found: 'memo' },
      { kind: 'more', file: '', count: 30 },
    ];
    expect(offerOf(same, [a, memo], true).same).toBe(32);
    expect(offerOf(same, [a, memo], false).same).toBe(0);
    expect(offerOf([...same, { kind: 'orphan', file: 'a.txt', found: 'z' }], [a, memo], true).same).toBe(0);
  });
});
