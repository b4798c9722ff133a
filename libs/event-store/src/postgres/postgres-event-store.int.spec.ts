import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@app/platform/testing';
import { Client, type Pool } from 'pg';
import { EventNotStorableError, WrongExpectedRevisionError } from '../event-store.errors';
import { describeEventStoreContract, newEvent } from '../testing/event-store.contract';
import { PostgresEventStore } from './postgres-event-store';
import { APPEND_LOCK_KEY } from './postgres-event-store.schema';

/** PostgreSQL's SQLSTATE for a lock not had within lock_timeout. */
const LOCK_NOT_AVAILABLE = '55P03';

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
    const result = await store.append({
      stream: `upper-${randomUUID()}`,
      events,
      expectedRevision: 'no_stream',
    });
    expect(result.events.map((e) => e.position)).toEqual([result.position - 1n, result.position]);
    const stored = await store.readAll(result.position - 2n, 10);
    expect(stored.map((e) => [e.type, e.position])).toEqual([
      ['A', result.position - 1n],
      ['B', result.position],
    ]);
  });

  it('takes -1 as a revision no stream has, not as "no stream"', async () => {
    await expect(
      store.append({ stream: `minus-one-${randomUUID()}`, events: [newEvent()], expectedRevision: -1 }),
    ).rejects.toBeInstanceOf(WrongExpectedRevisionError);
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

  it('a refused append carries the stream as stored after the revision it expected', async () => {
    const stream = `newer-${randomUUID()}`;
    const stored = await store.append({
      stream,
      events: [newEvent('A'), newEvent('B')],
      expectedRevision: 'no_stream',
    });
    const refusal = (expectedRevision: 'no_stream' | number) =>
      store.append({ stream, events: [newEvent('C')], expectedRevision }).catch((e: unknown) => e);
    const fromStart = await refusal('no_stream');
    expect(fromStart).toBeInstanceOf(WrongExpectedRevisionError);
    expect(fromStart).toMatchObject({ stream, actual: 1 });
    expect((fromStart as WrongExpectedRevisionError).newer).toEqual(await store.readStream(stream));
    const afterFirst = (await refusal(0)) as WrongExpectedRevisionError;
    expect(afterFirst.newer!.map((e) => [e.type, e.revision, e.position])).toEqual([
      ['B', 1, stored.position],
    ]);
    expect(await store.readStream(stream)).toHaveLength(2);
  });

  it('a group appends the fresh, refuses the stale with its stream, and answers a stale retry with what it stored', async () => {
    const existing = `existing-${randomUUID()}`;
    const first = { stream: existing, events: [newEvent('A')], expectedRevision: 'no_stream' as const };
    const stored = await store.append(first);
    await store.append({ stream: existing, events: [newEvent('B')], expectedRevision: 0 });
    const fresh = `fresh-${randomUUID()}`;
    const retried = `retried-${randomUUID()}`;
    const retry = { stream: retried, events: [newEvent('R')], expectedRevision: 'no_stream' as const };
    const retriedStored = await store.append(retry);
    await store.append({ stream: retried, events: [newEvent('S')], expectedRevision: 0 });
    // Submitted together, the three go in one group after the one in flight.
    const inFlight = store.append({
      stream: `other-${randomUUID()}`,
      events: [newEvent()],
      expectedRevision: 'no_stream',
    });
    const outcomes = await Promise.allSettled([
      store.append({ stream: fresh, events: [newEvent('F')], expectedRevision: 'no_stream' }),
      store.append({ stream: existing, events: [newEvent('C')], expectedRevision: 'no_stream' }),
      store.append(retry),
      inFlight,
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    const refused = (outcomes[1] as PromiseRejectedResult).reason as WrongExpectedRevisionError;
    expect(refused.newer!.map((e) => e.type)).toEqual(['A', 'B']);
    expect(refused.newer![0].position).toBe(stored.position);
    expect((outcomes[2] as PromiseFulfilledResult<unknown>).value).toEqual({
      ...retriedStored,
      alreadyStored: true,
    });
    expect((await store.readStream(existing)).map((e) => e.type)).toEqual(['A', 'B']);
    expect((await store.readStream(fresh)).map((e) => e.type)).toEqual(['F']);
  });

  it('a member whose data PostgreSQL refuses fails alone: the 40 appends grouped with it succeed', async () => {
    // NUL is refused by jsonb; the domain validates it away, the store must not let it hurt others.
    const goodAppend = (i: number) =>
      store.append({
        stream: `good-${100 + i}-${randomUUID()}`,
        events: [newEvent('Good', { i })],
        expectedRevision: 'no_stream',
      });
    // The first append occupies the connection; what arrives meanwhile (the bad one among 39 good) goes as one group.
    const first = goodAppend(0);
    const bad = store.append({
      stream: `bad-${randomUUID()}`,
      events: [newEvent('Bad', { text: 'a\u0000b' })],
      expectedRevision: 'no_stream',
    });
    const rest = Array.from({ length: 39 }, (_, i) => goodAppend(i + 1));
    const [badOutcome, ...goodOutcomes] = await Promise.allSettled([bad, first, ...rest]);
    expect(badOutcome).toMatchObject({ status: 'rejected', reason: expect.any(EventNotStorableError) });
    expect(goodOutcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(40);
    const positions = goodOutcomes.map(
      (o) => (o as PromiseFulfilledResult<{ position: bigint }>).value.position,
    );
    expect(new Set(positions).size).toBe(40);
  });

  it('a group that fails for a reason of no member (the append lock not had in time) fails whole, member by member never tried', async () => {
    const impatient = await PostgresEventStore.connect(`${db.url}?options=-c%20lock_timeout%3D300`, 2);
    const holder = new Client({ connectionString: db.url });
    await holder.connect();
    await holder.query('SELECT pg_advisory_lock($1)', [APPEND_LOCK_KEY]);
    const connects = jest.spyOn((impatient as unknown as { pool: Pool }).pool, 'connect');
    try {
      const first = impatient.append({
        stream: `held-${randomUUID()}`,
        events: [newEvent()],
        expectedRevision: 'no_stream',
      });
      const group = Array.from({ length: 5 }, () =>
        impatient.append({
          stream: `held-${randomUUID()}`,
          events: [newEvent()],
          expectedRevision: 'no_stream',
        }),
      );
      const outcomes = await Promise.allSettled([first, ...group]);
      expect(outcomes.map((o) => o.status === 'rejected' && (o.reason as { code?: string }).code)).toEqual(
        Array(6).fill(LOCK_NOT_AVAILABLE),
      );
      expect(connects).toHaveBeenCalledTimes(2); // the first append, then its group once
    } finally {
      await holder.end();
      await impatient.close();
    }
  });

  it('a batch (one COPY) keeps text with tabs, newlines, carriage returns, backslashes and quotes as sent', async () => {
    const text = 'a\tb\nc\rd\\e"f\\\\g\\N\u00e6\u{1F600}';
    const data = { text, nested: [{ text }], [text]: 1 };
    const request = { stream: `copy-${randomUUID()}`, events: [newEvent('Escaped', data)] };
    request.events[0].metadata.actor = `jobcentre:${text}`;
    await store.appendMany([{ ...request, expectedRevision: 'no_stream' }]);
    const [stored] = await store.readStream(request.stream);
    expect(stored.data).toEqual(data);
    expect(stored.metadata.actor).toBe(`jobcentre:${text}`);
  });

  it('a batch holding data PostgreSQL refuses fails as a whole with a typed error and stores nothing', async () => {
    const stream = `batch-${randomUUID()}`;
    await expect(
      store.appendMany([
        { stream, events: [newEvent('Good')], expectedRevision: 'no_stream' },
        {
          stream: `bad-${randomUUID()}`,
          events: [newEvent('Bad', { text: '\u0000' })],
          expectedRevision: 'no_stream',
        },
      ]),
    ).rejects.toBeInstanceOf(EventNotStorableError);
    expect(await store.readStream(stream)).toEqual([]);
  });
});

describe('postgres: a batch streamed into its COPY as it is decided', () => {
  // One connection: each test's later appends run on the connection the COPY used.
  let store: PostgresEventStore;
  beforeAll(async () => {
    store = await PostgresEventStore.connect(db.url, 1);
  });
  afterAll(async () => {
    await store.close();
  });

  /** `count` requests of new streams with about 1 kB of data each (a batch of several COPY chunks). */
  const newStreams = (count: number) =>
    Array.from({ length: count }, (_, i) => ({
      stream: `streamed-${i}-${randomUUID()}`,
      events: [newEvent('Streamed', { i, padding: 'x'.repeat(1000) })],
      expectedRevision: 'no_stream' as const,
    }));
  /** The items one by one, each after a turn of the event loop (as while the database answers). */
  async function* oneByOne<T>(items: T[]): AsyncIterable<T> {
    for (const item of items) {
      await new Promise((resolve) => setImmediate(resolve));
      yield item;
    }
  }

  it('a stored id late in a batch of many chunks: the batch is written again looking it up', async () => {
    const stored = await store.append({
      stream: `stored-${randomUUID()}`,
      events: [newEvent()],
      expectedRevision: 'no_stream',
    });
    const [retry] = await store.readStream(stored.events[0].stream);
    const requests = [
      ...newStreams(300),
      { stream: retry.stream, events: [{ ...retry }], expectedRevision: 'no_stream' as const },
      ...newStreams(300),
    ];
    const head = (await store.headPosition())!;
    const results = await store.appendMany(oneByOne(requests));
    expect(results[300]).toEqual({ ...stored, alreadyStored: true });
    expect(results).toHaveLength(601);
    const appended = results.filter((r) => !r.alreadyStored).map((r) => r.position);
    expect(appended).toEqual(Array.from({ length: 600 }, (_, i) => head + BigInt(i + 1)));
    expect(await store.headPosition()).toBe(head + 600n);
  });

  it('data refused in a batch of many chunks fails it whole, and the connection goes on', async () => {
    const requests = newStreams(300);
    requests[250].events[0].data = { text: 'a\u0000b' };
    const head = await store.headPosition();
    await expect(store.appendMany(oneByOne(requests))).rejects.toBeInstanceOf(EventNotStorableError);
    expect(await store.headPosition()).toBe(head);
    expect(await store.readStream(requests[0].stream)).toEqual([]);
    const [after] = await store.appendMany(oneByOne(newStreams(1)));
    expect(after.position).toBe(head! + 1n);
  });

  it('requests that stop with an error after many chunks cancel the COPY, and the connection goes on', async () => {
    const requests = newStreams(300);
    async function* failing() {
      yield* oneByOne(requests);
      throw new Error('deciding failed');
    }
    const head = await store.headPosition();
    await expect(store.appendMany(failing())).rejects.toThrow('deciding failed');
    expect(await store.headPosition()).toBe(head);
    const result = await store.append(requests[0]);
    expect(result.position).toBe(head! + 1n);
  });
});
