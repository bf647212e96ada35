import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { openDataset } from '../lib/db/index.ts';
import { parseUrlState } from '../lib/url-state.ts';
import { App } from './app.tsx';
import { findView } from './views.ts';
import './app.css';

// Start DuckDB and the data load at once, in parallel with the first render from the snapshot,
// with the queries of the view the URL opens right behind the load, and that view's code.
const { view, filters } = parseUrlState(window.location.search);
const opened = findView(view);
void openDataset(window.location.search, document.baseURI, opened.firstQueries?.(filters));
void opened.component.load().catch(() => undefined);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
