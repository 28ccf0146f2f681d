import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from '../server/platform/db/database.ts';
import { demoArticles } from '../server/modules/demo/demo-articles-data.ts';

// A knowledge base of any size that reads like the demo's: each synthetic article takes a demo
// article as its topic and mixes that topic's words with the whole base's, so common words
// ("laptop", "leave", "office") recur across thousands of articles as they would in a real one,
// and the fixed queries have many near-misses to rank against. Seeded, so every run (and both
// databases) gets the same articles.

/** mulberry32: a small, fast, seeded generator; quality is ample for picking words. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

const wordsOf = (text: string) => text.toLowerCase().match(/[a-z][a-z'-]{1,}/g) ?? [];
const topics = demoArticles.map((article) => ({ ...article, words: wordsOf(`${article.title} ${article.body}`) }));
const vocabulary = topics.flatMap((topic) => topic.words);
// Made-up system and place names, so titles are not all permutations of the same few words.
const names = ['Atlas', 'Beacon', 'Cobalt', 'Delta', 'Ember', 'Fjord', 'Granite', 'Harbor', 'Iris', 'Juniper', 'Kestrel', 'Lumen', 'Meridian', 'Nimbus'];

export interface SyntheticOptions {
  teamIds: string[];
  ownerId: string;
  seed: number;
}

/** Inserts `count` articles in batches; about 85% published, most for everyone. */
export async function insertSyntheticArticles(database: Database, count: number, options: SyntheticOptions): Promise<void> {
  const random = seeded(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const BATCH = 500;
  for (let start = 0; start < count; start += BATCH) {
    const rows = [];
    for (let index = start; index < Math.min(count, start + BATCH); index += 1) {
      const topic = pick(topics);
      const sentence = (length: number) => Array.from({ length }, () => (random() < 0.7 ? pick(topic.words) : pick(vocabulary))).join(' ');
      const title = `${sentence(2 + Math.floor(random() * 4))} ${pick(names)}`.slice(0, 190);
      const paragraphs = Array.from({ length: 2 + Math.floor(random() * 3) }, () => `${sentence(25 + Math.floor(random() * 30))}.`);
      const roll = random();
      rows.push({
        id: randomUUID(),
        teamId: pick(options.teamIds),
        slug: `synthetic-${options.seed}-${index}`,
        title: title.charAt(0).toUpperCase() + title.slice(1),
        body: paragraphs.join('\n\n'),
        status: roll < 0.85 ? 'published' : roll < 0.95 ? 'draft' : 'archived',
        visibility: random() < 0.9 ? 'everyone' : random() < 0.7 ? 'agents' : 'team',
        tags: [pick(topic.tags), pick(topic.words)],
        category: topic.category,
        ageDays: Math.floor(random() * 1000),
        helpful: random() < 0.3 ? Math.floor(random() * 40) : null,
        notHelpful: Math.floor(random() * 8),
      });
    }
    const values = sql.join(
      rows.map(
        (row) => sql`(${row.id}::uuid, ${row.teamId}::uuid, ${row.slug}, ${row.title}, ${row.body}, ${row.status}, ${row.visibility},
          ${row.category}, ${`{${row.tags.map((tag) => `"${tag.replace(/"/g, '')}"`).join(',')}}`}::text[], ${[...row.tags, row.category].join(' ')},
          ${options.ownerId}::uuid, ${options.ownerId}::uuid, now() - make_interval(days => ${row.ageDays}),
          ${row.status === 'published' ? sql`now() - make_interval(days => ${row.ageDays})` : sql`null`})`,
      ),
      sql`, `,
    );
    await database.db.execute(sql`
      insert into articles (id, team_id, slug, title, body, status, visibility, category, tags, keywords, owner_id, created_by, updated_at, published_at)
      values ${values}`);
    const rated = rows.filter((row) => row.helpful !== null);
    if (rated.length > 0) {
      await database.db.execute(sql`insert into article_stats (article_id, helpful, not_helpful) values ${sql.join(
        rated.map((row) => sql`(${row.id}::uuid, ${row.helpful}, ${row.notHelpful})`),
        sql`, `,
      )}`);
    }
  }
}
