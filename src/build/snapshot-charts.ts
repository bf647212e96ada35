/**
 * The overview's charts drawn at build time: ECharts' SVG renderer in Node (server-side
 * rendering) draws each chart's option from the snapshot's rows, in both languages and at the
 * widths the layout gives a chart card. The app shows these pictures until ECharts has loaded
 * and drawn (src/components/chart.tsx), so the first paint waits for neither ECharts nor DuckDB.
 */
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { DEFAULT_CHART_HEIGHT, FONT_FAMILY } from '../components/chart-option.ts';
import { OVERVIEW_PARTS, THEME, THEME_OPTIONS } from '../components/chart-theme.ts';
import { overviewChartList } from '../components/overview/overview-charts.ts';
import { MESSAGES, translator } from '../lib/i18n.ts';
import { snapshotChartFile, type Snapshot, type SnapshotChart } from '../lib/db/dataset/snapshot.ts';
import type { Lang } from '../lib/url-state.ts';
import { NO_FILTERS } from '../queries/filters.ts';
import { queryKey } from '../queries/query.ts';

/**
 * Chart widths in CSS pixels: a card of the two-column grid at a 1440 px window and wider
 * (654), at 1280 (574) and 1024 (446), and the one-column layout of a 390 px phone (332). The
 * app takes the nearest and scales it to the card.
 */
export const SNAPSHOT_CHART_WIDTHS = [332, 446, 574, 654] as const;

echarts.use([...OVERVIEW_PARTS, SVGRenderer]);
// Inside an SVG attribute the font list must not carry double quotes.
echarts.registerTheme(THEME, { ...THEME_OPTIONS, textStyle: { ...THEME_OPTIONS.textStyle, fontFamily: FONT_FAMILY.replaceAll('"', "'") } });

const XML_ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const unescapeXml = (text: string) => text.replace(/&(amp|lt|gt|quot|#39);/g, (entity) => XML_ENTITIES[entity]);
const escapeXml = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('"', '&quot;');

/** `a:1;b:"x;y"` → `a:1`, `b:"x;y"`: CSS declarations, split outside quoted strings. */
function splitDeclarations(css: string): string[] {
  const parts: string[] = [];
  let quote = '';
  let start = 0;
  for (let i = 0; i < css.length; i++) {
    const c = css[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === ';') {
      parts.push(css.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(css.slice(start));
  return parts;
}

/**
 * A picture for `<img>`: the text's inline `style` (font size and family) as presentation
 * attributes, which no Content-Security-Policy on the SVG's response can block; without the
 * hover styles and the data attributes ECharts writes for a page that would take the SVG over.
 */
export function staticSvg(svg: string): string {
  return svg
    .replace(/<style\b[^>]*>[\s\S]*?<\/style>/g, '')
    .replace(/ (ecmeta_[a-z_]+|class)="[^"]*"/g, '')
    .replace(/ style="([^"]*)"/g, (_attribute, declarations: string) =>
      splitDeclarations(unescapeXml(declarations))
        .map((declaration) => declaration.match(/^\s*([a-z-]+)\s*:\s*(.+?)\s*$/))
        .filter((match): match is RegExpMatchArray => match !== null)
        .map(([, property, value]) => {
          // CSS shorthands have no presentation attribute: the picture would silently lose them.
          if (property === 'font') throw new Error(`staticSvg: style "font: ${value}" has no SVG attribute (ECharts changed its SVG output?)`);
          return ` ${property}="${escapeXml(value)}"`;
        })
        .join(''));
}

/** Every picture of the overview's charts for `snapshot`'s rows, and the manifest the app reads. */
export function renderSnapshotCharts(snapshot: Snapshot): { charts: Record<string, SnapshotChart>; files: { name: string; svg: string }[] } {
  const charts: Record<string, SnapshotChart> = {};
  const files: { name: string; svg: string }[] = [];
  for (const { id, query, option } of overviewChartList(NO_FILTERS)) {
    const key = queryKey(query);
    const rows = snapshot.results[key];
    if (!rows) continue;
    for (const lang of Object.keys(MESSAGES) as Lang[]) {
      const built = option(rows, { lang, t: translator(lang) });
      for (const width of SNAPSHOT_CHART_WIDTHS) {
        const chart = echarts.init(null, THEME, { renderer: 'svg', ssr: true, width, height: DEFAULT_CHART_HEIGHT });
        try {
          chart.setOption({ ...built, animation: false });
          files.push({ name: snapshotChartFile(id, lang, width), svg: staticSvg(chart.renderToSVGString()) });
        } finally {
          chart.dispose();
        }
      }
    }
    charts[id] = { key, widths: [...SNAPSHOT_CHART_WIDTHS], height: DEFAULT_CHART_HEIGHT };
  }
  return { charts, files };
}
