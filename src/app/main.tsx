import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { openDataset } from '../lib/db/index.ts';
import { App } from './app.tsx';
import './app.css';

// Start DuckDB and the data load at once, in parallel with the first render from the snapshot.
void openDataset(window.location.search, document.baseURI);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
