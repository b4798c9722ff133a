// A Ctrl-C reaches the database server and the projector at once. When the server closes the
// projector's connection before the projector has taken the signal, that is a shutdown, not a
// failed batch; a database that goes away with no shutdown following is still a failure.
import { Writable } from 'node:stream';
import type { INestApplicationContext } from '@nestjs/common';
import { type EventStore, PostgresEventStore } from '@app/event-store';
import { createLogger } from '@app/platform';
import { createTestDatabase, type TestDatabase } from '@app/platform/testing';
import { allProjections, openReadModels } from '@app/read-models';
import { rulebooks } from '@app/rules';
import type { DataSource } from 'typeorm';
import { createProjectorApp } from './create-projector-app';

/** The error pg gives a query written to a connection the server has closed. */
const brokenPipe = () => Object.assign(new Error('write EPIPE'), { code: 'EPIPE', syscall: 'write' });

let db: TestDatabase;
let store: EventStore;
let readModels: DataSource;
let connectionLost: boolean;
let lines: string[];
let failures: Error[];
let projector: INestApplicationContext;

/** The log, as the projector sees it: reads fail once the connection is lost. */
function losableStore(): EventStore {
  return new Proxy(store, {
    get: (target, property, receiver) =>
      property === 'readAll' && connectionLost
        ? () => Promise.reject(brokenPipe())
        : Reflect.get(target, property, receiver),
  });
}

beforeEach(async () => {
  db = await createTestDatabase();
  store = await PostgresEventStore.connect(db.url);
  readModels = await openReadModels(db.url);
  connectionLost = false;
  lines = [];
  failures = [];
  const destination = new Writable({
    write: (chunk: Buffer, _encoding, done) => (lines.push(chunk.toString()), done()),
  });
  projector = await createProjectorApp(
    {
      store: losableStore(),
      readModels,
      projections: allProjections(rulebooks),
      idleDelayMs: 5,
      onFailure: (error) => failures.push(error),
    },
    { logger: createLogger('info', destination) },
  );
  await projector.init();
});

afterEach(async () => {
  await store.close();
  await readModels.destroy();
  await db.drop();
});

const waitMs = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const logged = (message: string) => lines.some((line) => line.includes(message));

it('stopping just after the database closed the connection is a shutdown, not a failure', async () => {
  connectionLost = true;
  await waitMs(300); // the runner, polling every 5 ms, has met the broken connection
  await projector.close();
  await waitMs(50);
  expect(failures).toEqual([]);
  expect(logged('projector stopped while the database shut down')).toBe(true);
  expect(logged('projection failed')).toBe(false);
});

it('a database that goes away with no shutdown following is a failure', async () => {
  connectionLost = true;
  for (let waited = 0; failures.length === 0 && waited < 10_000; waited += 50) await waitMs(50);
  expect(failures.map((error) => error.message)).toEqual(['write EPIPE']);
  expect(logged('projection failed')).toBe(true);
  await projector.close();
});
