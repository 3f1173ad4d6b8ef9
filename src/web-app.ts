import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Where `vite build` puts the web app: `dist/web` both from `dist/app.setup.js` (the build) and
 * from `src/app.setup.ts` (the tests, which run the sources).
 */
export const WEB_ROOT = resolve(__dirname, '..', 'dist', 'web');

/** Paths the web app never answers: the API's own 404s stay JSON, socket.io stays socket.io. */
const NOT_THE_APP = /^\/(api|socket\.io)(\/|$|\?)/;

/**
 * Serves the built web app at `/`: its files (hashed assets cached for a year), and `index.html`
 * for every other GET outside `/api` so that the app's own paths (`/sessions/:id`) load it.
 * Without a build (`dist/web/index.html` missing) nothing is served and `/` stays a 404.
 */
export async function serveWebApp(app: NestFastifyApplication, root = WEB_ROOT): Promise<void> {
  const indexFile = join(root, 'index.html');
  if (!existsSync(indexFile)) return;
  const index = readFileSync(indexFile);
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: false,
    // Swagger UI registers @fastify/static too; only one may decorate the reply.
    decorateReply: false,
    index: false,
    cacheControl: false,
    setHeaders: (reply, path) => {
      const hashed = path.startsWith(join(root, 'assets'));
      void reply.header(
        'cache-control',
        hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.get('/*', (request, reply) => {
    if (NOT_THE_APP.test(request.url)) return reply.callNotFound();
    return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(index);
  });
}
