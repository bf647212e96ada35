/**
 * Results computed at build time (dist/data/snapshot.json, see src/build/snapshot.ts), looked up
 * by query key. Only valid for the bundled dataset: a `?data=` dataset never uses it.
 */
import { queryKey, type Query } from '../../../queries/query.ts';
import type { Lang } from '../../url-state.ts';

/** The build's pictures of one chart (src/build/snapshot-charts.ts): `charts/<id>.<lang>.<width>.svg`. */
export interface SnapshotChart {
  /** Key of the query whose rows the pictures show. */
  key: string;
  /** CSS widths drawn, ascending. */
  widths: number[];
  height: number;
}

export interface Snapshot {
  version: 1;
  generatedAt: string;
  results: Record<string, unknown[]>;
  /** Pictures of the overview's charts by chart id; absent in a snapshot without them. */
  charts?: Record<string, SnapshotChart>;
}

/** A chart picture's file name, under `charts/` next to snapshot.json. */
export const snapshotChartFile = (id: string, lang: Lang, width: number) => `${id}.${lang}.${width}.svg`;

/** A chart picture's URL; versioned by the build, as snapshot.json's rows are: a cached picture of an older build never stands for this build's rows. */
function pictureUrl(snapshotUrl: string, id: string, lang: Lang, width: number, version: string): string {
  const url = new URL(`charts/${snapshotChartFile(id, lang, width)}`, snapshotUrl);
  url.searchParams.set('v', version);
  return url.href;
}

/** Of `chart`'s pictures, the width drawn nearest a chart `width` CSS pixels wide. */
export const nearestWidth = (chart: SnapshotChart, width: number): number =>
  chart.widths.reduce((best, w) => (Math.abs(w - width) < Math.abs(best - width) ? w : best));

/** The page's snapshot: fetched once, then looked up by query. */
export class SnapshotStore {
  private snapshot: Snapshot | null = null;
  private url = '';
  private loading: Promise<Snapshot | null> | null = null;
  private settled = false;
  /** Held until the page is closed: the memory cache keeps what a live image uses. */
  private readonly preloaded: HTMLImageElement[] = [];

  /** Fetches the snapshot once; resolves to null when there is none (dev without data, other dataset). */
  load(url: string): Promise<Snapshot | null> {
    this.url ||= url;
    this.loading ??= fetch(url)
      .then((response) => (response.ok ? (response.json() as Promise<Snapshot>) : null))
      .then((loaded) => (this.snapshot = loaded?.version === 1 ? loaded : null))
      .catch(() => null)
      .finally(() => (this.settled = true));
    return this.loading;
  }

  /** When the build made the snapshot (with the bundled dataset), or null without one. */
  generatedAt(): string | null {
    return this.snapshot?.generatedAt ?? null;
  }

  /** True while snapshot.json has been asked for and has not arrived (or failed) yet. */
  pending(): boolean {
    return this.loading !== null && !this.settled;
  }

  /** The snapshot's rows for exactly this query (same SQL and parameters), if it has them. */
  rows<T>(query: Query<T>): T[] | undefined {
    return this.snapshot?.results[queryKey(query)] as T[] | undefined;
  }

  /**
   * The build-time picture of chart `id` showing `query`'s rows in `lang`, if the snapshot has
   * one for exactly this query and `shownRows` are the snapshot's rows of it (live rows equal to
   * them keep their identity, see use-query.ts); its `src(width)` is the picture drawn nearest
   * that width.
   */
  picture(id: string, query: Query, lang: Lang, shownRows: readonly unknown[] | undefined): { src(width: number): string } | undefined {
    const snapshot = this.snapshot;
    const chart = snapshot?.charts?.[id];
    const version = snapshot?.generatedAt ?? '';
    if (!chart || chart.widths.length === 0 || shownRows === undefined) return undefined;
    const key = queryKey(query);
    if (chart.key !== key || shownRows !== snapshot?.results[key]) return undefined;
    const url = this.url;
    return {
      src(width) {
        return pictureUrl(url, id, lang, nearestWidth(chart, width), version);
      },
    };
  }

  /**
   * Starts the downloads of the pictures the overview will show for charts `chartWidth` CSS
   * pixels wide, once snapshot.json is there (boot.ts, ~300 ms before React puts them on the
   * page on a cold load), so that the `<img>`s find them in the browser's memory cache. The cards
   * pick by their measured width (chart.tsx): a guess that misses costs one small download.
   */
  preloadPictures(lang: Lang, chartWidth: number): void {
    void this.loading?.then((loaded) => {
      if (!loaded) return;
      for (const [id, chart] of Object.entries(loaded.charts ?? {})) {
        if (chart.widths.length === 0) continue;
        const image = new Image();
        image.src = pictureUrl(this.url, id, lang, nearestWidth(chart, chartWidth), loaded.generatedAt);
        this.preloaded.push(image);
      }
    });
  }
}
