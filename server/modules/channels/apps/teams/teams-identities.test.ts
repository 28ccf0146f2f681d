import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../../../platform/db/database.ts';
import { drainDeliveries } from '../../../../platform/jobs/delivery-worker.ts';
import { httpDeliveryQueue } from '../../../integrations/http-delivery.queue.ts';
import { identityLinkSecret } from '../identities/identities.service.ts';
import { signIdentityLink } from '../identities/link-tokens.ts';
import { countRows, publicCommentsOf, requestsFiledThrough } from '../sms/chat-app.test-support.ts';
import { startTeamsRig, type TeamsRig } from './teams.test-support.ts';

// Teams sends no e-mail address: an unknown writer is given a signed link, asks for the link signed
// in to Hallway (/me/identities gives a code), writes `link <code>` from that Teams account, and from
// then on writes as that person. How the code closes the shared-channel hijack: teams-link-proof.test.ts.

let rig: TeamsRig;
let t: TeamsRig['t'];
let cast: TeamsRig['cast'];
let channel: TeamsRig['channel'];
let connection: TeamsRig['connection'];
let activityNumber = 0;

beforeAll(async () => {
  rig = await startTeamsRig('identity');
  ({ t, cast, channel, connection } = rig);
}, 120_000);
afterAll(async () => {
  await rig?.close();
});

/** A writer as Teams really names them: a Bot Framework id, an AAD object id and a display name. */
const teamsUser = (aad: string, name: string) => ({ id: `29:bf-${aad}`, aadObjectId: aad, name });

function say(text: string, from: ReturnType<typeof teamsUser>, conversation?: string) {
  activityNumber += 1;
  const body = JSON.stringify({
    type: 'message',
    id: `identity-${activityNumber}-${Date.now()}`,
    timestamp: new Date().toISOString(),
    from,
    conversation: { isGroup: true, id: conversation ?? `19:identity@thread.tacv2;messageid=${activityNumber}` },
    text: `<at>Hallway</at> ${text}`,
  });
  return rig.post(body);
}

const linkTokenIn = (answer: string) => /\/link\/teams#([\w-]+\.[\w-]+)\)/.exec(answer)?.[1];
const link = (headers: Record<string, string>, token: unknown) => t.app.inject({ method: 'POST', url: '/api/v1/me/identities', headers, payload: { token } });
/** Claims the account on the page, then proves it from the account itself; the Teams answer. */
async function linkWithCode(headers: Record<string, string>, token: string, writer: ReturnType<typeof teamsUser>, conversation?: string) {
  const claimed = await link(headers, token);
  expect(claimed.statusCode, claimed.body).toBe(201);
  return (await say(`link ${claimed.json().code}`, writer, conversation)).json().text as string;
}
const identitiesOf = (headers: Record<string, string>) => t.app.inject({ method: 'GET', url: '/api/v1/me/identities', headers });
const claimCount = async () => rowsOf(await t.database.db.execute(sql`select 1 from external_identity_claims`)).length;
const identityRows = async () =>
  rowsOf<{ external_user_id: string; person_id: string }>(await t.database.db.execute(sql`select external_user_id, person_id from external_identities order by external_user_id`));

