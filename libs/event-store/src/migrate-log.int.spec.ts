// migrateLog from an in-memory log of 100,000 events into EventStoreDB (the protocol-level test
// server through the real client): a run interrupted part-way, a resumed run that copies the rest
// exactly once, and a third run that finds nothing left to copy.
import { startTestServer, type TestServer } from './testing';
import type { AppendRequest, EventStore, RecordedEvent } from './event-store.port';
import { EventStoredbEventStore } from './eventstoredb/eventstoredb-event-store';
import { InMemoryEventStore } from './in-memory/in-memory-event-store';
import { migrateLog } from './migrate-log';
import { newEvent } from './testing/event-store.contract';

const EVENTS = 100_000;
const STREAMS = 5_000;

/**
 * Cases interleaved round-robin; each turn a case gets a session of commands (appends of 1 to 4
 * events, 10 in all), so the global order has runs of 10 events of one stream.
 */
async function sourceLog(): Promise<InMemoryEventStore> {
  const source = new InMemoryEventStore();
  const revisions = new Array<number>(STREAMS).fill(-1);
  const requests: AppendRequest[] = [];
  for (let written = 0, turn = 0; written < EVENTS; turn++) {
    const s = turn % STREAMS;
    for (const size of [1, 2, 3, 4]) {
      const events = Array.from({ length: size }, (_, i) =>
        newEvent(`Happened${i % 3}`, { n: written + i, amount: '12.50' }),
      );
      requests.push({
        stream: `case-${s}`,
        events,
        expectedRevision: revisions[s] < 0 ? 'no_stream' : revisions[s],
      });
      revisions[s] += size;
      written += size;
    }
  }
  await source.appendMany(requests);
  return source;
}

async function everything(store: EventStore): Promise<RecordedEvent[]> {
  const all: RecordedEvent[] = [];
  for (;;) {
    const batch = await store.readAll(all.length ? all[all.length - 1].position : null, 5000);
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

/** A target whose connection is lost in the middle of the given appendMany call, after half of its appends. */
function interruptedAt(target: EventStore, call: number): EventStore {
  let calls = 0;
  return Object.assign(Object.create(target) as EventStore, {
    appendMany: async (requests: AppendRequest[]) => {
      if (++calls < call) return target.appendMany(requests);
      await target.appendMany(requests.slice(0, requests.length >> 1));
      throw new Error('connection lost');
    },
  });
}

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
});

it('copies a 100,000-event log once, resuming an interrupted run where it stopped', async () => {
  const source = await sourceLog();
  const target = await EventStoredbEventStore.connect(server.url);
  try {
    const started = Date.now();
    await expect(migrateLog(source, interruptedAt(target, 40), { batchSize: 1000 })).rejects.toThrow(
      'connection lost',
    );
    const resumed = await migrateLog(source, target, { batchSize: 1000 });
    const seconds = (Date.now() - started) / 1000;
    console.info(
      `migrate-log: ${EVENTS} events in ${seconds.toFixed(1)} s (${Math.round(EVENTS / seconds)} events/s)`,
    );

    expect(resumed.skipped).toBeGreaterThan(39_000);
    expect(resumed.skipped).toBeLessThan(40_000);
    expect(resumed.copied + resumed.skipped).toBe(EVENTS);

    const [expected, copied] = await Promise.all([everything(source), everything(target)]);
    const shape = ({ id, type, stream, revision, data, metadata }: RecordedEvent) => ({
      id,
      type,
      stream,
      revision,
      data,
      metadata,
    });
    expect(copied.length).toBe(EVENTS);
    expect(copied.map(shape)).toEqual(expected.map(shape));

    expect(await migrateLog(source, target, { batchSize: 1000 })).toEqual({ copied: 0, skipped: EVENTS });
  } finally {
    await target.close();
  }
  // Measured on 2 cores: ~63 s to copy (106 s when every event had an id reservation append of its
  // own; ids are now reserved in one journal append per batch) and ~98 s for the whole test. What
  // remains is the client's per-event protobuf work on both sides of this one process: the
  // appends, the up-front revision checks and the read-back of positions (bench figures, not goals).
  // The limit leaves room for a machine that other work keeps busy: at a load of 10 the copy took 222 s.
}, 480_000);
