import { createHash, randomInt } from 'node:crypto';

/**
 * The short code that proves a chat-app account link from both sides (decision 0025): the person
 * signed in to Hallway is shown it, and the link is made only when it comes back in a message from
 * the account itself (`link <code>`). Pure functions; no I/O.
 */

/** No 0/O, 1/I/L: read off a screen and typed on a phone without mix-ups. */
export const LINK_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const LINK_CODE_LENGTH = 8;
export const LINK_CLAIM_LIFETIME_MS = 15 * 60 * 1000;
/** Wrong codes from one account before every claim on it is dropped. */
export const MAX_WRONG_LINK_CODES = 5;

/** 31^8, about 2^39.6: with five guesses an account gets, guessing is not a way in. */
export function newLinkCode(): string {
  let code = '';
  for (let i = 0; i < LINK_CODE_LENGTH; i += 1) code += LINK_CODE_ALPHABET[randomInt(LINK_CODE_ALPHABET.length)];
  return code;
}

/** What is stored: the code itself never is, so a read of the table gives no code to type. */
export function hashLinkCode(code: string): string {
  return createHash('sha256').update(code).digest('hex');
}

const LINK_MESSAGE = /^link\s*:?\s+([a-z0-9]{4})[\s-]?([a-z0-9]{4})$/i;

/**
 * The code in a message that is only `link <code>` (any case, an optional space or hyphen in the
 * middle), or null. Eight characters outside the alphabet ("link printers") are not a code, so such
 * a message is handled as any other.
 */
export function linkCodeIn(text: string): string | null {
  const match = LINK_MESSAGE.exec(text.trim());
  if (!match) return null;
  const code = `${match[1]}${match[2]}`.toUpperCase();
  return [...code].every((character) => LINK_CODE_ALPHABET.includes(character)) ? code : null;
}
