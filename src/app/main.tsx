import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DbSessionProvider, openDataset, pageSession } from '../lib/db/index.ts';
import { parseUrlState } from '../lib/url-state.ts';
import { App } from './app.tsx';
import { findView } from './views.ts';
import './app.css';

// Start DuckDB and the data load at once, in parallel with the first render from the snapshot,
// with the queries of the view the URL opens right behind the load, and that view's code.
const { view, filters } = parseUrlState(window.location.search);
const opened = findView(view);
const session = pageSession();
void openDataset(session, window.location.search, document.baseURI, opened.firstQueries?.(filters));
const viewCode = opened.component.load().catch(() => undefined);

// The first render waits for the opened view's code (the overview's is part of the entry), so
// the shell and the view are laid out and painted once: a render of the shell alone and then one
// with the view held the overview's first paint back. A view whose code is slow to come shows
// the shell after VIEW_CODE_WAIT_MS and itself when it arrives.
const VIEW_CODE_WAIT_MS = 300;
void Promise.race([viewCode, new Promise((resolve) => setTimeout(resolve, VIEW_CODE_WAIT_MS))]).then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <DbSessionProvider value={session}>
        <App />
      </DbSessionProvider>
    </StrictMode>,
  ));
