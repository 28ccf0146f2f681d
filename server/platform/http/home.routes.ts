import type { FastifyInstance } from 'fastify';
import { builtWebAppFolder, hasBuiltWebApp, webAppRoutes } from './web-app.routes.ts';

// The web root: the web app once built (web/dist), else a page that says how to get it. `npm start`
// builds it first; `npx hallway serve` from a checkout that never built it gets this page.
const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Hallway</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; line-height: 1.5">
<h1>Hallway</h1>
<p>The internal service desk is running. The web app is not built yet: run <code>npm run build:web</code>
(or start with <code>npm start</code>, which builds it) and reload.</p>
<ul>
<li><a href="/api/docs">API documentation</a> (<a href="/api/openapi.json">OpenAPI document</a>)</li>
<li><a href="/readyz">Readiness</a></li>
</ul>
</body></html>`;

export function webRoot(folder: string) {
  return async (app: FastifyInstance): Promise<void> => {
    if (hasBuiltWebApp(folder)) {
      await app.register(webAppRoutes(folder));
      return;
    }
    app.get('/', { schema: { hide: true } }, async (_request, reply) => reply.type('text/html; charset=utf-8').send(page));
  };
}

export const homeRoutes = webRoot(builtWebAppFolder);
