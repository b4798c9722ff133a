import { PostgresEventStore, type RecordedEvent } from '@app/event-store';
import { newEvent } from '@app/event-store/testing';
import type { TestDatabase } from '@app/platform/testing';
import type { DataSource, EntityManager } from 'typeorm';
import { EventTypeCountProjection } from '../projections/event-type-count.projection';
import { openReadModels } from '../read-model-data-source';
import { closeLogAndReadModels, openLogAndReadModels } from '../testing/log-and-read-models';
import { ownerOf } from './partition';
import { projectedThrough } from './progress';
import { CheckpointMovedError, ProjectionRunner } from './projection-runner';
import { waitForPosition } from './wait-for-position';

let db: TestDatabase;
let store: PostgresEventStore;
let readModels: DataSource;

beforeEach(async () => ({ db, store, live: readModels } = await openLogAndReadModels()));
afterEach(() => closeLogAndReadModels({ db, store, live: readModels }));

async function counts(): Promise<Record<string, number>> {
  const rows: { type: string; count: string }[] = await readModels.query(
    'SELECT type, count FROM event_type_count ORDER BY type',
  );
  return Object.fromEntries(rows.map((r) => [r.type, Number(r.count)]));
}

it('follows the log from its checkpoint and counts events per type', async () => {
  await store.append({
    stream: 's-1',
    events: [newEvent('A'), newEvent('B')],
    expectedRevision: 'no_stream',
  });
  const runner = new ProjectionRunner(store, readModels, [new EventTypeCountProjection()], {
    batchSize: 2,
    idleDelayMs: 5,
  });
  await runner.start();
  const { position } = await store.append({ stream: 's-1', events: [newEvent('A')], expectedRevision: 1 });
  expect(await waitForPosition(readModels, position, 5000)).toBe(true);
  await runner.stop();
  expect(await counts()).toEqual({ A: 2, B: 1 });
  expect(await projectedThrough(readModels)).toBe(position);
  expect(await runner.lag()).toMatchObject({ eventsBehind: 0, checkpoint: position.toString() });
});

it('a restarted runner resumes after its checkpoint: nothing lost, nothing doubled', async () => {
  for (let i = 0; i < 10; i++)
    await store.append({ stream: `s-${i}`, events: [newEvent('A')], expectedRevision: 'no_stream' });
  const first = new ProjectionRunner(store, readModels, [new EventTypeCountProjection()], { batchSize: 3 });
  expect(await first.catchUp(4n)).toBe(4);
  // A new runner (as after a crash) continues from the stored checkpoint.
  const second = new ProjectionRunner(store, readModels, [new EventTypeCountProjection()], { batchSize: 3 });
  expect(await second.catchUp()).toBe(6);
  expect(await counts()).toEqual({ A: 10 });
});

it('a batch that fails for a reason other than its events leaves neither its rows nor its checkpoint behind', async () => {
  await store.append({
    stream: 's-1',
    events: [newEvent('A'), newEvent('B')],
    expectedRevision: 'no_stream',
  });
  const deadlocked = Object.assign(new Error('deadlock detected'), { code: '40P01' });
  const failing = { name: 'failing', apply: async () => Promise.reject(deadlocked) };
  const runner = new ProjectionRunner(store, readModels, [new EventTypeCountProjection(), failing]);
  await expect(runner.catchUp()).rejects.toThrow('deadlock detected');
  expect(await counts()).toEqual({});
  expect(await projectedThrough(readModels)).toBeNull();
  expect(await readModels.query('SELECT * FROM parked_event')).toEqual([]);
});

it("a batch's transaction commits without waiting for the WAL flush, while an append beside it, and the connection's next transactions, wait for it", async () => {
  await store.append({ stream: 's-1', events: [newEvent('A')], expectedRevision: 'no_stream' });
  // One connection each: the runner's transactions and the query after them share the read models'
  // connection; the append and the look at its setting share the log's.
  const oneConnection = await openReadModels(db.url, undefined, 1);
  const log = await PostgresEventStore.connect(db.url, 1);
  const synchronousCommit = async (query: (sql: string) => Promise<{ setting: string }[]>) =>
    (await query("SELECT current_setting('synchronous_commit') AS setting"))[0].setting;
  const seen: Record<string, string> = {};
  const probe = {
    name: 'probe',
    apply: async (_events: RecordedEvent[], tx: EntityManager) => {
      seen.batch = await synchronousCommit((sql) => tx.query(sql));
      await log.append({ stream: 's-2', events: [newEvent('B')], expectedRevision: 'no_stream' });
      seen.append = await synchronousCommit(async (sql) => (await log['pool'].query(sql)).rows);
    },
  };
  try {
    expect(await new ProjectionRunner(store, oneConnection, [probe]).catchUp(1n)).toBe(1);
    seen.after = await synchronousCommit((sql) => oneConnection.query(sql));
  } finally {
    await log.close();
    await oneConnection.destroy();
  }
  expect(seen).toEqual({ batch: 'off', append: 'on', after: 'on' });
});

it('a second runner on the same read models fails loudly instead of applying a batch twice', async () => {
  await store.append({
    stream: 's-1',
    events: [newEvent('A'), newEvent('B')],
    expectedRevision: 'no_stream',
  });
  const first = new ProjectionRunner(store, readModels, [new EventTypeCountProjection()], { batchSize: 1 });
  const second = new ProjectionRunner(store, readModels, [new EventTypeCountProjection()]);
  await second['load'](null);
  await first.catchUp(1n);
  // The second runner still believes the checkpoint is empty (it read it before the first moved it).
  await expect(second['applyBisecting'](await store.readAll(null, 1))).rejects.toBeInstanceOf(
    CheckpointMovedError,
  );
  expect(await counts()).toEqual({ A: 1 });
});

it('workers started one after another each project their own municipalities from the start; until all have reported, nothing claims to be projected', async () => {
  const inMunicipality = (m: string) => ({
    ...newEvent('A'),
    metadata: { ...newEvent('A').metadata, municipality: m },
  });
  for (const m of ['101', '147', '851'])
    await store.append({ stream: `s-${m}`, events: [inMunicipality(m)], expectedRevision: 'no_stream' });
  const worker = (index: number) =>
    new ProjectionRunner(store, readModels, [new EventTypeCountProjection()], {
      worker: { index, workers: 3 },
    });
  expect(ownerOf('851', 3)).toBe(0);
  await worker(0).catchUp();
  expect(await projectedThrough(readModels, '851')).toBe(3n);
  expect(await projectedThrough(readModels, '147')).toBeNull();
  expect(await projectedThrough(readModels)).toBeNull();
  await worker(1).catchUp();
  await worker(2).catchUp();
  expect(await counts()).toEqual({ A: 3 });
  expect(await projectedThrough(readModels, '147')).toBe(3n);
  expect(await projectedThrough(readModels)).toBe(3n);
  // With PROJECTOR_WORKERS back at 1, the rows of the three go once the one has its own.
  await new ProjectionRunner(store, readModels, [new EventTypeCountProjection()]).catchUp();
  await store.append({ stream: 's-101', events: [inMunicipality('101')], expectedRevision: 0 });
  await new ProjectionRunner(store, readModels, [new EventTypeCountProjection()]).catchUp();
  expect(await counts()).toEqual({ A: 4 });
  expect(await readModels.query('SELECT name, position FROM projection_checkpoint')).toEqual([
    { name: 'worker 1 of 1', position: '4' },
  ]);
});

it('waitForPosition gives up after its timeout when the read models lag', async () => {
  expect(await waitForPosition(readModels, 99n, 30)).toBe(false);
});
