import { LABELS_INSIDE, SEVERITY_COLORS, type ChartOption } from '../../components/chart-option.ts';
import type { Translate } from '../../lib/i18n.ts';
import { labelOf } from '../../lib/i18n.ts';
import { formatCount } from '../../lib/format.ts';
import { LOCALES } from '../../lib/locale.ts';
import type { Lang } from '../../lib/url-state.ts';
import type { FindingsFacetRow } from '../../queries/findings-facets.ts';

export interface CodeOptionContext {
  lang: Lang;
  t: Translate;
  /** Codes in the code filter: their bars stay strong, the others fade. */
  selected: readonly string[];
}

/** Height that gives every code a readable bar, however many codes there are. */
export const codeChartHeight = (codes: number): number => Math.max(120, codes * 28 + 16);

/** Horizontal bars, most frequent code on top, coloured by the code's worst severity. */
export function buildFindingsCodeOption(rows: readonly FindingsFacetRow[], { lang, t, selected }: CodeOptionContext): ChartOption {
  const codes = rows.filter((r) => r.facet === 'code').reverse(); // ECharts draws the first category at the bottom
  const count = (value: unknown) => t('findings.severityCount', { count: formatCount(Number(value), lang) });
  return {
    grid: { left: 8, right: 56, top: 4, bottom: 4, ...LABELS_INSIDE },
    tooltip: { trigger: 'item', valueFormatter: count },
    xAxis: { type: 'value', minInterval: 1, show: false },
    yAxis: {
      type: 'category',
      data: codes.map((r) => labelOf(lang, 'code', r.value)),
      axisTick: { show: false },
      axisLabel: { width: LOCALES[lang].codeAxisLabelWidth, overflow: 'truncate' },
    },
    series: [{
      type: 'bar',
      name: t('findings.byCode'),
      barMaxWidth: 16,
      cursor: 'pointer',
      label: { show: true, position: 'right', formatter: ({ value }) => formatCount(Number(value), lang) },
      data: codes.map((r) => ({
        value: r.findings,
        code: r.value,
        itemStyle: {
          color: SEVERITY_COLORS[r.severity] ?? SEVERITY_COLORS.info,
          opacity: selected.length === 0 || selected.includes(r.value) ? 1 : 0.3,
        },
      })),
    }],
  };
}
