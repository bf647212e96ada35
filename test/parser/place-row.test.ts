import { describe, expect, it } from 'vitest';
import { makeCell, type Cell } from '../../src/parser/grid';
import { alignCells, type Fit, type Losses } from '../../src/parser/layout/place-row';

type M = 'level2' | 'level3' | 'target' | 'actual' | 'weight' | 'score' | 'deviation' | `pad${number}`;

const cells = (...texts: string[]) => texts.map((t, i) => makeCell(t, i + 1, `L${i + 1}`));
const CATEGORY = /^(数量|质量|时效|成本)指标$/;
const NUMBER = /^\d+(\.\d+)?$/;

/** A shape test like the indicator table's: categories in 二级 only, numbers in 分值/得分 only. */
function counting() {
  let calls = 0;
  const fit = (meaning: M, cell: Cell): Fit => {
    calls++;
    if (cell.compact === '') return 'empty';
    if (meaning === 'level2') return CATEGORY.test(cell.compact) ? 'fits' : 'misfit';
    if (meaning === 'weight' || meaning === 'score') return NUMBER.test(cell.compact) ? 'fits' : 'misfit';
    if (meaning.startsWith('pad')) return 'misfit';
    if (CATEGORY.test(cell.compact)) return 'misfit';
    if (meaning === 'deviation' && NUMBER.test(cell.compact)) return 'misfit';
    return 'fits';
  };
  return { fit, calls: () => calls };
}

const COLUMNS: M[] = ['level2', 'level3', 'target', 'actual', 'weight', 'score', 'deviation'];
const MERGED: Losses<M> = { kind: 'merged', keep: new Set<M>(['level3']), together: [['weight', 'score']] };
const texts = (values: Partial<Record<M, Cell>>) => Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v!.text]));

describe('alignCells: a short row', () => {
  it('places a row that lost its merged 二级 cell on the columns its cells fit', () => {
    const { fit } = counting();
    const out = alignCells(cells('桥涵检查', '按季度检查', '已按季度检查', '20', '18', ''), COLUMNS, fit, { losses: MERGED });
    expect(out && texts(out.values)).toEqual({ level3: '桥涵检查', target: '按季度检查', actual: '已按季度检查', weight: '20', score: '18', deviation: '' });
    expect(out!.missing).toEqual(['level2']);
  });

  it('refuses a row two arrangements fit with a cell of text in different columns', () => {
    const { fit } = counting();
    // 20 may be the weight (score lost with it? no: together) or the 得分 … a bare number fits target too
    const out = alignCells(cells('桥涵检查', '按季度检查', '已检查'), COLUMNS, fit, { losses: MERGED });
    expect(out).toBeNull(); // the last two cells may be target+actual or actual+deviation
  });

  it('never loses a column `keep` names, and loses 分值 and 得分 together or not at all', () => {
    const { fit } = counting();
    expect(alignCells(cells('按季度检查', '已检查', '20', '18'), ['level3', 'target', 'actual', 'weight', 'score'] as M[], fit,
      { losses: { kind: 'merged', keep: new Set<M>(['level3']), together: [] } })).toBeNull();
    const lostOne = alignCells(cells('路肩清理', '定期', '已清理', '10', ''), ['level3', 'target', 'actual', 'weight', 'score', 'deviation'] as M[], fit, { losses: MERGED });
    expect(lostOne && texts(lostOne.values)).toEqual({ level3: '路肩清理', target: '定期', actual: '已清理', weight: '10', score: '' });
  });

  it('does the work of a polynomial, not of every arrangement, on a row of many blank columns', () => {
    const { fit, calls } = counting();
    const pads = Array.from({ length: 40 }, (_, i) => `pad${i}` as M);
    const blanks = Array.from({ length: 20 }, () => '');
    const out = alignCells(cells('桥涵检查', '按季度检查', '已按季度检查', '20', '18', ...blanks), [...COLUMNS, ...pads], (m, c) => (m.startsWith('pad') && c.compact === '' ? 'empty' : fit(m, c)),
      { losses: { kind: 'merged', keep: new Set<M>(['level3']), together: [['weight', 'score']] } });
    expect(out?.values.score?.text).toBe('18');
    // 26 cells in 47 columns: C(47, 26) arrangements (about 10^13); the states are 26 × 48 × 3.
    expect(calls()).toBeLessThan(20_000);
  });

  it('aligns a fused row only where its cells were cut, at its ends', () => {
    const { fit } = counting();
    const out = alignCells(cells('质量指标', '验收合格率', '100%'), COLUMNS, fit, { losses: { kind: 'edges' } });
    expect(out && texts(out.values)).toEqual({ level2: '质量指标', level3: '验收合格率', target: '100%' });
    expect(out!.offset).toBe(0);
    // Three figures fit as target/actual/分值, actual/分值/得分 or 分值/得分/偏差: no certain place.
    expect(alignCells(cells('20', '18', ''), COLUMNS, fit, { losses: { kind: 'edges' } })).toBeNull();
  });
});

