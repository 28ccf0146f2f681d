import { describe, expect, it } from 'vitest';
import { hashLinkCode, LINK_CODE_ALPHABET, LINK_CODE_LENGTH, linkCodeIn, newLinkCode } from './link-codes.ts';

// The code a person types back from their chat-app account: how it is made, stored and recognised.

describe('link codes', () => {
  it('are eight characters of the unambiguous alphabet, and differ from one another', () => {
    const codes = Array.from({ length: 200 }, () => newLinkCode());
    for (const code of codes) {
      expect(code).toHaveLength(LINK_CODE_LENGTH);
      expect([...code].every((character) => LINK_CODE_ALPHABET.includes(character)), code).toBe(true);
    }
    expect(new Set(codes).size).toBe(codes.length);
    expect(LINK_CODE_ALPHABET).not.toMatch(/[01OIL]/);
  });

  it('are stored as a SHA-256 that does not contain the code', () => {
    expect(hashLinkCode('ABCD2345')).toMatch(/^[0-9a-f]{64}$/);
    expect(hashLinkCode('ABCD2345')).toBe(hashLinkCode('ABCD2345'));
    expect(hashLinkCode('ABCD2345')).not.toBe(hashLinkCode('ABCD2346'));
  });

  it('are read from a message that is only "link <code>", in any case and with a space or hyphen in the middle', () => {
    for (const text of ['link ABCD2345', 'Link abcd2345', '  LINK  abcd-2345 ', 'link: ABCD 2345']) expect(linkCodeIn(text), text).toBe('ABCD2345');
  });

  it('are not read from other messages, nor from eight characters outside the alphabet', () => {
    for (const text of ['link', 'link ABCD234', 'link ABCD23456', 'please link ABCD2345', 'link ABCD2345 thanks', 'link printers', 'link OOOO1111', 'the link ABCD2345', '']) {
      expect(linkCodeIn(text), text).toBeNull();
    }
  });
});
