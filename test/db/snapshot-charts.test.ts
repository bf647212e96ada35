/**
 * The build's pictures of the overview's charts (src/build/snapshot-charts.ts), drawn from the
 * fixture dataset's snapshot: one per chart, language and width, drawn from the snapshot's own
 * rows, and safe to show as <img> under any Content-Security-Policy.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSnapshot, type BuiltSnapshot } from '../../src/build/snapshot.ts';
import { SNAPSHOT_CHART_WIDTHS, staticSvg } from '../../src/build/snapshot-charts.ts';
import { nearestWidth } from '../../src/lib/db/dataset/snapshot.ts';
import { overviewChartWidth } from '../../src/lib/overview-chart-width.ts';
import { overviewChartList } from '../../src/components/overview/overview-charts.ts';
import { NO_FILTERS } from '../../src/queries/filters.ts';
import { queryKey } from '../../src/queries/query.ts';
import { FIXTURE_DIR } from './helpers.ts';

let built: BuiltSnapshot;
const picture = (name: string) => built.pictures.find((p) => p.name === name)?.svg ?? '';
/** The texts drawn in an SVG, in order. */
const texts = (svg: string) => [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

beforeAll(async () => {
  built = await buildSnapshot(FIXTURE_DIR);
});

describe('snapshot chart pictures', () => {
  it('draws each overview chart in both languages at every width, for exactly the snapshot\'s queries', () => {
    const charts = overviewChartList(NO_FILTERS);
    expect(built.pictures.map((p) => p.name).sort()).toEqual(
      charts.flatMap(({ id }) => ['zh', 'en'].flatMap((lang) => SNAPSHOT_CHART_WIDTHS.map((w) => `${id}.${lang}.${w}.svg`))).sort(),
    );
    for (const { id, query } of charts) {
      expect(built.snapshot.charts?.[id]).toEqual({ key: queryKey(query), widths: [...SNAPSHOT_CHART_WIDTHS], height: 260 });
      expect(built.snapshot.results[queryKey(query)]).toBeDefined();
    }
    for (const width of SNAPSHOT_CHART_WIDTHS) expect(picture(`budget-by-city.zh.${width}.svg`)).toMatch(new RegExp(`^<svg width="${width}" height="260" `));
  });

  it('guesses, for boot.ts\'s early download, the picture a card of a window\'s width will pick', () => {
    const chart = built.snapshot.charts!['budget-by-city'];
    // The widths drawn are those of the cards at these windows (the e2e test measures them).
    expect([390, 1024, 1280, 1440].map((w) => overviewChartWidth(w))).toEqual([...SNAPSHOT_CHART_WIDTHS]);
    // One column up to 720 px, two beyond, and no wider than at 1440 px.
    expect([320, 700, 721, 800, 1100, 1365, 2560].map((w) => overviewChartWidth(w))).toEqual([262, 642, 294.5, 334, 484, 616.5, 654]);
    expect([320, 700, 721, 800, 1100, 1365, 2560].map((w) => nearestWidth(chart, overviewChartWidth(w)))).toEqual([332, 654, 332, 332, 446, 654, 654]);
    // A scrollbar's gutter narrows the layout, not the media query.
    expect(overviewChartWidth(1440, 1425)).toBe(646.5);
  });

  it('shows the snapshot\'s rows: cities, status labels and counts (fixture: 8 met, 3 partial, 2 not met, 2 unknown)', () => {
    expect(texts(picture('budget-by-city.zh.654.svg'))).toEqual(expect.arrayContaining(['株洲市', '益阳市', '年初预算', '全年预算', '全年执行', '万元']));
    expect(texts(picture('budget-by-city.en.654.svg'))).toEqual(expect.arrayContaining(['Initial budget', 'CNY M']));
    const zh = texts(picture('indicator-status.zh.654.svg'));
    expect(zh).toEqual(expect.arrayContaining(['达成', '部分达成', '未达成', '无法判断']));
    const en = texts(picture('indicator-status.en.332.svg'));
    expect(en).toEqual(expect.arrayContaining(['Met', 'Not met']));
    // The bar labels: one count per status, in the query's order.
    expect(zh.filter((text) => /^\d+$/.test(text))).toEqual(expect.arrayContaining(['8', '3', '2']));
  });

  it('writes no inline styles, style sheets or hydration data, and well-formed attributes', () => {
    for (const { name, svg } of built.pictures) {
      expect(svg, name).not.toMatch(/\sstyle=|<style|ecmeta_|\sclass=/);
      for (const tag of svg.match(/<[a-z][^>]*>/g) ?? []) {
        // Every attribute is name="value" with no stray quote: the whole tag parses.
        expect(tag.replace(/\s[a-zA-Z:-]+="[^"<]*"/g, ''), `${name}: ${tag}`).toMatch(/^<[a-z]+\s*\/?>$/);
      }
    }
    expect(picture('budget-by-city.zh.654.svg')).toMatch(/font-family="'Noto Sans CJK SC', /);
  });

  it('turns style declarations into presentation attributes and drops hover styles', () => {
    const svg = '<svg><style ><![CDATA[.a:hover { cursor:pointer; }]]></style><text style="font-size:12px;font-family:\'A B\', sans-serif;" x="1">t</text></svg>';
    expect(staticSvg(svg)).toBe('<svg><text font-size="12px" font-family="\'A B\', sans-serif" x="1">t</text></svg>');
    // Entities in the style survive the move (the `;` of `&quot;` does not end a declaration).
    expect(staticSvg('<text style="font-family:&quot;x;y&quot;, serif" class="zr0-cls-1" ecmeta_data_index="0">a</text>'))
      .toBe('<text font-family="&quot;x;y&quot;, serif">a</text>');
    // The shorthand `font` has no presentation attribute: the build stops rather than draw without it.
    expect(() => staticSvg('<text style="font:12px sans-serif">a</text>')).toThrow(/font: 12px sans-serif/);
  });
});
