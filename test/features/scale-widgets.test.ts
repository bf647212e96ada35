/**
 * The pieces that keep long lists and charts small (issue 18): the filter window's matching and
 * row range, and the category axis' zoom, which must leave charts of few categories untouched.
 */
import { describe, expect, it } from 'vitest';
import { categoryZoom, needsZoom, ZOOM_VISIBLE } from '../../src/components/category-zoom.ts';
import { matchOptions, OPTION_ROW_HEIGHT, windowRange } from '../../src/components/option-window.tsx';

const options = ['株洲市中小企业专项资金', '益阳市工业专项', 'Zhuzhou SME fund', '长沙市工业发展资金'].map((label, i) => ({ value: `v${i}`, label, count: i }));

describe('matchOptions', () => {
  it('keeps the options containing every word, in list order, case-insensitively', () => {
    expect(matchOptions(options, '工业').map((o) => o.value)).toEqual(['v1', 'v3']);
    expect(matchOptions(options, ' 长沙  工业 ').map((o) => o.value)).toEqual(['v3']);
    expect(matchOptions(options, 'sme').map((o) => o.value)).toEqual(['v2']);
    expect(matchOptions(options, 'v0').map((o) => o.label)).toEqual(['株洲市中小企业专项资金']); // by value too
    expect(matchOptions(options, '')).toBe(options);
    expect(matchOptions(options, '上海')).toEqual([]);
  });
});

describe('windowRange', () => {
  it('renders the rows in view and a few around them, never past the list', () => {
    const [first, last] = windowRange(0, 3291);
    expect(first).toBe(0);
    expect(last - first).toBeLessThan(30);
    const [from, to] = windowRange(1000 * OPTION_ROW_HEIGHT, 3291);
    expect(from).toBeLessThanOrEqual(1000);
    expect(to).toBeGreaterThan(1009);
    expect(to - from).toBeLessThan(30);
    expect(windowRange(3290 * OPTION_ROW_HEIGHT, 3291)[1]).toBe(3291);
    expect(windowRange(0, 3)).toEqual([0, 3]);
  });
});

describe('categoryZoom', () => {
  it('adds nothing up to ZOOM_VISIBLE categories', () => {
    expect(categoryZoom(ZOOM_VISIBLE)).toEqual({});
    expect(needsZoom(ZOOM_VISIBLE)).toBe(false);
  });

  it('past that, a slider and a drag on the category axis over a window of ZOOM_VISIBLE, at the start or the end', () => {
    const { dataZoom } = categoryZoom(51) as { dataZoom: Record<string, unknown>[] };
    expect(dataZoom.map((z) => z.type)).toEqual(['slider', 'inside']);
    for (const zoom of dataZoom) expect(zoom).toMatchObject({ yAxisIndex: 0, startValue: 0, endValue: ZOOM_VISIBLE - 1, zoomLock: true });
    expect(dataZoom[1]).toMatchObject({ zoomOnMouseWheel: false, moveOnMouseWheel: false });
    const atEnd = (categoryZoom(51, 'y', undefined, 'end') as { dataZoom: Record<string, unknown>[] }).dataZoom[0];
    expect(atEnd).toMatchObject({ startValue: 51 - ZOOM_VISIBLE, endValue: 50 });
    expect((categoryZoom(20, 'x') as { dataZoom: Record<string, unknown>[] }).dataZoom[0]).toMatchObject({ xAxisIndex: 0 });
  });
});
