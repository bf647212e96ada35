import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { dataPlugin } from './src/build/data-plugin.ts';

/** The dev server's client and React refresh use inline scripts: the CSP meta applies to builds only. */
function devWithoutCsp(): Plugin {
  return {
    name: 'dev-without-csp',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/, ''),
  };
}

export default defineConfig({
  // Relative asset URLs: the built site works from any sub-path of any static server.
  base: './',
  plugins: [react(), devWithoutCsp(), dataPlugin()],
  build: {
    target: 'es2022',
    // duckdb-eh.wasm is ~33 MB: never inline assets into JS.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1200,
  },
  worker: { format: 'es' },
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
});
