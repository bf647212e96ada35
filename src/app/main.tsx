import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { openDataset } from '../lib/db/index.ts';
import { App } from './app.tsx';
import { findView } from './views.ts';
import './app.css';

// Start DuckDB and the data load at once, in parallel with the first render from the snapshot,
// and the code of the view the URL opens.
void openDataset(window.location.search, document.baseURI);
void findView(new URLSearchParams(window.location.search).get('view') ?? '').component.load().catch(() => undefined);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
