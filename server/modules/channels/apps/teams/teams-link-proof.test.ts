import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../../../platform/db/database.ts';
import { LINK_CODE_ALPHABET } from '../identities/link-codes.ts';
import { countRows, inAnotherProcess, requestsFiledThrough } from '../sms/chat-app.test-support.ts';
import { startTeamsRig, type TeamsRig } from './teams.test-support.ts';

// A Teams answer is read by the whole channel, so a link in it can be opened by anyone there. Opening
// it only gets a code; the link is made when a code comes back from the very account it names.

let rig: TeamsRig;
let t: TeamsRig['t'];
let cast: TeamsRig['cast'];
let activityNumber = 0;

beforeAll(async () => {
  rig = await startTeamsRig('proof');
  ({ t, cast } = rig);
}, 120_000);
afterAll(async () => {
  await rig?.close();
});

const teamsUser = (aad: string, name: string) => ({ id: `29:bf-${aad}`, aadObjectId: aad, name });
type Writer = ReturnType<typeof teamsUser>;

async function say(text: string, from: Writer, id = `proof-${++activityNumber}-${Date.now()}`, app?: FastifyInstance) {
  const body = JSON.stringify({
    type: 'message',
    id,
    timestamp: new Date().toISOString(),
    from,
    conversation: { isGroup: true, id: `19:proof@thread.tacv2;messageid=${activityNumber}` },
    text: `<at>Hallway</at> ${text}`,
  });
  const answer = await rig.post(body, {}, app);
  expect(answer.statusCode, answer.body).toBe(200);
  return answer.json().text as string;
}

/** The token of the link an unknown writer is given. */
async function linkTokenFor(writer: Writer) {
  return /\/link\/teams#([\w-]+\.[\w-]+)\)/.exec(await say('hello?', writer))![1]!;
}
async function claim(headers: Record<string, string>, token: string): Promise<string> {
  const response = await t.app.inject({ method: 'POST', url: '/api/v1/me/identities', headers, payload: { token } });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().code;
}
const linksOf = async (aad: string) =>
  rowsOf<{ person_id: string }>(await t.database.db.execute(sql`select person_id from external_identities where external_user_id = ${aad}`)).map((row) => row.person_id);
const claimsOn = async (aad: string) =>
  rowsOf<{ person_id: string }>(await t.database.db.execute(sql`select person_id from external_identity_claims where external_user_id = ${aad} order by person_id`));
/** A code that is not this one (same alphabet, last character changed). */
/** A code of the right shape that is none of the given ones: the first with another last character. */
function wrongCode(...codes: string[]): string {
  for (const last of LINK_CODE_ALPHABET) {
    const candidate = `${codes[0]!.slice(0, -1)}${last}`;
    if (!codes.includes(candidate)) return candidate;
  }
  throw new Error('every last character makes one of the codes');
}

describe('a link shown in a shared channel', () => {
  it('cannot be taken by a colleague who opens it first: only the account own message decides', async () => {
    const victim = teamsUser('aad-victim', 'Vera Victim');
    const colleague = teamsUser('aad-colleague', 'Oscar (Teams)');
    const token = await linkTokenFor(victim);
    const before = await Promise.all([countRows(t.database, 'requests'), countRows(t.database, 'request_events')]);

    // The colleague opens the victim's link first, then the victim does: both get a code, nothing is linked.
    const colleagueCode = await claim(cast.headers.otherEmployee, token);
    const victimCode = await claim(cast.headers.employee, token);
    expect(colleagueCode).not.toBe(victimCode);
    expect(await linksOf('aad-victim')).toEqual([]);
    expect((await claimsOn('aad-victim')).map((row) => row.person_id).sort()).toEqual([cast.people.employee.id, cast.people.otherEmployee.id].sort());

    // The colleague types their code from their own Teams account: that account has no claim, nothing links.
    expect(await say(`link ${colleagueCode}`, colleague)).toMatch(/^No link is waiting for this Teams account, so nothing was linked\./);
    expect(await linksOf('aad-victim')).toEqual([]);
    expect(await linksOf('aad-colleague')).toEqual([]);

    // The victim types her own code from her account: linked to her, and every claim on it ends.
    expect(await say(`link ${victimCode}`, victim)).toBe('Linked to Emma Employee. Write your message again, and Hallway files it as Emma Employee.');
    expect(await linksOf('aad-victim')).toEqual([cast.people.employee.id]);
    expect(await claimsOn('aad-victim')).toEqual([]);
    // The code messages were neither filed nor kept.
    expect(await Promise.all([countRows(t.database, 'requests'), countRows(t.database, 'request_events')])).toEqual(before);

    // The colleague's code, now typed from the victim's account, changes nothing.
    expect(await say(`link ${colleagueCode}`, victim)).toMatch(/^No link is waiting/);
    expect(await linksOf('aad-victim')).toEqual([cast.people.employee.id]);
    expect(await say('my badge stopped working', victim)).toMatch(/^Filed \*\*[A-Z0-9]+-\d+\*\* as Emma Employee: my badge stopped working\./);
    expect(await requestsFiledThrough(t.database, 'teams', cast.people.otherEmployee.id)).toEqual([]);
  });

  it('a repeat of a code message (Teams retrying, to another process) is only "Already received"', async () => {
    const writer = teamsUser('aad-repeat', 'Rita Repeat');
    const code = await claim(cast.headers.otherEmployee, await linkTokenFor(writer));
    const id = `proof-repeat-${Date.now()}`;
    expect(await say(`link ${code}`, writer, id)).toMatch(/^Linked to Oscar Other\./);
    // This process's replay guard would refuse the same call; another process has only the receipt to go by.
    expect(await inAnotherProcess(t.database, (other) => say(`link ${code}`, writer, id, other))).toBe('Already received.');
    expect(await linksOf('aad-repeat')).toEqual([cast.people.otherEmployee.id]);
  });
});

