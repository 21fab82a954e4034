import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';

/** Node-only code: the CLI shell and its launcher. None of it may end up in the page. */
const NODE_ONLY_DIRS = ['src/cli/', 'bin/'].map((dir) => fileURLToPath(new URL(dir, import.meta.url)));

/** Fails the build (or the dev request) as soon as the page's module graph reaches node-only code. */
function refuseNodeOnlyCode(): Plugin {
  return {
    name: 'essaim:refuse-node-only-code',
    load(id) {
      const file = id.split('?')[0] ?? id;
      const dir = NODE_ONLY_DIRS.find((d) => file.startsWith(d));
      if (dir !== undefined) {
        this.error(`${file} is node-only (${dir}) and must not be imported by the browser app`);
      }
      return null;
    },
  };
}

export default defineConfig({
  plugins: [react(), refuseNodeOnlyCode()],
  // the page's only entry is index.html -> src/app/main.tsx; never crawl other HTML or the CLI for deps
  optimizeDeps: { entries: ['index.html'] },
  // relative asset URLs: dist/ works from any static server and any sub-path
  base: './',
  // three, astronomy-engine, zod and React all load at start: one ~1.4 MB chunk (400 kB gzipped) is expected
  build: { outDir: 'dist', target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 1600 },
  // the simulation worker is an ES module worker (it shares chunks with the page)
  worker: { format: 'es' },
});
