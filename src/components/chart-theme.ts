/**
 * The dashboard's ECharts theme and the parts the overview draws, shared by the browser's
 * charts (echarts-canvas.tsx, canvas renderer) and the build's snapshot pictures
 * (src/build/snapshot-charts.ts, SVG renderer), so both draw the same chart.
 */
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { FONT_FAMILY, PALETTE } from './chart-option.ts';

export const THEME = 'dashboard';

export const THEME_OPTIONS = {
  color: PALETTE,
  backgroundColor: 'transparent',
  textStyle: { fontFamily: FONT_FAMILY, color: '#27323d' },
  legend: { textStyle: { color: '#4a5663' } },
  categoryAxis: { axisLine: { lineStyle: { color: '#c5ccd3' } }, axisLabel: { color: '#4a5663' } },
  valueAxis: { splitLine: { lineStyle: { color: '#e8ecf0' } }, axisLabel: { color: '#4a5663' } },
};

/** What the overview draws; the parts other views need come with them (chart-extras.ts). */
export const OVERVIEW_PARTS = [BarChart, GridComponent, LegendComponent, TooltipComponent];
