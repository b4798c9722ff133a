// `migrate-log` from a PostgreSQL log (a test database) into the EventStoreDB test server: a first
// run copies everything, a second copies nothing, and after the source grew a third copies only
// the new events. The 100,000-event figure is libs/event-store/src/migrate-log.int.spec.ts.
import { randomUUID } from 'node:crypto';
import {
  type AppendRequest,
  type EventStore,
  type RecordedEvent,
  PostgresEventStore,
} from '@app/event-store';
import { EventStoredbEventStore } from '@app/event-store/eventstoredb';
import { newEvent, startTestServer, type TestServer } from '@app/event-store/testing';
import { createTestDatabase, type TestDatabase } from '@app/platform/testing';
import { parseCommandLine } from '../program';
import { migrateLogCommand, type MigrateLogOptions } from './migrate-log.command';
import { UsageError } from './usage-error';

let server: TestServer;
let db: TestDatabase;
let source: PostgresEventStore;

beforeAll(async () => {
  [server, db] = await Promise.all([startTestServer(), createTestDatabase()]);
  source = await PostgresEventStore.connect(db.url);
});
afterAll(async () => {
  await source.close();
  await db.drop();
  await server.stop();
});

/** `sessions` appends of 1 to 3 events, round-robin over 7 streams. */
async function grow(sessions: number): Promise<number> {
  let count = 0;
  for (let i = 0; i < sessions; i++) {
    const stream = `case-${i % 7}`;
    const [last] = (await source.readStream(stream)).slice(-1);
    const events = Array.from({ length: 1 + (i % 3) }, () => newEvent('Happened', { i, amount: '12.50' }));
    const request: AppendRequest = { stream, events, expectedRevision: last ? last.revision : 'no_stream' };
    await source.append(request);
    count += events.length;
  }
  return count;
}

async function everything(store: EventStore): Promise<RecordedEvent[]> {
  const all: RecordedEvent[] = [];
  for (;;) {
    const batch = await store.readAll(all.length ? all[all.length - 1].position : null, 1000);
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

const shape = ({ id, type, stream, revision, data, metadata }: RecordedEvent) => ({
  id,
  type,
  stream,
  revision,
  data,
  metadata,
});

/** Runs the command as the command line parses `argv`; returns the printed lines and the progress reported. */
async function run(argv: string[], env: NodeJS.ProcessEnv = {}): Promise<string[]> {
  const parsed = parseCommandLine(['migrate-log', ...argv]);
  if (!('command' in parsed)) throw new Error(`not a migrate-log command line: ${argv.join(' ')}`);
  const lines: string[] = [];
  await migrateLogCommand(parsed.options as unknown as MigrateLogOptions, {
    env: { AUTH_JWT_SECRET: 'test', ...env },
    print: (line) => lines.push(line),
    progress: () => ({
      update: (done, total, count) => lines.push(`progress: ${count} events, ${done} of ${total}`),
      stop: () => undefined,
    }),
  });
  return lines;
}

it('copies the log once, reports progress (events, position of the head) and counts, and copies only what is new on a later run', async () => {
  expect(await grow(42)).toBe(84);
  const first = await run(['--from', db.url, '--to', server.url, '--batch-size', '25']);
  expect(first[0]).toMatch(/^source: PostgreSQL postgres/);
  const head = (await source.headPosition())!.toString();
  expect(first).toContainEqual(
    `progress: 25 events, ${(await source.readAll(null, 25))[24].position} of ${head}`,
  );
  expect(first).toContainEqual(`progress: 84 events, ${head} of ${head}`);
  expect(first[first.length - 1]).toMatch(
    /^migrate-log done in [\d.]+ s: 84 events in the source, 84 copied now, 0 already in the target$/,
  );

  const target = await EventStoredbEventStore.connect(server.url);
  try {
    expect((await everything(target)).map(shape)).toEqual((await everything(source)).map(shape));

    // DATABASE_URL and EVENTSTORE_URL instead of the options; nothing left to copy.
    const second = await run([], { DATABASE_URL: db.url, EVENTSTORE_URL: server.url });
    expect(second[0]).toMatch(/^source: PostgreSQL of DATABASE_URL/);
    expect(second[second.length - 1]).toMatch(
      /: 84 events in the source, 0 copied now, 84 already in the target$/,
    );

    expect(await grow(9)).toBe(18);
    const third = await run(['--from', db.url, '--to', server.url]);
    expect(third[third.length - 1]).toMatch(
      /: 102 events in the source, 18 copied now, 84 already in the target$/,
    );
    expect((await everything(target)).map(shape)).toEqual((await everything(source)).map(shape));
  } finally {
    await target.close();
  }
});

it('refuses to run without a target or with a wrong one', async () => {
  await expect(run(['--from', db.url])).rejects.toThrow(UsageError);
  await expect(run(['--from', db.url, '--to', 'http://localhost:2113'])).rejects.toThrow(/esdb:\/\//);
  await expect(run(['--from', 'mysql://x', '--to', server.url])).rejects.toThrow(/postgres/);
  await expect(run(['--to', server.url, '--batch-size', '0'])).rejects.toThrow(/batch-size/);
});

it('names the event ids it was given in the source, not new ones', async () => {
  const stream = `ids-${randomUUID()}`;
  const event = newEvent('Named');
  await source.append({ stream, events: [event], expectedRevision: 'no_stream' });
  await run(['--from', db.url, '--to', server.url]);
  const target = await EventStoredbEventStore.connect(server.url);
  try {
    expect((await target.readStream(stream)).map((e) => e.id)).toEqual([event.id]);
  } finally {
    await target.close();
  }
});
