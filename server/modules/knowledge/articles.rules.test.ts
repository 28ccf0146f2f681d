import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/actor.ts';
import { nextFreeSlug, slugFromTitle } from './article-slugs.ts';
import { lineChanges } from './article-versions.ts';
import { allowedMoves, planArticleTransition } from './articles.lifecycle.ts';
import { canPublishArticles, canReadArticle, canReadFeedback, canWriteArticles, type ArticleActor, type ArticleFacts } from './articles.policy.ts';
import { isStale } from './articles.views.ts';
import { articleStatuses, articleVisibilities } from './knowledge.tables.ts';

// The knowledge base's rules as plain functions: who reads what, the lifecycle, slugs, diffs.

const TEAM = 'team-it';
const OTHER = 'team-hr';
const actor = (memberships: Actor['memberships'] = [], isAdmin = false): ArticleActor => ({ personId: 'p', isAdmin, memberships });
const employee = actor();
const agentOfOther = actor([{ teamId: OTHER, role: 'agent' }]);
const agent = actor([{ teamId: TEAM, role: 'agent' }]);
const lead = actor([{ teamId: TEAM, role: 'lead' }]);
const admin = actor([], true);
const article = (status: ArticleFacts['status'], visibility: ArticleFacts['visibility']): ArticleFacts => ({ teamId: TEAM, status, visibility });

describe('who reads an article', () => {
  it('a published article for everyone: every signed-in person', () => {
    for (const who of [employee, agentOfOther, agent, lead, admin]) expect(canReadArticle(who, article('published', 'everyone'))).toBe(true);
  });

  it('an agents-only article never reaches an employee, even by its direct link', () => {
    expect(canReadArticle(employee, article('published', 'agents'))).toBe(false);
    for (const who of [agentOfOther, agent, lead, admin]) expect(canReadArticle(who, article('published', 'agents'))).toBe(true);
  });

  it("a team-only article: only that team's members (and admins)", () => {
    expect(canReadArticle(employee, article('published', 'team'))).toBe(false);
    expect(canReadArticle(agentOfOther, article('published', 'team'))).toBe(false);
    for (const who of [agent, lead, admin]) expect(canReadArticle(who, article('published', 'team'))).toBe(true);
  });

  it("drafts, reviews and archived articles: only the team's agents and admins, whatever the visibility", () => {
    for (const status of ['draft', 'in_review', 'archived'] as const) {
      for (const visibility of articleVisibilities) {
        expect(canReadArticle(employee, article(status, visibility))).toBe(false);
        expect(canReadArticle(agentOfOther, article(status, visibility))).toBe(false);
        for (const who of [agent, lead, admin]) expect(canReadArticle(who, article(status, visibility))).toBe(true);
      }
    }
  });

  it("writing is for the team's agents and admins, publishing for its leads and admins", () => {
    expect([employee, agentOfOther, agent, lead, admin].map((who) => canWriteArticles(who, TEAM))).toEqual([false, false, true, true, true]);
    expect([employee, agentOfOther, agent, lead, admin].map((who) => canPublishArticles(who, TEAM))).toEqual([false, false, false, true, true]);
    expect([employee, agentOfOther, agent, lead, admin].map((who) => canReadFeedback(who, { teamId: TEAM }))).toEqual([false, false, true, true, true]);
  });
});

describe('the lifecycle', () => {
  it('allows exactly the contract\'s moves', () => {
    const allowed = articleStatuses.flatMap((from) => articleStatuses.filter((to) => planArticleTransition(from, to, true).allowed).map((to) => `${from}->${to}`));
    expect(allowed.sort()).toEqual(['archived->draft', 'draft->in_review', 'draft->published', 'in_review->draft', 'in_review->published', 'published->archived']);
    for (const from of articleStatuses) expect(allowedMoves(from).length).toBeGreaterThan(0);
  });

  it('refuses published -> draft, pointing to editing instead', () => {
    const plan = planArticleTransition('published', 'draft', true);
    expect(plan).toMatchObject({ allowed: false, problem: 'illegal' });
    expect(plan.allowed ? '' : plan.reason).toContain('edit the published article instead');
  });

  it('publishing needs a lead or an admin; other moves do not', () => {
    expect(planArticleTransition('in_review', 'published', false)).toMatchObject({ allowed: false, problem: 'forbidden' });
    expect(planArticleTransition('draft', 'published', false)).toMatchObject({ allowed: false, problem: 'forbidden' });
    expect(planArticleTransition('draft', 'in_review', false)).toMatchObject({ allowed: true });
    expect(planArticleTransition('published', 'archived', false)).toMatchObject({ allowed: true, stamps: { archivedAt: 'now' } });
    expect(planArticleTransition('in_review', 'published', true)).toMatchObject({ allowed: true, stamps: { publishedAt: 'now', archivedAt: null } });
    expect(planArticleTransition('archived', 'draft', false)).toMatchObject({ allowed: true, stamps: { publishedAt: null, archivedAt: null } });
  });
});

describe('slugs', () => {
  it('come from the title', () => {
    expect(slugFromTitle('Reset your VPN password (Mac)')).toBe('reset-your-vpn-password-mac');
    expect(slugFromTitle('Café – Élan  vital!')).toBe('cafe-elan-vital');
    expect(slugFromTitle('???')).toBe('article');
    expect(slugFromTitle('a'.repeat(300))).toHaveLength(80);
  });

  it('are made unique after the highest number taken, and never a reserved word', () => {
    expect(nextFreeSlug('vpn', [])).toBe('vpn');
    expect(nextFreeSlug('vpn', ['vpn'])).toBe('vpn-2');
    expect(nextFreeSlug('vpn', ['vpn', 'vpn-2', 'vpn-7'])).toBe('vpn-8');
    expect(nextFreeSlug('categories', [])).toBe('categories-2');
  });
});

describe('line diffs', () => {
  it('report added, removed and equal runs, consecutive lines joined', () => {
    expect(lineChanges('one\ntwo\nthree\nfour', 'one\nTWO\nthree\nfour\nfive\nsix')).toEqual([
      { kind: 'equal', text: 'one\n' },
      { kind: 'removed', text: 'two\n' },
      { kind: 'added', text: 'TWO\n' },
      { kind: 'equal', text: 'three\nfour\n' },
      { kind: 'added', text: 'five\nsix\n' },
    ]);
  });

  it('are empty of changes for equal bodies, and whole for a first body', () => {
    expect(lineChanges('same\n', 'same')).toEqual([{ kind: 'equal', text: 'same\n' }]);
    expect(lineChanges('', 'new\n')).toEqual([{ kind: 'added', text: 'new\n' }]);
  });
});

describe('stale', () => {
  it('is a published article past its review-by date', () => {
    expect(isStale({ status: 'published', reviewBy: '2026-01-01' }, '2026-01-02')).toBe(true);
    expect(isStale({ status: 'published', reviewBy: '2026-01-02' }, '2026-01-02')).toBe(false);
    expect(isStale({ status: 'draft', reviewBy: '2020-01-01' }, '2026-01-02')).toBe(false);
    expect(isStale({ status: 'published', reviewBy: null }, '2026-01-02')).toBe(false);
  });
});
