// The contract every EventStore adapter passes. Stream names are unique per test, so the suite
// also runs against a shared, non-empty log (a real EventStoreDB server).
import { randomUUID } from 'node:crypto';
import { DuplicateEventIdError, WrongExpectedRevisionError } from '../event-store.errors';
import type {
  AppendRequest,
  EventStore,
  ExpectedRevision,
  NewEvent,
  RecordedEvent,
} from '../event-store.port';
import { readStreams } from '../read-streams';

export function newEvent(type = 'Something', data: Record<string, unknown> = {}): NewEvent {
  return {
    id: randomUUID(),
    type,
    data,
    metadata: {
      recordedAt: '2025-03-01T10:00:00.000Z',
      commandId: randomUUID(),
      causationId: randomUUID(),
      correlationId: randomUUID(),
      actor: 'jobcentre:test',
      municipality: '101',
      schemaVersion: 1,
    },
  };
}

const uniqueStream = () => `contract-${randomUUID()}`;

/** The requests one by one, as a batch hands them over while it decides. */
async function* asDecided(requests: AppendRequest[]): AsyncIterable<AppendRequest> {
  for (const request of requests) {
    await new Promise((resolve) => setImmediate(resolve));
    yield request;
  }
}

async function readAllAfter(store: EventStore, after: bigint | null): Promise<RecordedEvent[]> {
  const seen: RecordedEvent[] = [];
  for (;;) {
    const batch = await store.readAll(seen.length ? seen[seen.length - 1].position : after, 50);
    if (batch.length === 0) return seen;
    seen.push(...batch);
  }
}

