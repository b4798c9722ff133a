// The projector on EventStoreDB across dropped connections: while commands are appended and the
// projector follows the log, the test server ends the $all subscription again and again (both
// right after the projector committed a batch and at arbitrary moments). The projector's
// subscription reconnects after its last checkpoint; when it has caught up, the read models must
// hold every event exactly once: event_type_count equals the log's own counts by type, and the
// ledger has exactly one posting per recorded expense.
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { EventStore, RecordedEvent } from '@app/event-store';
import { EventStoredbEventStore } from '@app/event-store/eventstoredb';
import { startTestServer, type TestServer } from '@app/event-store/testing';
import { startTestSystem, type TestSystem } from '../support/test-system';

const PERSONS = 150;
const ROUNDS = 6;

let server: TestServer;
let system: TestSystem;
/** Drops made right after the projector committed a batch. */
let dropsAfterBatch = 0;
let batchesHandled = 0;

/** The EventStoreDB log, with the subscription's handler watched: every third batch handed over ends with a drop. */
async function droppingStore(): Promise<EventStore> {
  const store = await EventStoredbEventStore.connect(server.url);
  return Object.assign(Object.create(store) as EventStore, {
    subscribe: (...[after, handler, options]: Parameters<EventStore['subscribe']>) =>
      store.subscribe(
        after,
        async (batch) => {
          await handler(batch);
          if (++batchesHandled % 3 === 0) {
            dropsAfterBatch++;
            server.dropSubscriptions();
          }
        },
        options,
      ),
  });
}

beforeAll(async () => {
  server = await startTestServer();
  system = await startTestSystem({ openStore: droppingStore });
});
afterAll(async () => {
  await system?.close();
  await server.stop();
});

/** Per person: a target group, an offer and an expense in March 2025 (one ledger posting each). */
function round(r: number): Record<string, unknown>[] {
  return Array.from({ length: PERSONS }, (_, p) => {
    const personId = `drop-${r}-${p}-${randomUUID()}`;
    const offerId = `${personId}-o`;
    const base = { municipality: '101' };
    return [
      {
        type: 'ChangeTargetGroup',
        commandId: randomUUID(),
        ...base,
        personId,
        targetGroup: 'jobafklaring',
        effectiveFrom: '2025-01-01',
      },
      {
        type: 'RegisterOffer',
        commandId: randomUUID(),
        ...base,
        offerId,
        personId,
        offerKind: 'ordinary_education',
        startDate: '2025-03-01',
        endDate: '2025-03-31',
      },
      {
        type: 'RecordOfferExpense',
        commandId: randomUUID(),
        ...base,
        expenseId: `${offerId}-e`,
        offerId,
        expenseType: 'course_fee',
        amount: '1000.00',
        activityFrom: '2025-03-01',
        activityTo: '2025-03-31',
      },
    ];
  }).flat();
}

async function wholeLog(store: EventStore): Promise<RecordedEvent[]> {
  const all: RecordedEvent[] = [];
  for (;;) {
    const batch = await store.readAll(all.length ? all[all.length - 1].position : null, 5000);
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

async function checkpoint(): Promise<bigint | null> {
  const rows: { position: string }[] = await system.readModels.query(
    `SELECT position FROM projection_checkpoint WHERE name = 'worker 1 of 1'`,
  );
  return rows.length ? BigInt(rows[0].position) : null;
}

it('resumes after every drop: the read models hold each posting exactly once', async () => {
  const token = system.token('jobcentre', '101');
  // Drops at arbitrary moments too, not only between batches.
  const timer = setInterval(() => server.dropSubscriptions(), 37);
  try {
    for (let r = 0; r < ROUNDS; r++) {
      const res = await request(system.http)
        .post('/v1/commands')
        .set('authorization', `Bearer ${token}`)
        .send({ commands: round(r) })
        .expect(200);
      expect(res.body.results.every((x: { status: number }) => x.status === 201)).toBe(true);
    }
  } finally {
    clearInterval(timer);
  }

  const head = (await system.store.headPosition())!;
  const deadline = Date.now() + 30_000;
  while (((await checkpoint()) ?? -1n) < head) {
    if (Date.now() > deadline) throw new Error(`projector stuck at ${await checkpoint()} < ${head}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  expect(dropsAfterBatch).toBeGreaterThanOrEqual(3);

  const log = await wholeLog(system.store);
  const inLog: Record<string, number> = {};
  for (const event of log) inLog[event.type] = (inLog[event.type] ?? 0) + 1;
  const counted: { type: string; count: string }[] = await system.readModels.query(
    'SELECT type, count FROM event_type_count',
  );
  expect(Object.fromEntries(counted.map((row) => [row.type, Number(row.count)]))).toEqual(inLog);
  expect(log.length).toBe(PERSONS * ROUNDS * 3);

  const expenses = log.filter((e) => e.type === 'OfferExpenseRecorded');
  const postings: { caused_by_event: string; n: string }[] = await system.readModels.query(
    'SELECT caused_by_event, count(*) AS n FROM ledger_entry GROUP BY caused_by_event',
  );
  expect(postings.length).toBe(expenses.length);
  expect(postings.every((row) => Number(row.n) === 1)).toBe(true);
  expect(new Set(postings.map((row) => row.caused_by_event))).toEqual(new Set(expenses.map((e) => e.id)));
}, 120_000);
