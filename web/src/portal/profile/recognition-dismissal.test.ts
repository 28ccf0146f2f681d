import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { askedLater, forgetAskLater, rememberAskLater } from './recognition-dismissal.ts';

/** The part of sessionStorage the dismissal uses, in memory. */
function memoryStorage(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

describe('"ask me later" for the recognition question', () => {
  beforeEach(() => vi.stubGlobal('window', { sessionStorage: memoryStorage() }));
  afterEach(() => vi.unstubAllGlobals());

  it('holds for the person who put it off, until the next sign-in forgets it', () => {
    expect(askedLater('amy')).toBe(false);
    rememberAskLater('amy');
    expect(askedLater('amy')).toBe(true);
    // Someone else signing in on the same tab is asked.
    expect(askedLater('rory')).toBe(false);
    forgetAskLater();
    expect(askedLater('amy')).toBe(false);
  });

  it('asks again when the browser keeps no session storage', () => {
    vi.stubGlobal('window', {
      get sessionStorage(): Storage {
        throw new DOMException('blocked', 'SecurityError');
      },
    });
    rememberAskLater('amy');
    expect(askedLater('amy')).toBe(false);
  });
});
