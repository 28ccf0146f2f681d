import type { FastifyInstance } from 'fastify';

// The web root until the React app (portal, desk, admin) is served here.
const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Hallway</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; line-height: 1.5">
<h1>Hallway</h1>
<p>The internal service desk is running.</p>
<ul>
<li><a href="/api/docs">API documentation</a> (<a href="/api/openapi.json">OpenAPI document</a>)</li>
<li><a href="/readyz">Readiness</a></li>
</ul>
</body></html>`;

export async function homeRoutes(app: FastifyInstance): Promise<void> {
  app.get('/', { schema: { hide: true } }, async (_request, reply) => reply.type('text/html; charset=utf-8').send(page));
}
