import { describe, expect, it } from 'vitest';
import { makeCell } from '../../src/parser/grid';
import { segmentRows, type BreakKind } from '../../src/parser/segment';

/** Rows of cell texts as flattened Word prints them: a blank line between rows, none between cells. */
function run(rows: string[][], joins: BreakKind[] = []) {
  const cells = rows.flat().map((t, i) => makeCell(t, i + 1, `L${i + 1}`));
  const breakBefore: BreakKind[] = [];
  rows.forEach((row, r) => row.forEach((_, c) => breakBefore.push(c === 0 && r > 0 ? (joins[r] ?? 'blank') : 'none')));
  return { cells, breakBefore };
}
const texts = (rows: ReturnType<typeof segmentRows>) => rows.map((r) => r.cells.map((c) => c.text));
const row = (name: string, n: number) => [name, ...Array.from({ length: n - 1 }, (_, i) => `${name}${i + 1}`)];

describe('segmentRows', () => {
  it('cuts at the blank lines when every row has the block\'s width', () => {
    const rows = [row('a', 4), row('b', 4), row('c', 4)];
    expect(texts(segmentRows(run(rows), 4))).toEqual(rows);
  });

  it('cuts where a blank line between two rows is missing, when nothing else makes rows', () => {
    const rows = [row('a', 4), row('b', 4), row('c', 4)];
    const out = segmentRows(run(rows, ['blank', 'blank', 'none']), 4);
    expect(texts(out)).toEqual(rows);
    expect(out.map((r) => r.repair)).toEqual([null, null, null]);
  });

  it('keeps a row with a cell too many whole between its blank lines, marked long, not cut one column off', () => {
    const rows = [row('a', 4), row('b', 5), row('c', 4)];
    const out = segmentRows(run(rows), 4);
    expect(texts(out)).toEqual(rows);
    expect(out.map((r) => r.repair)).toEqual([null, 'long', null]);
  });

  it('prefers one short and one long row at blank lines to a chain of cuts where no blank line is', () => {
    // 3 + 4 + 4 + 5 cells make four rows of 4 only if three rows have lost their blank line.
    const rows = [row('a', 3), row('b', 4), row('c', 4), row('d', 5)];
    const out = segmentRows(run(rows), 4);
    expect(texts(out)).toEqual(rows);
    expect(out.map((r) => r.repair)).toEqual(['short', null, null, 'long']);
  });

  it('never makes one long row of two short rows across a blank line', () => {
    const rows = [row('a', 3), row('b', 3)];
    expect(texts(segmentRows(run(rows), 4))).toEqual(rows);
  });
});
