// LedgerCache: what a batch not yet committed touched stays whatever the budget (its changes are
// not in the read models yet, so it could not be read back); of the rest, the least recently used go first.
import { LedgerCache } from './ledger-cache';

const held = (cache: LedgerCache<number>, keys: string[]) =>
  keys.map((key) => cache.take(key, Number.MAX_SAFE_INTEGER) ?? null);

it('evicts the least recently used ledgers of committed batches down to the budget', () => {
  const cache = new LedgerCache<number>(5, (size) => size);
  cache.put('a', 2, 1);
  cache.put('b', 2, 1);
  cache.put('c', 2, 2);
  cache.take('a', 2); // used again: now b is the least recently used
  cache.evict(2);
  expect(held(cache, ['a', 'b', 'c'])).toEqual([2, null, 2]);
});

it('keeps every ledger a batch not yet committed touched, over the budget', () => {
  const cache = new LedgerCache<number>(0, (size) => size);
  cache.put('a', 1, 1);
  cache.put('b', 1, 2);
  cache.take('a', 3); // batch 3 (prepared while 1 and 2 are written) uses a
  cache.evict(1);
  expect(held(cache, ['b', 'a'])).toEqual([1, 1]);
});

it('keeps nothing of committed batches with a budget of 0', () => {
  const cache = new LedgerCache<number>(0, (size) => size);
  cache.put('a', 1, 1);
  cache.put('b', 1, 2);
  cache.evict(2);
  expect(held(cache, ['a', 'b'])).toEqual([null, null]);
});

it('measures a ledger again once the batch that used it committed: one that grew past the budget goes', () => {
  const cache = new LedgerCache<string[]>(3, (items) => items.length);
  const ledger = ['item'];
  cache.put('a', ledger, 1);
  cache.evict(1);
  expect(cache.take('a', 2)).toBe(ledger);
  ledger.push('item', 'item', 'item');
  cache.evict(2);
  expect(cache.take('a', 3)).toBeUndefined();
});

it('a key is known to be empty only while the cache started empty and has never held it, evicted or not', () => {
  const cache = new LedgerCache<number>(0, (size) => size); // no budget: every committed batch's ledgers are evicted
  expect(cache.knownEmpty('101/p1')).toBe(false); // live: whatever is not held is read

  cache.startingEmpty();
  expect(cache.knownEmpty('101/p1')).toBe(true);
  cache.put('101/p1', 1, 1);
  cache.evict(1);
  expect(cache.take('101/p1', 2)).toBeUndefined(); // evicted: its rows are stored
  expect(cache.knownEmpty('101/p1')).toBe(false);
  expect(cache.knownEmpty('101/p2')).toBe(true);
  expect(cache.knownEmpty('102/p1')).toBe(true);

  cache.clear(); // a rollback: what was written is no longer known
  expect(cache.knownEmpty('101/p2')).toBe(false);
});
