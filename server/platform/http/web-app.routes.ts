import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** Where `npm run build:web` (and `npm start`'s prestart) puts the built web app. */
export const builtWebAppFolder = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

export function hasBuiltWebApp(folder: string): boolean {
  return existsSync(path.join(folder, 'index.html'));
}

/** Hashed file names change with their content, so browsers may keep them for good. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** index.html names the current hashed files: always asked again (setHeaders), so a new build is seen at once. */
function sendApp(reply: FastifyReply): FastifyReply {
  return reply.sendFile('index.html');
}

/**
 * The web app at `/`: its built files, and index.html for every other page address so client-side
 * routes (/requests/IT-42) survive a reload. The API, probes and missing files keep their 404
 * problem+json. Files are listed once at start (wildcard: false), so a rebuild needs a restart.
 */
export function webAppRoutes(folder: string) {
  return async (app: FastifyInstance) => {
    await app.register(fastifyStatic, {
      root: folder,
      wildcard: false,
      index: false,
      // The build writes .br and .gz beside each asset (scripts/build-web.mjs); no compression at request time.
      preCompressed: true,
      cacheControl: false,
      // The build's own bookkeeping is not for browsers.
      globIgnore: ['.vite/**', 'first-load.json', 'index.html'],
      setHeaders: (reply, filePath) => reply.header('cache-control', path.basename(filePath) === 'index.html' ? 'no-cache' : IMMUTABLE),
    });
    app.get('/', { schema: { hide: true } }, async (_request, reply) => sendApp(reply));
    app.get('/*', { schema: { hide: true } }, async (request, reply) => {
      const pathname = request.url.split('?')[0] ?? '/';
      if (pathname === '/api' || pathname.startsWith('/api/') || path.posix.extname(pathname) !== '') return reply.callNotFound();
      return sendApp(reply);
    });
  };
}
