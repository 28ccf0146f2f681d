import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleDeps } from '../../app.ts';
import { requireActor } from '../../platform/auth/authenticate.ts';
import { withVersion } from '../../platform/http/versions.ts';
import { articleSummary, articleView } from './articles.schema.ts';
import { linkArticleBody, linkedArticles, requestArticleParams, requestKeyParams } from './request-articles.schema.ts';
import { draftArticleFromRequest, linkArticle, listRequestArticles, unlinkArticle } from './request-articles.service.ts';

// Requests and their articles (registered inside articleRoutes, which checks sign-in first).
export function requestArticleRoutes(deps: ModuleDeps) {
  const { db } = deps.database;
  return async (app: FastifyInstance) => {
    const routes = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['knowledge'];

    routes.post(
      '/requests/:key/article-draft',
      {
        schema: {
          tags,
          summary: 'Start an article from a resolved or closed request (agents of its team)',
          description: 'A draft in the request\'s team: "## Question" from the description, "## Answer" from the resolution and the public agent replies, names, e-mail addresses and phone numbers left out; the request is linked to it.',
          params: requestKeyParams,
          response: { 201: articleView },
        },
      },
      async (request, reply) => {
        const view = await draftArticleFromRequest(db, requireActor(request), request.params.key);
        return withVersion(reply, view.version).code(201).header('location', `/api/v1/articles/${view.slug}`).send(view);
      },
    );

    routes.get(
      '/requests/:key/articles',
      { schema: { tags, summary: 'Articles linked to a request (those you may read)', params: requestKeyParams, response: { 200: linkedArticles } } },
      async (request) => listRequestArticles(db, requireActor(request), request.params.key),
    );

    routes.post(
      '/requests/:key/articles',
      { schema: { tags, summary: 'Link an article to a request (agents of its team)', params: requestKeyParams, body: linkArticleBody, response: { 201: articleSummary } } },
      async (request, reply) => reply.code(201).send(await linkArticle(db, requireActor(request), request.params.key, request.body.articleId)),
    );

    routes.delete(
      '/requests/:key/articles/:articleId',
      { schema: { tags, summary: 'Unlink an article from a request (agents of its team)', params: requestArticleParams, response: { 204: z.null() } } },
      async (request, reply) => {
        await unlinkArticle(db, requireActor(request), request.params.key, request.params.articleId);
        return reply.code(204).send(null);
      },
    );
  };
}
