import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

/** The web app: built into dist/web (after `nest build`, which empties dist/), served by the API at `/`. */
export default defineConfig({
  root: here,
  base: '/',
  build: { outDir: `${here}../dist/web`, emptyOutDir: true, sourcemap: true },
  oxc: { jsx: { runtime: 'automatic' } },
  // `npx vite web` during development: the API of `npm start` answers /api and /socket.io.
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3000',
      '/socket.io': { target: 'ws://127.0.0.1:3000', ws: true },
    },
  },
});
