import type { ChangeSignals, ChangeTopic } from '../events/change-signals.ts';

export interface CacheOptions {
  /** A backstop: even if an announcement were lost unnoticed, nothing is served older than this. */
  ttlMs: number;
  /** Beyond this, the least recently used entry goes, so memory stays bounded. */
  maxEntries: number;
  /** The clock, for tests. */
  now?: () => number;
}

export interface CacheStats {
  hits: number;
  misses: number;
  /** Reads that went to the database because change signals were down. */
  bypassed: number;
  entries: number;
}

interface Entry<V> {
  value: V;
  expiresAt: number;
}

/**
 * Results of a database read kept in this process until the database announces that their topic
 * changed (see change-signals.ts). Only found things are kept: "no such token" is not, so a token
 * created a moment later works at once, and made-up keys cannot fill the memory.
 */
export class SignalledCache<V> {
  readonly #entries = new Map<string, Entry<V>>();
  readonly #now: () => number;
  /** Bumped on every clear: a read that began before it may hold what was just announced as changed. */
  #generation = 0;
  #stats = { hits: 0, misses: 0, bypassed: 0 };

  constructor(
    private readonly signals: ChangeSignals,
    topic: ChangeTopic,
    private readonly options: CacheOptions,
  ) {
    this.#now = options.now ?? Date.now;
    signals.subscribe(topic, () => this.clear());
  }

  /**
   * The cached value, or what `load` reads (kept if found). `expiresAt` (epoch ms) shortens an
   * entry's life below the TTL, e.g. a session that ends sooner.
   */
  async get(key: string, load: () => Promise<V | undefined>, expiresAt?: (value: V) => number): Promise<V | undefined> {
    if (!this.signals.live) {
      this.#stats.bypassed += 1;
      return load();
    }
    const entry = this.#entries.get(key);
    if (entry && entry.expiresAt > this.#now()) {
      // Re-inserting moves it to the end of the Map's order: the oldest first is the eviction order.
      this.#entries.delete(key);
      this.#entries.set(key, entry);
      this.#stats.hits += 1;
      return entry.value;
    }
    if (entry) this.#entries.delete(key);
    this.#stats.misses += 1;
    const generation = this.#generation;
    const value = await load();
    if (value !== undefined && generation === this.#generation && this.signals.live) {
      const now = this.#now();
      const until = Math.min(now + this.options.ttlMs, expiresAt ? expiresAt(value) : Infinity);
      if (until > now) this.#store(key, { value, expiresAt: until });
    }
    return value;
  }

  /** Replaces a cached value after bookkeeping the triggers ignore; never brings back a forgotten one. */
  update(key: string, value: V): void {
    const entry = this.#entries.get(key);
    if (entry) entry.value = value;
  }

  clear(): void {
    this.#entries.clear();
    this.#generation += 1;
  }

  stats(): CacheStats {
    return { ...this.#stats, entries: this.#entries.size };
  }

  #store(key: string, entry: Entry<V>): void {
    this.#entries.delete(key);
    while (this.#entries.size >= this.options.maxEntries) {
      const oldest = this.#entries.keys().next();
      if (oldest.done) break;
      this.#entries.delete(oldest.value);
    }
    this.#entries.set(key, entry);
  }
}

// One cache per database and name, whoever asks: two apps built over one Database share them, and
// two Databases (two pools, as two processes would have) never do.
const cachesBySignals = new WeakMap<ChangeSignals, Map<string, SignalledCache<unknown>>>();

export function sharedCache<V>(signals: ChangeSignals, name: string, topic: ChangeTopic, options: CacheOptions): SignalledCache<V> {
  const caches = cachesBySignals.get(signals) ?? new Map<string, SignalledCache<unknown>>();
  cachesBySignals.set(signals, caches);
  let cache = caches.get(name);
  if (!cache) {
    cache = new SignalledCache<unknown>(signals, topic, options);
    caches.set(name, cache);
  }
  // Sound as long as a name is only ever used for one type of value, which each caller's constant ensures.
  return cache as SignalledCache<V>;
}

/** Hits, misses and bypasses of every cache of a database, for diagnostics and tests. */
export function cacheStatsOf(signals: ChangeSignals): Record<string, CacheStats> {
  return Object.fromEntries([...(cachesBySignals.get(signals) ?? [])].map(([name, cache]) => [name, cache.stats()]));
}
