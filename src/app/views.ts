/**
 * The views of the dashboard, in tab order. Each is loaded on demand (its own JS chunk), so the
 * first load carries only the shell and the view being opened; the overview, which most visits
 * open and which paints the build's pictures before DuckDB is ready, is part of the entry (a
 * dynamic import of its preloaded chunk held its first paint back by ~90 ms of tasks on a busy
 * main thread; it is ~15 kB). To add a view, see
 * src/features/README.md: create src/features/<name>/<name>-view.tsx exporting a component, then
 * point its entry here at it.
 */
import type { ComponentType } from 'react';
import { overviewQueries } from '../queries/overview-queries.ts';
import { OverviewView } from '../features/overview/overview-view.tsx';
import type { MessageKey } from '../lib/i18n.ts';
import { onDemand, ready, type OnDemand } from '../lib/on-demand.ts';
import type { Filters } from '../queries/filters.ts';
import type { Query } from '../queries/query.ts';
import { openedViewId, VIEW_IDS, type ViewId } from './opened-view.ts';

export interface ViewEntry {
  id: ViewId;
  titleKey: MessageKey;
  component: OnDemand<ComponentType>;
  /** The queries the view runs first under `filters`: sent to DuckDB with the start-up load when the page opens on it. */
  firstQueries?: (filters: Filters) => readonly Query<unknown>[];
  /**
   * False for a view that does not read the filter bar (the import's own counts): the bar says so.
   * (The SQL console says it itself, with what to do instead, when filters are set.)
   */
  usesFilters?: false;
}

/** Each view's entry by id; VIEW_IDS (opened-view.ts, which boot.ts reads too) gives their order. */
const ENTRIES: Record<ViewId, Omit<ViewEntry, 'id'>> = {
  overview: { titleKey: 'view.overview', component: ready(OverviewView), firstQueries: overviewQueries },
  budget: { titleKey: 'view.budget', component: onDemand(() => import('../features/budget/budget-view.tsx').then((m) => m.BudgetView)) },
  indicators: { titleKey: 'view.indicators', component: onDemand(() => import('../features/indicators/indicators-view.tsx').then((m) => m.IndicatorsView)) },
  scores: { titleKey: 'view.scores', component: onDemand(() => import('../features/scores/scores-view.tsx').then((m) => m.ScoresView)) },
  compare: { titleKey: 'view.compare', component: onDemand(() => import('../features/compare/compare-view.tsx').then((m) => m.CompareView)) },
  report: { titleKey: 'view.report', component: onDemand(() => import('../features/report/report-view.tsx').then((m) => m.ReportView)) },
  findings: { titleKey: 'view.findings', component: onDemand(() => import('../features/findings/findings-view.tsx').then((m) => m.FindingsView)) },
  explorer: { titleKey: 'view.explorer', component: onDemand(() => import('../features/explorer/explorer-view.tsx').then((m) => m.ExplorerView)) },
  sql: { titleKey: 'view.sql', component: onDemand(() => import('../features/sql-console/sql-console-view.tsx').then((m) => m.SqlConsoleView)) },
  import: { titleKey: 'view.import', component: onDemand(() => import('../features/import/import-view.tsx').then((m) => m.ImportView)), usesFilters: false },
};

export const VIEWS: readonly ViewEntry[] = VIEW_IDS.map((id) => ({ id, ...ENTRIES[id] }));

/** The entry of the view a URL's `view` opens (an unknown id opens the overview). */
export const findView = (id: string): ViewEntry => VIEWS.find((view) => view.id === openedViewId(id))!;