export function describeEventStoreContract(name: string, open: () => Promise<EventStore>): void {
  describe(`EventStore contract: ${name}`, () => {
    let store: EventStore;
    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store.close();
    });

    it('appends to a new stream with revisions from 0 and increasing positions', async () => {
      const stream = uniqueStream();
      const events = [newEvent('A', { n: 1 }), newEvent('B', { n: 2 })];
      const result = await store.append({ stream, events, expectedRevision: 'no_stream' });
      expect(result.events.map((e) => [e.id, e.type, e.stream, e.revision])).toEqual([
        [events[0].id, 'A', stream, 0],
        [events[1].id, 'B', stream, 1],
      ]);
      expect(result.nextRevision).toBe(1);
      expect(result.events[1].position > result.events[0].position).toBe(true);
      expect(result.position).toBe(result.events[1].position);
    });

    it('reads a stream forwards with data and metadata intact', async () => {
      const stream = uniqueStream();
      const first = newEvent('A', { amount: '4200.00', nested: { from: '2025-01-01' } });
      const second = newEvent('B', { n: 2 });
      await store.append({ stream, events: [first, second], expectedRevision: 'no_stream' });
      const read = await store.readStream(stream);
      expect(
        read.map(({ id, type, data, metadata, revision }) => ({ id, type, data, metadata, revision })),
      ).toEqual([
        { ...first, revision: 0 },
        { ...second, revision: 1 },
      ]);
      expect((await store.readStream(stream, 1)).map((e) => e.id)).toEqual([second.id]);
      expect(await store.readStream(uniqueStream())).toEqual([]);
    });

    it('reads several streams at once (or through the fallback)', async () => {
      const [a, b, missing] = [uniqueStream(), uniqueStream(), uniqueStream()];
      const ea = [newEvent('A'), newEvent('B')];
      const eb = [newEvent('C')];
      await store.append({ stream: a, events: ea, expectedRevision: 'no_stream' });
      await store.append({ stream: b, events: eb, expectedRevision: 'no_stream' });
      const read = await readStreams(store, [a, b, missing]);
      expect([...read.keys()].sort()).toEqual([a, b, missing].sort());
      expect(read.get(a)!.map((e) => [e.id, e.revision])).toEqual([
        [ea[0].id, 0],
        [ea[1].id, 1],
      ]);
      expect(read.get(b)!.map((e) => e.id)).toEqual([eb[0].id]);
      expect(read.get(missing)).toEqual([]);
    });

    it('checks the expected revision: no stream, exact, stream exists, any', async () => {
      const stream = uniqueStream();
      await expect(
        store.append({ stream, events: [newEvent()], expectedRevision: 0 }),
      ).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      await expect(
        store.append({ stream, events: [newEvent()], expectedRevision: 'stream_exists' }),
      ).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      await store.append({ stream, events: [newEvent()], expectedRevision: 'no_stream' });
      await expect(
        store.append({ stream, events: [newEvent()], expectedRevision: 'no_stream' }),
      ).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      await expect(
        store.append({ stream, events: [newEvent()], expectedRevision: 5 }),
      ).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      expect((await store.append({ stream, events: [newEvent()], expectedRevision: 0 })).nextRevision).toBe(
        1,
      );
      expect(
        (await store.append({ stream, events: [newEvent()], expectedRevision: 'stream_exists' }))
          .nextRevision,
      ).toBe(2);
      expect(
        (await store.append({ stream, events: [newEvent()], expectedRevision: 'any' })).nextRevision,
      ).toBe(3);
      expect(await store.readStream(stream)).toHaveLength(4);
    });

    it('reports the stream and revisions of a conflict', async () => {
      const stream = uniqueStream();
      await store.append({ stream, events: [newEvent(), newEvent()], expectedRevision: 'no_stream' });
      const error = await store
        .append({ stream, events: [newEvent()], expectedRevision: 0 })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WrongExpectedRevisionError);
      expect(error).toMatchObject({ stream, actual: 1 });
    });

    it('treats a retried append (same event ids) as a no-op returning the stored result', async () => {
      const stream = uniqueStream();
      const events = [newEvent('A'), newEvent('B')];
      const first = await store.append({ stream, events, expectedRevision: 'no_stream' });
      const retry = await store.append({ stream, events, expectedRevision: 'no_stream' });
      expect(first.alreadyStored).toBe(false);
      expect(retry).toEqual({ ...first, alreadyStored: true });
      expect(await store.readStream(stream)).toHaveLength(2);
    });

    it('answers racing appends of the same event ids (with different data): one stores, the others get the stored events', async () => {
      const stream = uniqueStream();
      const template = newEvent('A');
      const attempts = Array.from({ length: 6 }, (_, i) => ({ ...template, data: { attempt: i } }));
      const results = await Promise.all(
        attempts.map((event) => store.append({ stream, events: [event], expectedRevision: 'no_stream' })),
      );
      const stored = await store.readStream(stream);
      expect(stored).toHaveLength(1);
      const winners = results.flatMap((r, i) => (r.alreadyStored ? [] : [i]));
      expect(winners).toHaveLength(1);
      expect(stored[0].data).toEqual({ attempt: winners[0] });
      for (const r of results) expect(r.events).toEqual(results[winners[0]].events);
    });

    it('lets exactly one of concurrent appends with the same expected revision win', async () => {
      const stream = uniqueStream();
      await store.append({ stream, events: [newEvent()], expectedRevision: 'no_stream' });
      const outcomes = await Promise.allSettled(
        Array.from({ length: 5 }, () => store.append({ stream, events: [newEvent()], expectedRevision: 0 })),
      );
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      for (const o of outcomes)
        if (o.status === 'rejected') expect(o.reason).toBeInstanceOf(WrongExpectedRevisionError);
      expect(await store.readStream(stream)).toHaveLength(2);
    });

    it('refuses a stored event id on another stream', async () => {
      const event = newEvent('A');
      await store.append({ stream: uniqueStream(), events: [event], expectedRevision: 'no_stream' });
      await expect(
        store.append({ stream: uniqueStream(), events: [event], expectedRevision: 'any' }),
      ).rejects.toBeInstanceOf(DuplicateEventIdError);
    });

    it('reads the global log after a position, in order, in batches', async () => {
      const before = await store.headPosition();
      const stream = uniqueStream();
      const other = uniqueStream();
      const a = newEvent('A');
      const b = newEvent('B');
      const c = newEvent('C');
      await store.append({ stream, events: [a], expectedRevision: 'no_stream' });
      await store.append({ stream: other, events: [b], expectedRevision: 'no_stream' });
      await store.append({ stream, events: [c], expectedRevision: 0 });
      const mine = (await readAllAfter(store, before)).filter(
        (e) => e.stream === stream || e.stream === other,
      );
      expect(mine.map((e) => e.id)).toEqual([a.id, b.id, c.id]);
      const positions = mine.map((e) => e.position);
      expect([...positions].sort((x, y) => (x < y ? -1 : 1))).toEqual(positions);
      expect(await store.headPosition()).toBe(positions[2]);
      const firstOnly = await store.readAll(before, 1);
      expect(firstOnly).toHaveLength(1);
      expect(firstOnly[0].id).toBe(a.id);
    });

    it('appends several streams as one unit: all or nothing', async () => {
      const stream = uniqueStream();
      const taken = uniqueStream();
      await store.append({ stream: taken, events: [newEvent()], expectedRevision: 'no_stream' });
      await expect(
        store.appendMany([
          { stream, events: [newEvent()], expectedRevision: 'no_stream' },
          { stream: taken, events: [newEvent()], expectedRevision: 'no_stream' },
        ]),
      ).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      expect(await store.readStream(stream)).toEqual([]);
      const results = await store.appendMany([
        { stream, events: [newEvent()], expectedRevision: 'no_stream' },
        { stream, events: [newEvent()], expectedRevision: 0 },
        { stream: taken, events: [newEvent()], expectedRevision: 0 },
      ]);
      expect(results.map((r) => r.nextRevision)).toEqual([0, 1, 1]);
    });

    it('appends requests that come as they are decided as one unit: all or nothing, a retry appending nothing', async () => {
      const taken = uniqueStream();
      const at = await store.append({
        stream: taken,
        events: [newEvent(), newEvent()],
        expectedRevision: 'no_stream',
      });
      const stream = uniqueStream();
      const refused = async (expectedRevision: ExpectedRevision) => {
        await expect(
          store.appendMany(
            asDecided([
              { stream, events: [newEvent()], expectedRevision: 'no_stream' },
              { stream: taken, events: [newEvent()], expectedRevision },
            ]),
          ),
        ).rejects.toBeInstanceOf(WrongExpectedRevisionError);
        expect(await store.readStream(stream)).toEqual([]);
      };
      await refused('no_stream'); // the stream exists
      await refused(0); // it has a later revision
      await refused(5); // it has no revision 5
      const requests = [
        { stream, events: [newEvent('A')], expectedRevision: 'no_stream' as const },
        { stream, events: [newEvent('B'), newEvent('C')], expectedRevision: 0 },
        { stream: taken, events: [newEvent('D')], expectedRevision: at.nextRevision },
        { stream: uniqueStream(), events: [newEvent('E')], expectedRevision: 'any' as const },
      ];
      const results = await store.appendMany(asDecided(requests));
      expect(results.map((r) => [r.nextRevision, r.alreadyStored])).toEqual([
        [0, false],
        [2, false],
        [2, false],
        [0, false],
      ]);
      const positions = results.flatMap((r) => r.events.map((e) => e.position));
      expect([...positions].sort((x, y) => (x < y ? -1 : 1))).toEqual(positions);
      expect((await store.readStream(stream)).map((e) => e.type)).toEqual(['A', 'B', 'C']);
      const retried = await store.appendMany(asDecided(requests));
      expect(retried).toEqual(results.map((r) => ({ ...r, alreadyStored: true })));
      expect((await store.readStream(taken)).map((e) => e.revision)).toEqual([0, 1, 2]);
    });

    it('appends nothing when the requests stop with an error, and nothing for no requests', async () => {
      const stream = uniqueStream();
      async function* failing() {
        yield { stream, events: [newEvent()], expectedRevision: 'no_stream' as const };
        throw new Error('deciding failed');
      }
      await expect(store.appendMany(failing())).rejects.toThrow('deciding failed');
      expect(await store.readStream(stream)).toEqual([]);
      expect(await store.appendMany(asDecided([]))).toEqual([]);
      await store.append({ stream, events: [newEvent()], expectedRevision: 'no_stream' });
      expect(await store.readStream(stream)).toHaveLength(1);
    });

    it('subscribes from a checkpoint and receives later appends in order, exactly once', async () => {
      const stream = uniqueStream();
      const early = newEvent('Early');
      await store.append({ stream, events: [early], expectedRevision: 'no_stream' });
      const checkpoint = await store.headPosition();
      const seen: RecordedEvent[] = [];
      const late = [newEvent('L1'), newEvent('L2'), newEvent('L3')];
      let resolveAll!: () => void;
      const all = new Promise<void>((r) => (resolveAll = r));
      const subscription = store.subscribe(checkpoint, async (batch) => {
        seen.push(...batch.filter((e) => e.stream === stream));
        if (seen.length >= late.length) resolveAll();
      });
      await store.append({ stream, events: [late[0]], expectedRevision: 0 });
      await store.append({ stream, events: [late[1], late[2]], expectedRevision: 1 });
      await all;
      await subscription.stop();
      expect(seen.map((e) => e.id)).toEqual(late.map((e) => e.id));
    });
  });
}
