/**
 * The ECharts parts only some views use (lines, scatter, the heat map with its visual map,
 * mark lines, the data zoom of charts with many categories), registered by importing this module. chart.tsx registers what the overview
 * needs (bars, grid, legend, tooltip); these ~150 kB stay out of the first load and come with
 * the views that use them: budget, indicators, scores and the SQL console import this file.
 */
import { use } from 'echarts/core';
import { HeatmapChart, LineChart, ScatterChart } from 'echarts/charts';
import { DataZoomInsideComponent, DataZoomSliderComponent, MarkLineComponent, VisualMapComponent } from 'echarts/components';

use([LineChart, ScatterChart, HeatmapChart, VisualMapComponent, MarkLineComponent, DataZoomSliderComponent, DataZoomInsideComponent]);
