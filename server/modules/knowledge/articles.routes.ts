import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleDeps } from '../../app.ts';
import { requireActor } from '../../platform/auth/authenticate.ts';
import { authorize, requireSignedIn } from '../../platform/auth/authorize.ts';
import { versionFrom, withVersion } from '../../platform/http/versions.ts';
import { giveFeedback, listFeedback, recordView } from './article-feedback.service.ts';
import { diffVersions, listVersions } from './article-versions.service.ts';
import { canPreviewArticles } from './articles.policy.ts';
import {
  articlePage,
  articleView,
  categoriesQuery,
  categoryList,
  createArticleBody,
  diffQuery,
  diffView,
  feedbackBody,
  feedbackList,
  feedbackResult,
  listArticlesQuery,
  previewBody,
  previewResult,
  slugParams,
  transitionBody,
  updateArticleBody,
  versionHeaders,
  versionList,
} from './articles.schema.ts';
import { createArticleForActor, getArticle, listArticles, listCategories, updateArticle } from './articles.service.ts';
import { transitionArticle } from './articles.transitions.ts';
import { renderArticleMarkdown } from './markdown.ts';
import { requestArticleRoutes } from './request-articles.routes.ts';

// HTTP only: who is calling, what they sent, and the shape of the reply. Rules live in the services
// and articles.policy.ts; each write commits in one transaction.
export function articleRoutes(deps: ModuleDeps) {
  const { db } = deps.database;
  return async (app: FastifyInstance) => {
    const routes = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['knowledge'];
    // Strangers hear "sign in" before any validation message.
    app.addHook('preValidation', requireSignedIn);
    const ifMatch = 'Say which version you change with If-Match: "<version>" (the ETag): 428 without it, 412 when it is not the latest.';

    routes.post(
      '/articles',
      { schema: { tags, summary: 'Write a new article (a draft; agents of the team, admins)', body: createArticleBody, response: { 201: articleView } } },
      async (request, reply) => {
        const view = await createArticleForActor(db, requireActor(request), request.body);
        return withVersion(reply, view.version).code(201).header('location', `/api/v1/articles/${view.slug}`).send(view);
      },
    );

    routes.get(
      '/articles',
      { schema: { tags, summary: 'Articles you may read, most recently changed first', querystring: listArticlesQuery, response: { 200: articlePage } } },
      async (request) => listArticles(db, requireActor(request), request.query),
    );

    routes.get(
      '/articles/categories',
      { schema: { tags, summary: 'The categories used by the articles you may read (of one team)', querystring: categoriesQuery, response: { 200: categoryList } } },
      async (request) => listCategories(db, requireActor(request), request.query.team),
    );

    routes.post(
      '/articles/preview',
      { schema: { tags, summary: "Render Markdown as readers would see it (the editor's preview)", body: previewBody, response: { 200: previewResult } } },
      async (request) => {
        authorize(canPreviewArticles(requireActor(request)), 'Only agents and admins write articles');
        return { html: renderArticleMarkdown(request.body.body) };
      },
    );

    routes.get(
      '/articles/:slug',
      { schema: { tags, summary: 'An article (404 unless you may read it)', params: slugParams, response: { 200: articleView } } },
      async (request, reply) => {
        const view = await getArticle(db, requireActor(request), request.params.slug);
        return withVersion(reply, view.version).send(view);
      },
    );

    routes.patch(
      '/articles/:slug',
      { schema: { tags, summary: 'Edit an article (a new version; a published one stays published)', description: ifMatch, params: slugParams, headers: versionHeaders, body: updateArticleBody, response: { 200: articleView } } },
      async (request, reply) => {
        const version = versionFrom(request.headers['if-match'], undefined);
        const view = await updateArticle(db, requireActor(request), request.params.slug, request.body, version);
        return withVersion(reply, view.version).send(view);
      },
    );

    routes.post(
      '/articles/:slug/transitions',
      { schema: { tags, summary: 'Submit for review, send back, publish (leads, admins), archive or rework', description: ifMatch, params: slugParams, headers: versionHeaders, body: transitionBody, response: { 200: articleView } } },
      async (request, reply) => {
        const version = versionFrom(request.headers['if-match'], undefined);
        const view = await transitionArticle(db, requireActor(request), request.params.slug, request.body, version);
        return withVersion(reply, view.version).send(view);
      },
    );

    routes.get(
      '/articles/:slug/versions',
      { schema: { tags, summary: "An article's saved versions, newest first", params: slugParams, response: { 200: versionList } } },
      async (request) => listVersions(db, requireActor(request), request.params.slug),
    );

    routes.get(
      '/articles/:slug/diff',
      { schema: { tags, summary: 'What changed in the body between two versions, line by line', params: slugParams, querystring: diffQuery, response: { 200: diffView } } },
      async (request) => diffVersions(db, requireActor(request), request.params.slug, request.query.from, request.query.to),
    );

    routes.post(
      '/articles/:slug/views',
      { schema: { tags, summary: 'Count a view (the article page calls it once per open)', params: slugParams, response: { 204: z.null() } } },
      async (request, reply) => {
        await recordView(db, requireActor(request), request.params.slug);
        return reply.code(204).send(null);
      },
    );

    routes.put(
      '/articles/:slug/feedback',
      { schema: { tags, summary: 'Was it helpful? One answer per person; a second replaces the first', params: slugParams, body: feedbackBody, response: { 200: feedbackResult } } },
      async (request) => giveFeedback(db, requireActor(request), request.params.slug, request.body),
    );

    routes.get(
      '/articles/:slug/feedback',
      { schema: { tags, summary: 'What readers said, without their names (agents of the team, admins)', params: slugParams, response: { 200: feedbackList } } },
      async (request) => listFeedback(db, requireActor(request), request.params.slug),
    );

    await app.register(requestArticleRoutes(deps));
  };
}
