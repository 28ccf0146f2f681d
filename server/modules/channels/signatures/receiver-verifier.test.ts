import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signHallwayDelivery } from './hallway-delivery-signature.ts';

/**
 * Decision 0021 offers receivers a verifier to copy into their own code. This runs that exact block,
 * taken from the document, against Hallway's signer, so the published code cannot drift from it.
 */
type ReceiverVerifier = (header: unknown, rawBody: Buffer, secrets: string[], toleranceSeconds?: number, nowSeconds?: number) => boolean;

const DECISION = path.resolve(import.meta.dirname, '../../../../docs/decisions/0021-channel-signatures.md');
const BLOCK = /<!-- receiver-verifier:start -->\s*```js\n([\s\S]*?)```\s*<!-- receiver-verifier:end -->/;

let folder = '';
let verifyHallwaySignature: ReceiverVerifier;

beforeAll(async () => {
  const code = BLOCK.exec(await readFile(DECISION, 'utf8'))?.[1];
  if (code === undefined) throw new Error('The receiver verifier block is missing from decision 0021');
  folder = await mkdtemp(path.join(tmpdir(), 'hallway-receiver-'));
  const file = path.join(folder, 'verify-hallway-signature.mjs');
  await writeFile(file, code);
  const loaded = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as { verifyHallwaySignature: ReceiverVerifier };
  verifyHallwaySignature = loaded.verifyHallwaySignature;
});

afterAll(async () => {
  if (folder !== '') await rm(folder, { recursive: true, force: true });
});

const T = 1764158400;
const body = Buffer.from('{"event":"request.resolved","request":"IT-7","note":"Écran réparé ✅"}', 'utf8');

describe('the verifier published for receivers in decision 0021', () => {
  it("accepts what Hallway signs, with either secret during a rotation", () => {
    const header = signHallwayDelivery(['new-secret', 'old-secret'], T, body);
    expect(verifyHallwaySignature(header, body, ['new-secret'], 300, T + 10)).toBe(true);
    expect(verifyHallwaySignature(header, body, ['old-secret'], 300, T + 10)).toBe(true);
  });

  it('refuses another secret, a tampered body, a stale or future t, and garbage', () => {
    const header = signHallwayDelivery(['new-secret'], T, body);
    expect(verifyHallwaySignature(header, body, ['other'], 300, T)).toBe(false);
    expect(verifyHallwaySignature(header, Buffer.from(body.toString('utf8').replace('IT-7', 'IT-8')), ['new-secret'], 300, T)).toBe(false);
    expect(verifyHallwaySignature(header, body, ['new-secret'], 300, T + 301)).toBe(false);
    expect(verifyHallwaySignature(header, body, ['new-secret'], 300, T - 301)).toBe(false);
    expect(verifyHallwaySignature(undefined, body, ['new-secret'], 300, T)).toBe(false);
    expect(verifyHallwaySignature('t=abc,v1=00', body, ['new-secret'], 300, T)).toBe(false);
    expect(verifyHallwaySignature(`t=${T},v1=${'ab'.repeat(31)}`, body, ['new-secret'], 300, T)).toBe(false); // short: no throw
  });
});
