/**
 * The views of the dashboard, in tab order. Each is loaded on demand (its own JS chunk), so the
 * first load carries only the shell and the view being opened. To add a view, see
 * src/features/README.md: create src/features/<name>/<name>-view.tsx exporting a component, then
 * point its entry here at it.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { MessageKey } from '../lib/i18n.ts';

export interface ViewEntry {
  id: string;
  titleKey: MessageKey;
  component: LazyExoticComponent<ComponentType>;
}

export const VIEWS: readonly ViewEntry[] = [
  { id: 'overview', titleKey: 'view.overview', component: lazy(() => import('../features/overview/overview-view.tsx').then((m) => ({ default: m.OverviewView }))) },
  { id: 'budget', titleKey: 'view.budget', component: lazy(() => import('../features/budget/budget-view.tsx').then((m) => ({ default: m.BudgetView }))) },
  { id: 'indicators', titleKey: 'view.indicators', component: lazy(() => import('../features/indicators/indicators-view.tsx').then((m) => ({ default: m.IndicatorsView }))) },
  { id: 'scores', titleKey: 'view.scores', component: lazy(() => import('../features/scores/scores-view.tsx').then((m) => ({ default: m.ScoresView }))) },
  { id: 'compare', titleKey: 'view.compare', component: lazy(() => import('../features/compare/compare-view.tsx').then((m) => ({ default: m.CompareView }))) },
  { id: 'report', titleKey: 'view.report', component: lazy(() => import('../features/report/report-view.tsx').then((m) => ({ default: m.ReportView }))) },
  { id: 'findings', titleKey: 'view.findings', component: lazy(() => import('../features/findings/findings-view.tsx').then((m) => ({ default: m.FindingsView }))) },
  { id: 'explorer', titleKey: 'view.explorer', component: lazy(() => import('../features/explorer/explorer-view.tsx').then((m) => ({ default: m.ExplorerView }))) },
  { id: 'sql', titleKey: 'view.sql', component: lazy(() => import('../features/sql-console/sql-console-view.tsx').then((m) => ({ default: m.SqlConsoleView }))) },
  { id: 'import', titleKey: 'view.import', component: lazy(() => import('../features/import/import-view.tsx').then((m) => ({ default: m.ImportView }))) },
];

export const findView = (id: string): ViewEntry => VIEWS.find((view) => view.id === id) ?? VIEWS[0];
