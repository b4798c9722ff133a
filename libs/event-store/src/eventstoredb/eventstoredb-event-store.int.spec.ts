// The EventStoreDB adapter through the real client library: against the protocol-level test
// server always, and against a real server when EVENTSTORE_URL is set (esdb://localhost:2113?tls=false).
import { randomUUID } from 'node:crypto';
import { startTestServer, type TestServer } from '../testing';
import { DuplicateEventIdError } from '../event-store.errors';
import type { RecordedEvent } from '../event-store.port';
import { describeEventStoreContract, newEvent } from '../testing/event-store.contract';
import { EventStoredbEventStore } from './eventstoredb-event-store';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
});

describeEventStoreContract('eventstoredb (test server)', () => EventStoredbEventStore.connect(server.url));

const realServer = process.env.EVENTSTORE_URL;
(realServer ? describe : describe.skip)('against EVENTSTORE_URL', () => {
  describeEventStoreContract('eventstoredb (real server)', () => EventStoredbEventStore.connect(realServer!));
});

function describeEsdbSpecifics(name: string, url: () => string) {
  describe(`EventStoreDB specifics: ${name}`, () => {
    let store: EventStoredbEventStore;
    beforeAll(async () => {
      store = await EventStoredbEventStore.connect(url());
    });
    afterAll(async () => {
      await store.close();
    });

    it('reports the same positions on append as $all reads do', async () => {
      const before = await store.headPosition();
      const stream = `positions-${randomUUID()}`;
      const single = await store.append({ stream, events: [newEvent('One')], expectedRevision: 'no_stream' });
      const several = await store.append({
        stream,
        events: [newEvent('Two'), newEvent('Three')],
        expectedRevision: 0,
      });
      const read = (await store.readAll(before, 10_000)).filter((e) => e.stream === stream);
      expect(read.map((e) => e.position)).toEqual(
        [...single.events, ...several.events].map((e) => e.position),
      );
    });

    it('hides system events and id reservations from reads', async () => {
      await store.append({
        stream: `visible-${randomUUID()}`,
        events: [newEvent()],
        expectedRevision: 'no_stream',
      });
      const all = await store.readAll(null, 100_000);
      expect(
        all.filter(
          (e) => e.type.startsWith('$') || e.stream.startsWith('$') || e.stream.startsWith('event-id-'),
        ),
      ).toEqual([]);
    });
  });
}

describeEsdbSpecifics('test server', () => server.url);
(realServer ? describe : describe.skip)('against EVENTSTORE_URL', () =>
  describeEsdbSpecifics('real server', () => realServer!),
);

describe('EventStoreDB id reservations across processes (two connections, each with its own journal index)', () => {
  it('lets exactly one of two racing appends of one id on different streams win; a stale index catches up', async () => {
    const [a, b] = await Promise.all([
      EventStoredbEventStore.connect(server.url),
      EventStoredbEventStore.connect(server.url),
    ]);
    try {
      // Both indexes are loaded, then each process claims ids the other has not seen.
      await Promise.all(
        [a, b].map((s) =>
          s.append({ stream: `warm-${randomUUID()}`, events: [newEvent()], expectedRevision: 'no_stream' }),
        ),
      );
      for (let round = 0; round < 10; round++) {
        const event = newEvent('Raced');
        const outcomes = await Promise.allSettled([
          a.append({ stream: `race-a-${randomUUID()}`, events: [event], expectedRevision: 'no_stream' }),
          b.append({ stream: `race-b-${randomUUID()}`, events: [event], expectedRevision: 'no_stream' }),
        ]);
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        expect(outcomes.find((o) => o.status === 'rejected')).toMatchObject({
          reason: expect.any(DuplicateEventIdError),
        });
      }
      const stream = `retry-${randomUUID()}`;
      const events = [newEvent('One'), newEvent('Two')];
      const first = await a.append({ stream, events, expectedRevision: 'no_stream' });
      expect(await b.append({ stream, events, expectedRevision: 'no_stream' })).toEqual({
        ...first,
        alreadyStored: true,
      });
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});

describe('EventStoreDB subscription across a dropped connection', () => {
  it('resumes after the last handed-over position: nothing lost, nothing doubled', async () => {
    const store = await EventStoredbEventStore.connect(server.url);
    const stream = `drops-${randomUUID()}`;
    const write = async (from: number, count: number) => {
      for (let i = from; i < from + count; i++) {
        await store.append({
          stream,
          events: [newEvent('Numbered', { i })],
          expectedRevision: i === 0 ? 'no_stream' : i - 1,
        });
      }
    };
    await write(0, 30);
    const seen: RecordedEvent[] = [];
    let dropped = 0;
    let reachedAll!: () => void;
    const all = new Promise<void>((resolve) => (reachedAll = resolve));
    const subscription = store.subscribe(
      null,
      async (batch) => {
        seen.push(...batch.filter((e) => e.stream === stream));
        // Drop twice: once during catch-up, once while live.
        if ((seen.length >= 10 && dropped === 0) || (seen.length >= 40 && dropped === 1)) {
          dropped++;
          server.dropSubscriptions();
        }
        if (seen.length >= 60) reachedAll();
      },
      { batchSize: 5 },
    );
    await write(30, 30);
    await all;
    await subscription.stop();
    await store.close();
    expect(dropped).toBe(2);
    expect(seen.map((e) => e.data.i)).toEqual(Array.from({ length: 60 }, (_, i) => i));
  });
});
