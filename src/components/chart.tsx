/**
 * The one ECharts component. It owns echarts/core and registers only the chart types and
 * components the app uses (tree-shaken), the theme, resizing (echarts-for-react watches the
 * container) and click events for cross-filtering. A ref gives `exportPng()`.
 */
import { useImperativeHandle, useMemo, useRef, type Ref } from 'react';
import EChartsReactCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { FONT_FAMILY, PALETTE, withCspSafeTooltips, type ChartOption } from './chart-option.ts';

// What the overview draws; the parts other views need come with them (chart-extras.ts).
echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const THEME = 'dashboard';
echarts.registerTheme(THEME, {
  color: PALETTE,
  backgroundColor: 'transparent',
  textStyle: { fontFamily: FONT_FAMILY, color: '#27323d' },
  legend: { textStyle: { color: '#4a5663' } },
  categoryAxis: { axisLine: { lineStyle: { color: '#c5ccd3' } }, axisLabel: { color: '#4a5663' } },
  valueAxis: { splitLine: { lineStyle: { color: '#e8ecf0' } }, axisLabel: { color: '#4a5663' } },
});

/** What a click on a bar, slice or cell reports, for cross-filtering. */
export interface ChartClick {
  name: string;
  seriesName?: string;
  dataIndex: number;
  value: unknown;
  /** The data item as given in the option (builders may put ids there). */
  data: unknown;
}

export interface ChartHandle {
  /** The chart as a PNG data URL (white background, 2× pixels), for export buttons. */
  exportPng(): string | undefined;
}

export interface ChartProps {
  option: ChartOption;
  /** CSS height of the chart; the width follows the container. */
  height?: number;
  /** Accessible description, read instead of the canvas. */
  label: string;
  onClick?: (click: ChartClick) => void;
  ref?: Ref<ChartHandle>;
}

export function Chart({ option, height = 260, label, onClick, ref }: ChartProps) {
  const inner = useRef<EChartsReactCore>(null);
  useImperativeHandle(ref, () => ({
    exportPng: () => inner.current?.getEchartsInstance().getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' }),
  }));
  // The latest handler through a ref: views pass a new arrow each render, and new events would
  // make echarts-for-react unbind and bind them again on every redraw.
  const latestClick = useRef(onClick);
  latestClick.current = onClick;
  const clickable = onClick !== undefined;
  const onEvents = useMemo(
    () => (clickable ? { click: (params: ChartClick) => latestClick.current?.(params) } : undefined),
    [clickable],
  );
  // No animation: on a two-core office PC ECharts' entry animation (1 s of frames per chart)
  // competed with DuckDB's start-up for the CPU, and a filter change should show its result at once.
  const safeOption = useMemo(() => ({ animation: false, ...withCspSafeTooltips(option) }), [option]);
  return (
    <div className="chart" role="img" aria-label={label}>
      <EChartsReactCore
        ref={inner}
        echarts={echarts}
        option={safeOption}
        theme={THEME}
        notMerge
        style={{ height, width: '100%' }}
        opts={{ renderer: 'canvas' }}
        onEvents={onEvents}
      />
    </div>
  );
}
