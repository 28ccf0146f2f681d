import { sql } from 'drizzle-orm';
import type { Database } from '../../server/platform/db/database.ts';

// What each table contributes to a fingerprint. A token's last_used_at changes on any call made
// with it, which is bookkeeping, not a write the call made.
const TABLES: Record<string, string> = {
  people: 'select * from people',
  teams: 'select * from teams',
  request_key_prefixes: 'select * from request_key_prefixes',
  team_memberships: 'select * from team_memberships',
  sessions: 'select * from sessions',
  api_tokens: 'select id, person_id, name, token_hash, display_prefix, created_at, revoked_at from api_tokens',
  sign_in_failures: 'select * from sign_in_failures',
  requests: 'select * from requests',
  request_events: 'select * from request_events',
  calendars: 'select * from calendars',
  calendar_closures: 'select * from calendar_closures',
  services: 'select * from services',
  service_forms: 'select * from service_forms',
  request_steps: 'select * from request_steps',
  request_approvals: 'select * from request_approvals',
  sla_policies: 'select * from sla_policies',
  internal_agreements: 'select * from internal_agreements',
  request_sla_clocks: 'select * from request_sla_clocks',
  request_workflow_steps: 'select * from request_workflow_steps',
  timers: 'select * from timers',
  attachments: 'select id, request_id, article_id, uploaded_by, visibility, file_name, content_type, size_bytes, sha256, created_at, linked_at from attachments',
  articles: 'select id, team_id, slug, title, body, body_html, status, visibility, category, tags, keywords, owner_id, review_by, version, source_request_id, created_by, created_at, updated_at, published_at, archived_at from articles',
  article_versions: 'select * from article_versions',
  article_stats: 'select * from article_stats',
  article_feedback: 'select * from article_feedback',
  request_articles: 'select * from request_articles',
};

/**
 * Row count and a digest of every row of the tables a call could write: equal fingerprints
 * before and after a refused call mean it wrote nothing, not even half of something.
 */
export async function fingerprint(database: Database): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const [table, projection] of Object.entries(TABLES)) {
    const [row] = await database.rows<{ rows: number; digest: string | null }>(sql.raw(`
      select count(*)::int as rows, md5(string_agg(t::text, '|' order by t::text)) as digest
      from (${projection}) t`));
    result[table] = `${row?.rows}:${row?.digest ?? ''}`;
  }
  return result;
}
