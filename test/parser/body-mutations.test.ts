/**
 * Every real layout, in every format, changed in the ways real files are changed by hand or by
 * converters (fixtures/mutate.ts): a blank column or row, a blank cell too many at a row's end or
 * before its own cells, a row span one row too long, a table split in two physical tables, a merge
 * across split into cells. Each changed file must read as the original, figure for figure, or be
 * refused. About 18,000 files; the list of what differs names the layout, format and change.
 */
import { describe, expect, it } from 'vitest';
import { LAYOUTS } from './fixtures/layouts.ts';
import { departures, mutations, outcome, RENDER } from './fixtures/mutate.ts';

function wrongFigures(kinds: string[], formats: string[]): { tried: number; problems: string[] } {
  let tried = 0;
  const problems: string[] = [];
  for (const spec of LAYOUTS) {
    for (const format of formats) {
      if (format === 'tab' && spec.textFaithful !== 'both') continue;
      if ((format === 'pipe' || format === 'drop') && spec.textFaithful === 'none') continue;
      const [render, ext] = RENDER[format];
      const name = `${spec.name}.${ext}`;
      const original = outcome(render(spec), name);
      for (const mutation of mutations(spec, new Set(kinds))) {
        tried++;
        const found = departures(original, outcome(render(mutation.spec), name));
        if (found.length > 0) problems.push(`${spec.name} ${format} | ${mutation.what}: ${found.slice(0, 3).join('; ')}`);
      }
    }
  }
  return { tried, problems };
}

const ALL = Object.keys(RENDER);

describe('body mutations: read as the original or refused', () => {
  it.each([
    ['a blank column inserted', 'col'],
    ['a blank row inserted', 'row'],
    ['a blank cell too many at a row\'s end', 'extra'],
    ['a blank cell too many before a row\'s own cells', 'extraFront'],
    ['a table split into two physical tables', 'split'],
    ['a merge across split into separate cells', 'unmergeAcross'],
  ])('%s', (_what, kind) => {
    const { tried, problems } = wrongFigures([kind], ALL);
    expect(tried).toBeGreaterThan(900);
    expect(problems).toEqual([]);
  }, 60_000);

  // In Excel a blank cell beyond the header leaves no trace, so a row pushed right by a merge one
  // row too long may look whole; the shifts it gives are caught by what lands where (a figure
  // under 偏差原因, a header word in a body row), not by the row's width. The readers that know
  // every cell (Word, web pages) and text must show no difference at all.
  it('a row span one row too long (Word, web pages, text)', () => {
    const { tried, problems } = wrongFigures(['rsplus'], ALL.filter((f) => f !== 'xlsx'));
    expect(tried).toBeGreaterThan(5000);
    expect(problems).toEqual([]);
  }, 120_000);
});
