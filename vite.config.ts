import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { dataPlugin } from './src/build/data-plugin.ts';
import { duckDbWorkerPatch } from './src/build/duckdb-worker-plugin.ts';

/** The dev server's client and React refresh use inline scripts: the CSP meta applies to builds only. */
function devWithoutCsp(): Plugin {
  return {
    name: 'dev-without-csp',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/, ''),
  };
}

/**
 * The overview is the view most visits open, drawn at once from the build snapshot; its code is
 * part of the entry (src/app/views.ts). ECharts' chunks (which the charts import on demand,
 * after the snapshot's pictures are painted) are announced as modulepreload links, so the
 * browser fetches and compiles them alongside the entry instead of after it has run. They are
 * not evaluated any earlier.
 */
const PRELOADED_ON_DEMAND = '/components/echarts-canvas.tsx';

function preloadECharts(): Plugin {
  return {
    name: 'preload-echarts',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const chunks = Object.values(context.bundle ?? {}).filter((item) => item.type === 'chunk');
        const canvas = chunks.find((chunk) => chunk.facadeModuleId?.endsWith(PRELOADED_ON_DEMAND));
        if (!canvas) throw new Error(`preload-echarts: no chunk for ${PRELOADED_ON_DEMAND} (renamed?)`);
        const files = new Set<string>();
        const visit = (fileName: string) => {
          if (files.has(fileName)) return;
          files.add(fileName);
          chunks.find((c) => c.fileName === fileName)?.imports.forEach(visit);
        };
        visit(canvas.fileName);
        const links = [...files]
          .filter((file) => !html.includes(file))
          .map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: '', href: `./${file}` }, injectTo: 'head' as const }));
        return { html, tags: links };
      },
    },
  };
}

/**
 * src/app/boot.ts is an entry of its own, loaded by the first script tag: a few kilobytes that
 * start DuckDB and the data downloads while the browser still fetches and parses the app's
 * entry. (A second script tag in index.html would not do: Vite bundles all of a page's module
 * scripts into one entry, which runs only once React and the app have loaded.) In dev, main.tsx
 * starts the same work a moment later.
 */
const BOOT_ENTRY = 'src/app/boot.ts';

function bootFirst(): Plugin {
  return {
    name: 'boot-first',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const boot = Object.values(context.bundle ?? {}).find((item) => item.type === 'chunk' && item.isEntry && item.facadeModuleId?.endsWith(BOOT_ENTRY));
        if (!boot) throw new Error(`boot-first: no chunk for ${BOOT_ENTRY} in the bundle`);
        // Right before the app's entry: after the CSP meta (which governs only what follows it),
        // and first of the module scripts, which run in document order.
        // (`./`: the relative base every URL of this build has, see `base` below.)
        const entry = html.indexOf('<script type="module"');
        const csp = html.indexOf('http-equiv="Content-Security-Policy"');
        if (entry < 0 || csp < 0 || entry < csp) throw new Error('boot-first: index.html needs its CSP meta before the app\'s entry script');
        return `${html.slice(0, entry)}<script type="module" crossorigin src="./${boot.fileName}"></script>\n    ${html.slice(entry)}`;
      },
    },
  };
}

export default defineConfig({
  // Relative asset URLs: the built site works from any sub-path of any static server.
  base: './',
  plugins: [react(), devWithoutCsp(), dataPlugin(), duckDbWorkerPatch(), preloadECharts(), bootFirst()],
  build: {
    target: 'es2022',
    // duckdb-eh.wasm is ~33 MB: never inline assets into JS.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: { input: { index: 'index.html', boot: BOOT_ENTRY } },
  },
  worker: { format: 'es' },
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
});
