/**
 * Read-only lookups remembered for as long as an object lives: one request change, whose reactions
 * (catalog, SLA, workflows) run one after the other in its transaction and would otherwise each read
 * the same row again. Keyed on the object, so nothing outlives it and nothing is shared between
 * changes: only use it for rows the holder's own work does not write.
 */
const memos = new WeakMap<object, Map<string, Promise<unknown>>>();

export function memoOn<T>(holder: object, key: string, load: () => Promise<T>): Promise<T> {
  let memo = memos.get(holder);
  if (!memo) {
    memo = new Map();
    memos.set(holder, memo);
  }
  const known = memo.get(key) as Promise<T> | undefined;
  if (known) return known;
  const loading = load();
  memo.set(key, loading);
  // A failed read is not remembered: the next caller asks again (and sees the error itself).
  const forget = memo;
  loading.catch(() => forget.delete(key));
  return loading;
}
