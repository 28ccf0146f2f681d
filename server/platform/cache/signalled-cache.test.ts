import { describe, expect, it } from 'vitest';
import type { ChangeSignals, ChangeTopic } from '../events/change-signals.ts';
import { SignalledCache } from './signalled-cache.ts';

/** Signals a test drives by hand: announce a change, lose and regain the listener. */
function fakeSignals() {
  const subscribers: Array<{ topic: ChangeTopic; onChange: () => void }> = [];
  const state = { live: true };
  const signals: ChangeSignals = {
    get live() {
      return state.live;
    },
    subscribe: (topic, onChange) => {
      subscribers.push({ topic, onChange });
      return () => undefined;
    },
    onLiveChange: () => () => undefined,
    close: async () => undefined,
  };
  const announce = (topic: ChangeTopic) => subscribers.filter((s) => s.topic === topic).forEach((s) => s.onChange());
  const setLive = (live: boolean) => {
    state.live = live;
    subscribers.forEach((s) => s.onChange());
  };
  return { signals, announce, setLive };
}

function counter(values: Record<string, string | undefined>) {
  const reads: string[] = [];
  return {
    reads,
    load: (key: string) => async () => {
      reads.push(key);
      return values[key];
    },
  };
}

describe('SignalledCache', () => {
  const options = { ttlMs: 1_000, maxEntries: 3 };

  it('reads once, then answers from memory until its topic changes', async () => {
    const { signals, announce } = fakeSignals();
    const cache = new SignalledCache<string>(signals, 'credentials', options);
    const db = counter({ a: 'Ada' });
    expect(await cache.get('a', db.load('a'))).toBe('Ada');
    expect(await cache.get('a', db.load('a'))).toBe('Ada');
    expect(db.reads).toEqual(['a']);
    announce('teams');
    await cache.get('a', db.load('a'));
    expect(db.reads).toEqual(['a']);
    announce('credentials');
    await cache.get('a', db.load('a'));
    expect(db.reads).toEqual(['a', 'a']);
    expect(cache.stats()).toMatchObject({ hits: 2, misses: 2, entries: 1 });
  });

  it('does not keep "not found", so a credential created a moment later works at once', async () => {
    const { signals } = fakeSignals();
    const cache = new SignalledCache<string>(signals, 'credentials', options);
    const values: Record<string, string | undefined> = {};
    const db = counter(values);
    expect(await cache.get('new', db.load('new'))).toBeUndefined();
    values.new = 'Nia';
    expect(await cache.get('new', db.load('new'))).toBe('Nia');
    expect(cache.stats().entries).toBe(1);
  });

  it('forgets after the TTL or the value’s own expiry, whichever is sooner', async () => {
    const { signals } = fakeSignals();
    let now = 0;
    const cache = new SignalledCache<{ until: number }>(signals, 'credentials', { ...options, now: () => now });
    const load = async () => ({ until: 300 });
    await cache.get('short', load, (value) => value.until);
    await cache.get('long', load);
    now = 299;
    expect(cache.stats().misses).toBe(2);
    await cache.get('short', load, (value) => value.until);
    expect(cache.stats().hits).toBe(1);
    now = 300;
    await cache.get('short', load, (value) => value.until);
    now = 1_000;
    await cache.get('long', load);
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 4 });
  });

  it('evicts the least recently used entry beyond its bound', async () => {
    const { signals } = fakeSignals();
    const cache = new SignalledCache<string>(signals, 'teams', options);
    const db = counter({ a: 'A', b: 'B', c: 'C', d: 'D' });
    for (const key of ['a', 'b', 'c']) await cache.get(key, db.load(key));
    await cache.get('a', db.load('a'));
    await cache.get('d', db.load('d'));
    expect(cache.stats().entries).toBe(3);
    db.reads.length = 0;
    for (const key of ['a', 'c', 'd']) await cache.get(key, db.load(key));
    expect(db.reads).toEqual([]);
    await cache.get('b', db.load('b'));
    expect(db.reads).toEqual(['b']);
  });

  it('goes to the database every time while signals are down, and starts afresh when they are back', async () => {
    const { signals, setLive } = fakeSignals();
    const cache = new SignalledCache<string>(signals, 'credentials', options);
    const values: Record<string, string | undefined> = { a: 'Ada' };
    const db = counter(values);
    await cache.get('a', db.load('a'));
    setLive(false);
    delete values.a;
    expect(await cache.get('a', db.load('a'))).toBeUndefined();
    values.a = 'Ada';
    await cache.get('a', db.load('a'));
    expect(cache.stats()).toMatchObject({ bypassed: 2, entries: 0 });
    setLive(true);
    await cache.get('a', db.load('a'));
    await cache.get('a', db.load('a'));
    expect(cache.stats()).toMatchObject({ hits: 1, entries: 1 });
  });

  it('does not keep a read that a change overtook: it may predate the change', async () => {
    const { signals, announce } = fakeSignals();
    const cache = new SignalledCache<string>(signals, 'credentials', options);
    const db = counter({ a: 'stale' });
    await cache.get('a', async () => {
      announce('credentials');
      return 'stale';
    });
    expect(cache.stats().entries).toBe(0);
    await cache.get('a', db.load('a'));
    expect(db.reads).toEqual(['a']);
  });

  it('updates a cached value in place but never brings back a forgotten one', async () => {
    const { signals, announce } = fakeSignals();
    const cache = new SignalledCache<string>(signals, 'credentials', options);
    await cache.get('a', async () => 'v1');
    cache.update('a', 'v2');
    expect(await cache.get('a', async () => 'read')).toBe('v2');
    announce('credentials');
    cache.update('a', 'v3');
    expect(cache.stats().entries).toBe(0);
  });
});
