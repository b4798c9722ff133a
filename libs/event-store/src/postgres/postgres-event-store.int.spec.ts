import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@app/platform/testing/test-database';
import { WrongExpectedRevisionError } from '../event-store.errors';
import { describeEventStoreContract, newEvent } from '../testing/event-store.contract';
import { PostgresEventStore } from './postgres-event-store';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

describeEventStoreContract('postgres', () => PostgresEventStore.connect(db.url));

describe('postgres: the one-statement append and its fallback', () => {
  let store: PostgresEventStore;
  beforeAll(async () => {
    store = await PostgresEventStore.connect(db.url);
  });
  afterAll(async () => {
    await store.close();
  });

  it('places events by their order, whatever the case of their UUIDs', async () => {
    const events = [newEvent('A'), newEvent('B')].map((e) => ({ ...e, id: e.id.toUpperCase() }));
    const result = await store.append({ stream: `upper-${randomUUID()}`, events, expectedRevision: 'no_stream' });
    expect(result.events.map((e) => e.position)).toEqual([result.position - 1n, result.position]);
    const stored = await store.readAll(result.position - 2n, 10);
    expect(stored.map((e) => [e.type, e.position])).toEqual([['A', result.position - 1n], ['B', result.position]]);
  });

  it('takes -1 as a revision no stream has, not as "no stream"', async () => {
    await expect(store.append({ stream: `minus-one-${randomUUID()}`, events: [newEvent()], expectedRevision: -1 })).rejects.toBeInstanceOf(WrongExpectedRevisionError);
  });

  it('a group with one stale expectation appends the others and refuses that one', async () => {
    const stream = `stale-${randomUUID()}`;
    await store.append({ stream, events: [newEvent()], expectedRevision: 'no_stream' });
    const outcomes = await Promise.allSettled([
      store.append({ stream: `fresh-${randomUUID()}`, events: [newEvent()], expectedRevision: 'no_stream' }),
      store.append({ stream, events: [newEvent()], expectedRevision: 'no_stream' }),
      store.append({ stream, events: [newEvent()], expectedRevision: 0 }),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((await store.readStream(stream)).map((e) => e.revision)).toEqual([0, 1]);
  });
});
