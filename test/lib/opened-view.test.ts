/** Which view a URL opens, and the pictures boot.ts asks for before any view's code has loaded (src/app/opened-view.ts). */
import { describe, expect, it } from 'vitest';
import { earlyPictures, openedViewId, VIEW_IDS } from '../../src/app/opened-view.ts';

const desktop = { width: 1440, layoutWidth: 1440 };

describe('openedViewId', () => {
  it('opens a known view, and the overview for an unknown or missing one', () => {
    expect(VIEW_IDS[0]).toBe('overview');
    expect(openedViewId('budget')).toBe('budget');
    expect(openedViewId('import')).toBe('import');
    expect(openedViewId('nope')).toBe('overview');
    expect(openedViewId('')).toBe('overview');
  });
});

describe('earlyPictures', () => {
  it('asks for the overview\'s pictures when the URL opens the overview without filters, in its language', () => {
    for (const search of ['', '?view=overview', '?view=', '?view=nope', '?lang=en&data=./data/']) {
      expect(earlyPictures(search, desktop), search).toEqual({ lang: search.includes('lang=en') ? 'en' : 'zh', chartWidth: 654 });
    }
  });

  it('counts only filters the app reads: a blank status or a year in letters is no filter, a blank city is one', () => {
    for (const search of ['?status=', '?level1=', '?year=abc', '?year=']) expect(earlyPictures(search, desktop), search).toBeDefined();
    for (const search of ['?city=', '?department=']) expect(earlyPictures(search, desktop), search).toBeUndefined(); // reports without one
  });

  it('asks for none for another view or a filtered overview', () => {
    for (const search of ['?view=budget', '?view=report&report=001', '?city=株洲市', '?year=2022', '?view=overview&status=met']) {
      expect(earlyPictures(search, desktop), search).toBeUndefined();
    }
  });

  it('gives the width the window will give the cards', () => {
    expect(earlyPictures('', { width: 390, layoutWidth: 390 })?.chartWidth).toBe(332);
    expect(earlyPictures('', { width: 1440, layoutWidth: 1425 })?.chartWidth).toBe(646.5);
  });
});