describe('a code that does not prove the link', () => {
  it('wrong: a polite answer, nothing linked or filed, and the right code still works', async () => {
    const writer = teamsUser('aad-typo', 'Tom Typo');
    const code = await claim(cast.headers.employee, await linkTokenFor(writer));
    const before = await countRows(t.database, 'requests');
    for (let attempt = 1; attempt < 5; attempt += 1) {
      expect(await say(`link ${wrongCode(code)}`, writer)).toMatch(/^That code is not right, or has expired, so nothing was linked\./);
    }
    expect(await linksOf('aad-typo')).toEqual([]);
    expect(await countRows(t.database, 'requests')).toBe(before);
    expect(await say(`link ${code}`, writer)).toMatch(/^Linked to Emma Employee\./);
  });

  it('expired: nothing linked, and the claim is gone', async () => {
    const writer = teamsUser('aad-late', 'Lena Late');
    const code = await claim(cast.headers.employee, await linkTokenFor(writer));
    await t.database.db.execute(sql`update external_identity_claims set expires_at = now() - interval '1 second' where external_user_id = 'aad-late'`);
    expect(await say(`link ${code}`, writer)).toMatch(/^No link is waiting for this Teams account, so nothing was linked\. Codes last 15 minutes/);
    expect(await linksOf('aad-late')).toEqual([]);
    expect(await claimsOn('aad-late')).toEqual([]);
  });

  it('five wrong codes end every claim on the account, so the right one no longer links; asking again gives a new code', async () => {
    const writer = teamsUser('aad-guesser', 'Gus Guesser');
    const token = await linkTokenFor(writer);
    const code = await claim(cast.headers.employee, token);
    const colleagueCode = await claim(cast.headers.otherEmployee, token);
    const answers = [];
    for (let attempt = 0; attempt < 5; attempt += 1) answers.push(await say(`link ${wrongCode(code, colleagueCode)}`, writer));
    expect(answers.at(-1)).toMatch(/^That code is not right, so nothing was linked\. Too many wrong or late codes: open your link again/);
    expect(await claimsOn('aad-guesser')).toEqual([]);
    expect(await say(`link ${code}`, writer)).toMatch(/^No link is waiting/);
    expect(await say(`link ${colleagueCode}`, writer)).toMatch(/^No link is waiting/);
    expect(await linksOf('aad-guesser')).toEqual([]);

    const fresh = await claim(cast.headers.employee, token);
    expect(await say(`link ${fresh}`, writer)).toMatch(/^Linked to Emma Employee\./);
  });

  it('for an account someone else holds already: refused on the page (409) and in Teams, nothing changes', async () => {
    const writer = teamsUser('aad-held', 'Hal Held');
    const token = await linkTokenFor(writer);
    const herCode = await claim(cast.headers.employee, token);
    const hisCode = await claim(cast.headers.otherEmployee, token);
    expect(await say(`link ${herCode}`, writer)).toMatch(/^Linked to Emma Employee\./);
    const late = await t.app.inject({ method: 'POST', url: '/api/v1/me/identities', headers: cast.headers.otherEmployee, payload: { token } });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'EXTERNAL_IDENTITY_TAKEN' });
    expect(await say(`link ${hisCode}`, writer)).toMatch(/^No link is waiting/);
    expect(await linksOf('aad-held')).toEqual([cast.people.employee.id]);
  });
});
