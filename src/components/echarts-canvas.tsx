/**
 * The ECharts half of `<Chart>`, loaded on demand (chart.tsx imports it lazily): echarts/core
 * with only the parts the app uses (tree-shaken), the theme, resizing (echarts-for-react
 * watches the container) and events. The overview can paint its build-time pictures before
 * this ~180 kB (gzip) chunk has been evaluated.
 */
import type { Ref } from 'react';
import EChartsReactCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { ChartOption } from './chart-option.ts';
import { OVERVIEW_PARTS, THEME, THEME_OPTIONS } from './chart-theme.ts';

echarts.use([...OVERVIEW_PARTS, CanvasRenderer]);
echarts.registerTheme(THEME, THEME_OPTIONS);

export interface EChartsCanvasProps {
  option: ChartOption;
  height: number;
  onEvents?: Record<string, (params: never) => void>;
  /** Called once the chart has laid out its first option (it paints in the next frame). */
  onReady?: () => void;
  ref?: Ref<EChartsReactCore>;
}

export default function EChartsCanvas({ option, height, onEvents, onReady, ref }: EChartsCanvasProps) {
  return (
    <EChartsReactCore
      ref={ref}
      echarts={echarts}
      option={option}
      theme={THEME}
      notMerge
      style={{ height, width: '100%' }}
      opts={{ renderer: 'canvas' }}
      onEvents={onEvents}
      onChartReady={onReady}
    />
  );
}
