import { apiTokens } from './auth.tables.ts';
import type { Queryable } from '../db/database.ts';
import { hashSecret, newSecret } from './secrets.ts';

/** Tokens start with a recognisable prefix so secret scanners and people can spot a leaked one. */
export const API_TOKEN_PREFIX = 'hwt_';

export interface IssuedApiToken {
  id: string;
  name: string;
  /** Shown once, never stored: only its hash is kept. */
  token: string;
  displayPrefix: string;
  /** Null: a token with its person's rights, as every token was before scopes (tests, the CLI). */
  scopes: string[] | null;
  createdAt: Date;
}

/** Which scopes are allowed is the caller's to check (auth.service.ts checks them against the person). */
export async function issueApiToken(db: Queryable, personId: string, name: string, scopes: string[] | null = null): Promise<IssuedApiToken> {
  const token = `${API_TOKEN_PREFIX}${newSecret()}`;
  const displayPrefix = token.slice(0, API_TOKEN_PREFIX.length + 6);
  const [row] = await db
    .insert(apiTokens)
    .values({ personId, name, tokenHash: hashSecret(token), displayPrefix, scopes })
    .returning({ id: apiTokens.id, createdAt: apiTokens.createdAt });
  return { id: row!.id, name, token, displayPrefix, scopes, createdAt: row!.createdAt };
}
