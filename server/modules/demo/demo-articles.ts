import type { Queryable } from '../../platform/db/database.ts';
import { seedArticles, type SeedArticle } from '../knowledge/articles.seed.ts';
import { demoArticles, type DemoArticle } from './demo-articles-data.ts';
import type { DemoDirectory } from './demo-directory.ts';

// The demo's knowledge base, through the articles module (the same checks as an author's input):
// every article of demo-articles-data.ts published by its team's lead and dated its age ago, with
// its helpfulness so far, plus two still being written, so the desk shows the whole lifecycle.

type InProgress = Omit<DemoArticle, 'helpful' | 'notHelpful'> & { status: 'draft' | 'in_review' };

const inProgress: InProgress[] = [
  {
    slug: 'replace-a-laptop-battery',
    team: 'it',
    title: 'Replace a swollen laptop battery',
    category: 'Devices',
    tags: ['laptop', 'battery', 'hardware'],
    visibility: 'everyone',
    owner: 'daniel.osei',
    ageDays: 1,
    status: 'draft',
    body: `A battery that has swollen lifts the trackpad or the bottom cover. **Stop using the laptop** and unplug it.

1. Back up what you can (see the note below on OneDrive).
2. Ask for a replacement through [Laptop or computer problem](/services/laptop-repair).
3. Bring the laptop to the service desk; do not post it.

_To do before review: the courier rules for the Lisbon and Singapore offices._`,
  },
  {
    slug: 'parental-leave-what-changes-in-2027',
    team: 'hr',
    title: 'Parental leave: what changes in 2027',
    category: 'Leave',
    tags: ['parental leave', 'policy', 'leave'],
    visibility: 'everyone',
    owner: 'olivia.bennett',
    ageDays: 2,
    status: 'in_review',
    body: `From 1 January 2027 every parent gets 20 weeks of fully paid leave, whoever gives birth, adopts or becomes a parent through surrogacy.

- Leave can be taken in up to three blocks within two years of the birth or adoption.
- Tell your manager and HR at least eight weeks before your first block.
- Leave already booked under the current policy moves to the new one automatically.

Book your leave through [Book time off](/services/book-time-off); if your case is unusual, ask through [Speak to HR in confidence](/services/speak-to-hr).`,
  },
];

function idOf(map: Map<string, string>, key: string, what: string): string {
  const id = map.get(key);
  if (!id) throw new Error(`the demo knowledge base names ${what} ${key}, which is not in the demo directory`);
  return id;
}

function seedInput(directory: DemoDirectory, article: Omit<DemoArticle, 'helpful' | 'notHelpful'>, now: Date): Omit<SeedArticle, 'status'> {
  const lead = directory.deskByTeam.get(article.team)?.[0];
  if (!lead) throw new Error(`the demo knowledge base names team ${article.team}, which has no desk`);
  const ownerId = idOf(directory.personIdByHandle, article.owner, 'the owner');
  return {
    teamId: idOf(directory.teamIdBySlug, article.team, 'the team'),
    slug: article.slug,
    title: article.title,
    body: article.body,
    category: article.category,
    tags: article.tags,
    visibility: article.visibility,
    ownerId,
    authorId: ownerId,
    publisherId: idOf(directory.personIdByHandle, lead, 'the lead'),
    at: new Date(now.getTime() - article.ageDays * 86_400_000),
  };
}

/** Seeds the knowledge base; returns how many articles it wrote. Deterministic for a given `now`. */
export async function seedDemoArticles(tx: Queryable, directory: DemoDirectory, now: Date): Promise<number> {
  const published = demoArticles.map(({ helpful, notHelpful, ...article }): SeedArticle => {
    // Most readers do not answer "was this helpful?": views are a few times the answers.
    const stats = { views: (helpful + notHelpful) * 6 + 5, helpful, notHelpful };
    return { ...seedInput(directory, article, now), status: 'published', stats };
  });
  const unfinished = inProgress.map(({ status, ...article }): SeedArticle => ({ ...seedInput(directory, article, now), status }));
  return (await seedArticles(tx, [...published, ...unfinished])).length;
}
