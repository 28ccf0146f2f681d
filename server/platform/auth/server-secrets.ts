import { eq } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { serverSecrets } from './auth.tables.ts';
import { newSecret } from './secrets.ts';

// One value per name for the whole deployment: the first process to ask makes it (racing processes
// agree through ON CONFLICT DO NOTHING, then everyone reads the winner), and it survives restarts.
// Kept in the database because Hallway's database is its one shared state; whoever can read the
// database can already act as anyone, so storing it there gives nothing new away.
const cache = new WeakMap<Db, Map<string, Promise<string>>>();

export function serverSecret(db: Db, name: string): Promise<string> {
  let byName = cache.get(db);
  if (!byName) cache.set(db, (byName = new Map()));
  let secret = byName.get(name);
  if (!secret) {
    secret = (async () => {
      await db.insert(serverSecrets).values({ name, value: newSecret() }).onConflictDoNothing();
      const [row] = await db.select({ value: serverSecrets.value }).from(serverSecrets).where(eq(serverSecrets.name, name));
      if (!row) throw new Error(`server secret ${name} could not be made`);
      return row.value;
    })();
    // A failed attempt (database down) is not remembered: the next call tries again.
    secret.catch(() => byName!.delete(name));
    byName.set(name, secret);
  }
  return secret;
}
