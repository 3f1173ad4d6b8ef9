import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

/** The web app: built into dist/web (after `nest build`, which empties dist/), served by the API at `/`. */
export default defineConfig({
  root: here,
  base: '/',
  build: {
    outDir: `${here}../dist/web`,
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        // The libraries every page needs change far less often than the app: a chunk of their
        // own stays cached across releases (and keeps the app's entry under Vite's 500 kB mark).
        codeSplitting: {
          groups: [
            {
              name: 'framework',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack|react-intl|@formatjs|intl-messageformat|openapi-fetch)[\\/]/,
            },
          ],
        },
      },
      // TanStack Query's modules start with "use client" (for React Server Components), which
      // means nothing in this client-only bundle: dropping it is right, and the 17 warnings a
      // build printed about it buried what `npm start` says.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('"use client"'))
          return;
        warn(warning);
      },
    },
  },
  oxc: { jsx: { runtime: 'automatic' } },
  // `npx vite web` during development: the API of `npm start` answers /api and /socket.io.
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3000',
      '/socket.io': { target: 'ws://127.0.0.1:3000', ws: true },
    },
  },
});
