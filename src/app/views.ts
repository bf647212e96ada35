/**
 * The views of the dashboard, in tab order. Each is loaded on demand (its own JS chunk), so the
 * first load carries only the shell and the view being opened. To add a view, see
 * src/features/README.md: create src/features/<name>/<name>-view.tsx exporting a component, then
 * point its entry here at it.
 */
import { createElement, lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { MessageKey } from '../lib/i18n.ts';

export interface ViewEntry {
  id: string;
  titleKey: MessageKey;
  component: LazyExoticComponent<ComponentType>;
}

const placeholder = (titleKey: MessageKey) =>
  lazy(() =>
    import('../features/placeholder/placeholder-view.tsx').then((m) => ({
      default: () => createElement(m.PlaceholderView, { titleKey }),
    })));

export const VIEWS: readonly ViewEntry[] = [
  { id: 'overview', titleKey: 'view.overview', component: lazy(() => import('../features/overview/overview-view.tsx').then((m) => ({ default: m.OverviewView }))) },
  { id: 'budget', titleKey: 'view.budget', component: placeholder('view.budget') },
  { id: 'indicators', titleKey: 'view.indicators', component: placeholder('view.indicators') },
  { id: 'scores', titleKey: 'view.scores', component: placeholder('view.scores') },
  { id: 'compare', titleKey: 'view.compare', component: placeholder('view.compare') },
  { id: 'report', titleKey: 'view.report', component: placeholder('view.report') },
  { id: 'findings', titleKey: 'view.findings', component: placeholder('view.findings') },
];

export const findView = (id: string): ViewEntry => VIEWS.find((view) => view.id === id) ?? VIEWS[0];
