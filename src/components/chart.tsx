/**
 * The one chart component. ECharts itself (echarts-canvas.tsx) is loaded on demand; until it
 * has drawn, a chart given a build-time picture (`picture`, an SVG the build drew from the
 * same rows with the same option, src/build/snapshot-charts.ts) shows that picture, so the
 * overview is on screen before ECharts' code has even run. A ref gives `exportPng()`, and so
 * does `chartHandleIn(element)` for a card that holds a chart.
 */
import { useCallback, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type Ref, type SyntheticEvent } from 'react';
import type EChartsReactCore from 'echarts-for-react/esm/core';
import { onDemand, useOnDemand } from '../lib/on-demand.ts';
import { DEFAULT_CHART_HEIGHT, withCspSafeTooltips, type ChartOption } from './chart-option.ts';

const echartsCanvas = onDemand(() => import('./echarts-canvas.tsx').then((m) => m.default));

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
  /**
   * Draws the current option again from scratch, as a change of rows would: the same picture,
   * but ECharts' update code has run once (a view's idle warm-up before the first filter click).
   */
  redraw(): void;
  /**
   * Lays the chart out again at its box's present width and paints at once (printing: the page
   * is laid out at the paper's width, see src/app/print.ts). No-op before ECharts has drawn.
   * `forPrint`: the chart's canvases are then painted into its first one, see below.
   */
  fitToBox(forPrint?: boolean): void;
}

export type ChartDrawnBy = 'picture' | 'echarts';

/** A picture of this chart drawn at build time, at a few widths (see src/lib/db/dataset/snapshot.ts). */
export interface ChartPicture {
  /** The picture's URL for a chart `width` CSS pixels wide. */
  src(width: number): string;
}

export interface ChartProps {
  option: ChartOption;
  /** CSS height of the chart; the width follows the container. */
  height?: number;
  /** Accessible description, read instead of the canvas. */
  label: string;
  onClick?: (click: ChartClick) => void;
  /** The build-time picture to show until ECharts has drawn (the overview's first paint). */
  picture?: ChartPicture;
  /** ECharts waits while this is true: the view shows pictures first (or expects them). */
  holdECharts?: boolean;
  /** Called when the chart is first on screen: its picture painted ('picture'), ECharts' first drawing ('echarts'). */
  onDrawn?: (by: ChartDrawnBy) => void;
  ref?: Ref<ChartHandle>;
}

const handles = new WeakMap<Element, ChartHandle>();

/** The handle of the first chart inside `element` (a card exporting its chart). */
export function chartHandleIn(element: Element | null): ChartHandle | undefined {
  const chart = element?.querySelector('.chart');
  return chart ? handles.get(chart) : undefined;
}

/** The handles of every chart inside `element`. */
export function chartHandlesIn(element: Element | null): ChartHandle[] {
  return [...element?.querySelectorAll('.chart') ?? []].flatMap((chart) => handles.get(chart) ?? []);
}