describe('alignCells: a long row', () => {
  it('drops the one blank cell whose removal lets every cell fit (a row typed one column to the right)', () => {
    const { fit } = counting();
    const out = alignCells(cells('', '时效指标', '资金拨付及时率', '≥95%', '96%', '10', '10', ''), COLUMNS, fit, { dropBlanks: true });
    expect(out && texts(out.values)).toEqual({ level2: '时效指标', level3: '资金拨付及时率', target: '≥95%', actual: '96%', weight: '10', score: '10', deviation: '' });
  });

  it('keeps the reading when only interchangeable blanks at the end are extra', () => {
    const { fit } = counting();
    const out = alignCells(cells('质量指标', '验收合格率', '100%', '100%', '10', '10', '', '', ''), COLUMNS, fit, { dropBlanks: true });
    expect(out?.values.score?.text).toBe('10');
    expect(out?.values.deviation?.text).toBe('');
  });

  it('refuses when the extra blank could be before a figure or after it', () => {
    const { fit } = counting();
    // Blank actual and an extra blank: the 10s are 分值/得分 or 实际完成值/分值 … both fit.
    expect(alignCells(cells('质量指标', '验收合格率', '100%', '', '10', '10', ''), ['level2', 'level3', 'target', 'actual', 'weight', 'score'] as M[], fit, { dropBlanks: true })).toBeNull();
  });

  it('never drops a cell with text', () => {
    const { fit } = counting();
    expect(alignCells(cells('质量指标', '验收合格率', '100%', '100%', '10', '10', '备注'), ['level2', 'level3', 'target', 'actual', 'weight', 'score'] as M[], fit, { dropBlanks: true })).toBeNull();
  });
});

describe('alignCells: properties', () => {
  /** A small deterministic generator (mulberry32), so that a failure can be replayed. */
  function random(seed: number) {
    return () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const POOL = ['', '', '', '质量指标', '验收合格率', '≥95%', '96%', '10', '8', '未完成原因'];

  it('places every cell with text, in order, in a column it fits, or answers null (2,000 random rows)', () => {
    const next = random(7);
    const { fit } = counting();
    for (let run = 0; run < 2000; run++) {
      const n = 1 + Math.floor(next() * 9);
      const row = cells(...Array.from({ length: n }, () => POOL[Math.floor(next() * POOL.length)]));
      const options = next() < 0.5
        ? { losses: next() < 0.5 ? MERGED : ({ kind: 'edges' } as Losses<M>) }
        : { dropBlanks: true };
      const out = alignCells(row, COLUMNS, fit, options);
      if (!out) continue;
      const placed = COLUMNS.flatMap((m, c) => (out.values[m] ? [{ cell: out.values[m]!, c, m }] : []));
      // Every cell with text is placed once, left to right as in the row, where it fits.
      const filled = row.filter((c) => c.compact !== '');
      const placedFilled = placed.filter((p) => p.cell.compact !== '');
      expect(placedFilled.map((p) => p.cell)).toEqual(filled);
      for (const p of placed) expect(fit(p.m, p.cell)).not.toBe('misfit');
      if ('losses' in options && options.losses?.kind === 'merged') {
        expect(out.missing).not.toContain('level3');
        expect(out.missing.includes('weight')).toBe(out.missing.includes('score'));
      }
    }
  });
});
