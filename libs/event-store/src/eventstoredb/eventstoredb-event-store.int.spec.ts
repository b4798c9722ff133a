// The EventStoreDB adapter through the real client library: against the protocol-level test
// server always, and against a real server when EVENTSTORE_URL is set (esdb://localhost:2113?tls=false).
import { randomUUID } from 'node:crypto';
import { startTestServer, type TestServer } from '../../../../test/esdb-test-server';
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
      const several = await store.append({ stream, events: [newEvent('Two'), newEvent('Three')], expectedRevision: 0 });
      const read = (await store.readAll(before, 10_000)).filter((e) => e.stream === stream);
      expect(read.map((e) => e.position)).toEqual([...single.events, ...several.events].map((e) => e.position));
    });

    it('hides system events and id reservations from reads', async () => {
      await store.append({ stream: `visible-${randomUUID()}`, events: [newEvent()], expectedRevision: 'no_stream' });
      const all = await store.readAll(null, 100_000);
      expect(all.filter((e) => e.type.startsWith('$') || e.stream.startsWith('$') || e.stream.startsWith('event-id-'))).toEqual([]);
    });
  });
}

describeEsdbSpecifics('test server', () => server.url);
(realServer ? describe : describe.skip)('against EVENTSTORE_URL', () => describeEsdbSpecifics('real server', () => realServer!));

describe('EventStoreDB subscription across a dropped connection', () => {
  it('resumes after the last handed-over position: nothing lost, nothing doubled', async () => {
    const store = await EventStoredbEventStore.connect(server.url);
    const stream = `drops-${randomUUID()}`;
    const write = async (from: number, count: number) => {
      for (let i = from; i < from + count; i++) {
        await store.append({ stream, events: [newEvent('Numbered', { i })], expectedRevision: i === 0 ? 'no_stream' : i - 1 });
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