export function Chart({ option, height = DEFAULT_CHART_HEIGHT, label, onClick, picture, holdECharts = false, onDrawn, ref }: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const inner = useRef<EChartsReactCore>(null);
  const drawnOption = useRef<ChartOption | null>(null);
  const handle = useMemo<ChartHandle>(() => ({
    exportPng: () => inner.current?.getEchartsInstance().getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' }),
    redraw: () => {
      if (drawnOption.current) inner.current?.getEchartsInstance()?.setOption(drawnOption.current, { notMerge: true });
    },
    fitToBox: (forPrint = false) => {
      const instance = inner.current?.getEchartsInstance();
      if (!instance || instance.isDisposed()) return;
      // 'auto': the size the container has now (echarts-for-react starts ECharts with the first
      // size fixed, so a bare resize() would keep it). The paint would wait for the next frame,
      // which a print may not give: flush() paints before print() lays out the pages.
      instance.resize({ width: 'auto', height: 'auto' });
      const [base, ...layers] = instance.getDom().querySelectorAll('canvas');
      const merged = layers.some((layer) => layer.style.visibility === 'hidden');
      for (const layer of layers) layer.style.visibility = '';
      // Drawn again from scratch after a print, when the first canvas holds the others' pixels.
      if (merged && drawnOption.current) instance.setOption(drawnOption.current, { notMerge: true });
      instance.getZr().flush();
      // A chart on more canvases than one (a heat map's cells and labels have canvases of their
      // own) printed to PDF as its top canvas alone: Chromium printed each canvas opaque. The
      // others are painted into the first and hidden until the print is over.
      const context = forPrint && layers.length > 0 ? base?.getContext('2d') : null;
      if (!context) return;
      context.save();
      context.setTransform(1, 0, 0, 1, 0, 0);
      for (const layer of layers) {
        context.drawImage(layer, 0, 0);
        layer.style.visibility = 'hidden';
      }
      context.restore();
    },
  }), []);
  useImperativeHandle(ref, () => handle, [handle]);
  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    handles.set(element, handle);
    return () => void handles.delete(element);
  }, [handle]);

  // The view passes a picture only while the chart's rows are the snapshot's (live rows equal to
  // them keep their identity, so the picture stays until ECharts has drawn them: taking it away
  // earlier would blank the chart for a moment); other rows drop it at once.
  const [echartsDrawn, setEchartsDrawn] = useState(false);
  const [pictureFailed, setPictureFailed] = useState(false);
  const [width, setWidth] = useState<number>();
  const shown = echartsDrawn || pictureFailed ? undefined : picture;
  // ECharts starts when the view lets it (its code and first layout take the main thread for a
  // few hundred milliseconds, which would hold back the pictures' paint), or at once when the
  // picture could not be shown; once started it stays.
  const mounted = useRef(false);
  mounted.current ||= !holdECharts || pictureFailed;
  const mountECharts = mounted.current;
  const EChartsCanvas = useOnDemand(echartsCanvas, mountECharts);
  useLayoutEffect(() => {
    // Unrounded, as overviewChartWidth guesses it for boot.ts's early download of the picture.
    if (shown && width === undefined && box.current) setWidth(box.current.getBoundingClientRect().width);
  }, [shown, width]);
  const latestDrawn = useRef(onDrawn);
  latestDrawn.current = onDrawn;
  const reported = useRef<ChartDrawnBy | null>(null);
  const reportDrawn = useCallback((by: ChartDrawnBy) => {
    if (reported.current === 'echarts' || reported.current === by) return;
    reported.current = by;
    latestDrawn.current?.(by);
  }, []);
  const onPictureLoad = (event: SyntheticEvent<HTMLImageElement>) => {
    // Decoded: it is painted with the next frame (the view marks it in that frame). A decode()
    // that rejects counts only if the image has pixels anyway (it left the DOM, say).
    const image = event.currentTarget;
    void image.decode().then(() => reportDrawn('picture'), () => {
      if (image.complete && image.naturalWidth > 0) reportDrawn('picture');
      else setPictureFailed(true);
    });
  };
  const onReady = useCallback(() => {
    // ECharts has laid the option out and paints in its next animation frame.
    requestAnimationFrame(() => {
      setEchartsDrawn(true);
      reportDrawn('echarts');
    });
  }, [reportDrawn]);

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
  drawnOption.current = safeOption;
  return (
    <div ref={box} className="chart" role="img" aria-label={label} data-echarts={echartsDrawn ? 'drawn' : 'pending'}>
      {shown && width !== undefined && (
        <img className="chart-snapshot" src={shown.src(width)} alt="" onLoad={onPictureLoad} onError={() => setPictureFailed(true)} data-testid="chart-snapshot" />
      )}
      {mountECharts && EChartsCanvas
        ? <EChartsCanvas ref={inner} option={safeOption} height={height} onEvents={onEvents} onReady={onReady} />
        : <div style={{ height }} />}
    </div>
  );
}
