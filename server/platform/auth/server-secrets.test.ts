import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTwoCallers, type TwoCallers } from '../../../test/support/timer-databases.ts';
import { serverSecret } from './server-secrets.ts';

// A link signed by one app process must verify on every other one, and after a restart: so the
// secret is the deployment's, made once in the database, not each process's own.
describe('server secrets', () => {
  let callers: TwoCallers;
  beforeAll(async () => {
    callers = await openTwoCallers();
  });
  afterAll(() => callers.close());

  it('is one value for every process asking at once, kept in the database', async () => {
    const [first, second] = await Promise.all([serverSecret(callers.first.db, 'links'), serverSecret(callers.second.db, 'links')]);
    expect(first).toBe(second);
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await callers.first.rows<{ value: string }>(sql`select value from server_secrets where name = 'links'`);
    expect(stored).toEqual([{ value: first }]);
  });

  it('differs from name to name', async () => {
    expect(await serverSecret(callers.first.db, 'one')).not.toBe(await serverSecret(callers.first.db, 'other'));
  });
});
