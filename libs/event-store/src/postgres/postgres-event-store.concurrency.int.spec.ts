// Many writers append concurrently (single appends grouped into one statement, and batches
// written with COPY, some sent twice) while a subscriber follows the log: the subscriber must see
// every event exactly once and in position order, even though transactions commit in any order.
import { createTestDatabase, type TestDatabase } from '@app/platform/testing';
import type { RecordedEvent } from '../event-store.port';
import { newEvent } from '../testing/event-store.contract';
import { PostgresEventStore } from './postgres-event-store';

const WRITERS = 8;
const APPENDS_PER_WRITER = 60;

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

it('a subscriber following concurrent writers sees every event exactly once, in order', async () => {
  const reader = await PostgresEventStore.connect(db.url, 2);
  const seen: RecordedEvent[] = [];
  const subscription = reader.subscribe(null, async (batch) => void seen.push(...batch), {
    batchSize: 7,
    idleDelayMs: 1,
  });

  const written: string[] = [];
  const writers = await Promise.all(
    Array.from({ length: WRITERS }, () => PostgresEventStore.connect(db.url, 3)),
  );
  await Promise.all(
    writers.map(async (writer, w) => {
      // Three streams per writer, appended through a pool of three connections at once, and batches.
      const batches = (async () => {
        for (let i = 0; i < 4; i++) {
          const requests = [0, 1, 2].map((b) => ({
            stream: `batch-${w}-${b}`,
            events: Array.from({ length: 1 + ((i + b) % 4) }, () => newEvent('Batched', { w, b, i })),
            expectedRevision: 'any' as const,
          }));
          const first = await writer.appendMany(requests);
          const again = await writer.appendMany(requests); // a retried batch appends nothing
          expect(again).toEqual(first.map((r) => ({ ...r, alreadyStored: true })));
          written.push(...requests.flatMap((r) => r.events.map((e) => e.id)));
        }
      })();
      await Promise.all([
        batches,
        ...[0, 1, 2].map(async (s) => {
          const stream = `writer-${w}-${s}`;
          for (let i = 0; i < APPENDS_PER_WRITER / 3; i++) {
            const events = Array.from({ length: 1 + ((i + s) % 3) }, () => newEvent('Written', { w, s, i }));
            await writer.append({ stream, events, expectedRevision: 'any' });
            written.push(...events.map((e) => e.id));
          }
        }),
      ]);
    }),
  );

  const deadline = Date.now() + 20_000;
  while (seen.length < written.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  await subscription.stop();
  await Promise.all([reader, ...writers].map((s) => s.close()));

  expect(seen.length).toBe(written.length);
  expect(new Set(seen.map((e) => e.id))).toEqual(new Set(written));
  seen.forEach((event, i) => expect(event.position).toBe(BigInt(i + 1)));
});
