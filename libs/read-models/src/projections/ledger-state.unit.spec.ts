import { emptyPersonLedger } from '@app/ledger';
import { PersonLedgerCache } from './ledger-state';

it('a person is known to be empty only while the cache started empty and has never held them, evicted or not', () => {
  const cache = new PersonLedgerCache(0); // no budget: every committed batch's persons are evicted
  expect(cache.knownEmpty('101/p1')).toBe(false); // live: whatever is not held is read

  cache.startingEmpty();
  expect(cache.knownEmpty('101/p1')).toBe(true);
  const batch = cache.nextBatch();
  cache.put('101/p1', emptyPersonLedger(), batch);
  cache.committed();
  expect(cache.take('101/p1', cache.nextBatch())).toBeUndefined(); // evicted: its rows are stored
  expect(cache.knownEmpty('101/p1')).toBe(false);
  expect(cache.knownEmpty('101/p2')).toBe(true);
  expect(cache.knownEmpty('102/p1')).toBe(true);

  cache.clear(); // a rollback: what was written is no longer known
  expect(cache.knownEmpty('101/p2')).toBe(false);
});
