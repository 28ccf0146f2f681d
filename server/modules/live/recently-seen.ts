/**
 * Remembers the last `capacity` values, to drop a notification heard twice: on a PostgreSQL server
 * a process hears its own commits both from the connection that committed and from its listening
 * connection (change-signals.ts). The two copies arrive close together, so a small window is enough;
 * a copy that slips past it costs a client one needless refetch, nothing worse.
 */
export class RecentlySeen<T> {
  readonly #seen = new Set<T>();
  readonly #order: T[] = [];
  #next = 0;

  constructor(private readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be a positive integer');
  }

  /** True the first time a value is offered (and remembers it), false while it is remembered. */
  firstTime(value: T): boolean {
    if (this.#seen.has(value)) return false;
    if (this.#order.length < this.capacity) this.#order.push(value);
    else {
      this.#seen.delete(this.#order[this.#next]!);
      this.#order[this.#next] = value;
    }
    this.#next = (this.#next + 1) % this.capacity;
    this.#seen.add(value);
    return true;
  }

  get size(): number {
    return this.#seen.size;
  }
}