describe('an unknown Teams writer', () => {
  it('is given a one-click link to their account, and nothing is filed or kept', async () => {
    const before = await Promise.all([countRows(t.database, 'requests'), countRows(t.database, 'request_events')]);
    const answer = await say('my laptop battery is swollen', teamsUser('aad-unknown', 'Una Known'));
    expect(answer.statusCode).toBe(200);
    const text: string = answer.json().text;
    expect(text).toMatch(/^Hallway doesn't know your Teams account yet, so nothing was filed and your message was not kept\./);
    expect(text).toContain('](http://localhost:3000/link/teams#');
    expect(linkTokenIn(text)).toBeDefined();
    expect(text).not.toContain('battery');
    expect(await Promise.all([countRows(t.database, 'requests'), countRows(t.database, 'request_events')])).toEqual(before);
    expect(await identityRows()).toEqual([]);
  });
});

describe('linking a Teams account', () => {
  it('refuses a forged, tampered, expired or missing token, and a caller who is not signed in, linking nothing', async () => {
    const answer = await say('hello', teamsUser('aad-forged', 'Fran Forged'));
    const token = linkTokenIn(answer.json().text)!;
    const [payload, signature] = token.split('.');
    const secret = await identityLinkSecret(t.database.db);
    const claims = { connectionId: connection.id, externalUserId: 'aad-forged', externalName: 'Fran Forged' };
    const tampered = Buffer.from(JSON.stringify({ c: connection.id, u: 'aad-someone-else', n: 'X', e: 4_000_000_000 })).toString('base64url');
    const refusals = [
      signIdentityLink('a-secret-that-is-not-hallways', { ...claims, expiresAt: new Date(Date.now() + 60_000) }),
      `${tampered}.${signature}`,
      `${payload}.${signature}x`,
      signIdentityLink(secret, { ...claims, expiresAt: new Date(Date.now() - 1000) }),
      'not-a-token',
    ];
    for (const bad of refusals) {
      const response = await link(cast.headers.employee, bad);
      expect(response.statusCode, bad).toBe(400);
      expect(response.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'body.token' }] });
    }
    const missing = await link(cast.headers.employee, undefined);
    expect(missing.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'body.token' }] });
    expect((await link(cast.headers.anonymous, token)).statusCode).toBe(401);
    expect(await identityRows()).toEqual([]);
  });

  it('gives the caller a code and links nothing until it comes back from the account, after which the same message files a request as them', async () => {
    const writer = teamsUser('aad-emma', 'Emma E.');
    const first = await say('the second monitor flickers', writer);
    const token = linkTokenIn(first.json().text)!;

    const claimed = await link(cast.headers.employee, token);
    expect(claimed.statusCode, claimed.body).toBe(201);
    const { code, expiresAt, instruction } = claimed.json();
    expect(claimed.json()).toMatchObject({ connectionId: connection.id, kind: 'teams', externalUserId: 'aad-emma', externalName: 'Emma E.' });
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    expect(instruction).toContain(`link ${code}`);
    expect(new Date(expiresAt).getTime() - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(new Date(expiresAt).getTime() - Date.now()).toBeLessThanOrEqual(15 * 60_000);
    expect(await identityRows()).toEqual([]);
    expect((await identitiesOf(cast.headers.employee)).json().items).toEqual([]);
    // Only the hash is stored.
    const [claim] = rowsOf<{ code_hash: string }>(await t.database.db.execute(sql`select code_hash from external_identity_claims where external_user_id = 'aad-emma'`));
    expect(claim!.code_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(claim!.code_hash).not.toContain(code);

    const before = await countRows(t.database, 'requests');
    const proved = await say(`link ${code.toLowerCase()}`, writer);
    expect(proved.json().text).toBe('Linked to Emma Employee. Write your message again, and Hallway files it as Emma Employee.');
    expect(await countRows(t.database, 'requests')).toBe(before);
    expect(await claimCount()).toBe(0);
    expect((await identitiesOf(cast.headers.employee)).json().items).toEqual([expect.objectContaining({ externalUserId: 'aad-emma', connectionName: 'teams test' })]);
    expect((await identitiesOf(cast.headers.otherEmployee)).json().items).toEqual([]);

    const again = await say('the second monitor flickers', writer);
    const [filed] = await requestsFiledThrough(t.database, 'teams', cast.people.employee.id);
    expect(filed).toMatchObject({ subject: 'the second monitor flickers' });
    expect(again.json().text).toContain(`Filed **${filed!.key}** as Emma Employee: the second monitor flickers.`);
  });

  it('does not let another person take an account already linked; the same person may link it again', async () => {
    const token = linkTokenIn((await say('anyone there?', teamsUser('aad-emma', 'Emma E.'))).json().text);
    // Linked already: the writer is known, so no link is given; a link made earlier still exists.
    expect(token).toBeUndefined();
    const secret = await identityLinkSecret(t.database.db);
    const earlier = signIdentityLink(secret, { connectionId: connection.id, externalUserId: 'aad-emma', externalName: 'Emma E.', expiresAt: new Date(Date.now() + 60_000) });
    const taken = await link(cast.headers.otherEmployee, earlier);
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'EXTERNAL_IDENTITY_TAKEN' });
    expect(await claimCount()).toBe(0);
    expect(await linkWithCode(cast.headers.employee, earlier, teamsUser('aad-emma', 'Emma E.'))).toMatch(/^Linked to Emma Employee\./);
    expect(await identityRows()).toEqual([{ external_user_id: 'aad-emma', person_id: cast.people.employee.id }]);
  });

  it('unlinks only the caller own account, after which the writer is unknown again', async () => {
    const path = `/api/v1/me/identities/${connection.id}/aad-emma`;
    const notTheirs = await t.app.inject({ method: 'DELETE', url: path, headers: cast.headers.otherEmployee });
    expect(notTheirs.statusCode).toBe(404);
    expect(notTheirs.json()).toMatchObject({ code: 'EXTERNAL_IDENTITY_NOT_FOUND' });
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/me/identities/not-a-uuid/aad-emma`, headers: cast.headers.employee })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'DELETE', url: path, headers: cast.headers.employee })).statusCode).toBe(204);
    expect(await identityRows()).toEqual([]);
    const before = await countRows(t.database, 'requests');
    expect(linkTokenIn((await say('still flickering', teamsUser('aad-emma', 'Emma E.'))).json().text)).toBeDefined();
    expect(await countRows(t.database, 'requests')).toBe(before);
  });
});

describe('Teams round trip for a linked writer', () => {
  it('links, files, takes the agent reply to the channel card, and takes the requester answer as their comment', async () => {
    const writer = teamsUser('aad-oscar', 'Oscar O.');
    const conversation = '19:identity@thread.tacv2;messageid=oscar-roundtrip';
    const token = linkTokenIn((await say('need access to the finance share', writer, conversation)).json().text)!;
    expect(await linkWithCode(cast.headers.otherEmployee, token, writer)).toMatch(/^Linked to Oscar Other\./);

    const opened = await say('need access to the finance share', writer, conversation);
    const key = /Filed \*\*([A-Z0-9]+-\d+)\*\* as Oscar Other/.exec(opened.json().text)![1]!;
    const [request] = (await requestsFiledThrough(t.database, 'teams', cast.people.otherEmployee.id)).filter((r) => r.key === key);
    expect(request).toBeDefined();

    await drainDeliveries(t.database, httpDeliveryQueue());
    channel.calls.length = 0;
    const reply = await t.app.inject({
      method: 'POST',
      url: `/api/v1/requests/${key}/comments`,
      headers: cast.headers.agent,
      payload: { body: 'Granted read access; sign out and in again.', visibility: 'public' },
    });
    expect(reply.statusCode).toBe(201);
    expect(await drainDeliveries(t.database, httpDeliveryQueue())).toBe(1);
    const [card] = await channel.waitFor(1, '/webhookb2/identity');
    expect(JSON.parse(card!.body)).toMatchObject({ '@type': 'MessageCard', title: `${key}: need access to the finance share`, text: 'Granted read access; sign out and in again.' });

    const answered = await say('Works now, thanks', writer, conversation);
    expect(answered.json().text).toContain(`Added to **${key}** as Oscar Other`);
    expect(await publicCommentsOf(t.database, request!.id)).toEqual(['Granted read access; sign out and in again.', 'Works now, thanks']);
  });

  it('treats a linked person who was deactivated as unknown', async () => {
    await t.database.db.execute(sql`update people set active = false where id = ${cast.people.otherEmployee.id}`);
    const before = await countRows(t.database, 'requests');
    const answer = await say('one more thing', teamsUser('aad-oscar', 'Oscar O.'));
    expect(answer.json().text).toMatch(/^Hallway doesn't know your Teams account yet/);
    expect(await countRows(t.database, 'requests')).toBe(before);
  });
});
