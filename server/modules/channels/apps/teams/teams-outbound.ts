import type { Queryable } from '../../../../platform/db/database.ts';
import { queueHttpDelivery } from '../../../integrations/http-deliveries.ts';
import type { ConnectionRow } from '../connections.service.ts';
import { teamsSettingsOf } from './teams-settings.ts';

const CARD_TEXT_LIMIT = 4_000;

export interface TeamsPost {
  key: string;
  subject: string;
  text: string;
  /** The notification's line (Teams shows it in the activity feed). */
  summary: string;
  link: string;
  requestId: string;
  dedupeKey: string;
}

/**
 * A simple message card for the channel's incoming webhook ("Create incoming webhooks", Microsoft
 * Learn): the request's key and subject as title, the reply as text, a button to open the request.
 * Teams renders the card's text as Markdown, so the reply's own Markdown characters are escaped.
 */
export function teamsCard(post: Omit<TeamsPost, 'requestId' | 'dedupeKey'>): Record<string, unknown> {
  const text = Array.from(post.text);
  const clipped = text.length > CARD_TEXT_LIMIT ? `${text.slice(0, CARD_TEXT_LIMIT - 1).join('')}…` : post.text;
  return {
    '@type': 'MessageCard',
    '@context': 'https://schema.org/extensions',
    summary: post.summary,
    title: `${post.key}: ${escapeMarkdown(post.subject)}`,
    text: escapeMarkdown(clipped).replace(/\n/g, '\n\n'),
    potentialAction: [{ '@type': 'OpenUri', name: `Open ${post.key}`, targets: [{ os: 'default', uri: post.link }] }],
  };
}

/** Queues the card in the caller's transaction; false when the connection has no incoming webhook. */
export async function queueTeamsPost(tx: Queryable, connection: ConnectionRow, post: TeamsPost): Promise<boolean> {
  const url = teamsSettingsOf(connection).incomingWebhookUrl;
  if (!url) return false;
  await queueHttpDelivery(tx, {
    purpose: 'teams',
    url,
    connectionId: connection.id,
    requestId: post.requestId,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(teamsCard(post)),
    dedupeKey: post.dedupeKey,
  });
  return true;
}

export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_{}[\]()#+!|<>~])/g, '\\$1');
}
