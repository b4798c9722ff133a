// Health and dependencies down, on a PostgreSQL of the test's own that it stops and starts
// again: /health/live stays 200; /health/ready, /health and every endpoint answer 503 with
// Retry-After while the database is gone; the api reconnects by itself when it is back, and a
// command that got the 503 appended nothing, so its retry is accepted once. With EventStoreDB as
// the log, its loss alone makes the api unready and commands 503.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { EventStoredbEventStore } from '@app/event-store/eventstoredb';
import { PostgresEventStore } from '@app/event-store';
import { mintToken, loadConfig } from '@app/platform';
import { startEmbeddedPostgresProcess, type EmbeddedPostgresProcess } from '@app/platform/testing';
import { openReadModels } from '@app/read-models';
import { checkOfferValidity } from '@app/rules';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { startTestServer } from '@app/event-store/testing';
import { startTestSystem } from '../support/test-system';

const SECRET = 'health-secret';
let dataDir: string;
let db: EmbeddedPostgresProcess;
let store: PostgresEventStore;
let readModels: DataSource;
let api: INestApplication;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'health-'));
  db = await startEmbeddedPostgresProcess(join(dataDir, 'postgres'));
  store = await PostgresEventStore.connect(db.url);
  readModels = await openReadModels(db.url);
  const config = loadConfig({ AUTH_JWT_SECRET: SECRET, DATA_DIR: dataDir });
  api = await createApiApp({ config, store, readModels, offerValidity: checkOfferValidity }, { logs: false });
  await api.init();
});
afterAll(async () => {
  await api?.close();
  await store?.close();
  await readModels?.destroy();
  await db?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const authorization = `Bearer ${mintToken({ sub: 'health', role: 'jobcentre', municipality: '101' }, SECRET)}`;
const get = (path: string) => request(api.getHttpServer()).get(path).set('authorization', authorization);
const command = (commandId: string) => ({
  commandId,
  municipality: '101',
  personId: 'p-1',
  targetGroup: 'dagpenge',
  effectiveFrom: '2025-01-01',
});
const send = (commandId: string) =>
  request(api.getHttpServer())
    .post('/v1/commands/ChangeTargetGroup')
    .set('authorization', authorization)
    .send(command(commandId));

async function eventually(check: () => Promise<boolean>): Promise<void> {
  for (let attempt = 0; !(await check()); attempt++) {
    if (attempt > 100) throw new Error('not within 100 attempts');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

it('serves live, ready and /health with the projection lag and every check while the database runs', async () => {
  await send(randomUUID()).expect(201);
  expect((await get('/health/live').expect(200)).body).toMatchObject({ status: 'ok' });
  expect((await get('/health/ready').expect(200)).body).toMatchObject({
    status: 'ok',
    details: { eventLog: { status: 'up', head: '1' }, readModels: { status: 'up', checkpoint: null } },
  });
  expect((await get('/health').expect(200)).body).toEqual({
    status: 'ok',
    eventLog: { head: '1' },
    projection: { checkpoint: null, head: '1', eventsBehind: 1, positionDistance: '1', parked: [] },
    checks: {
      eventLog: { status: 'up', head: '1' },
      readModels: { status: 'up', checkpoint: null },
      projection: {
        status: 'up',
        checkpoint: null,
        head: '1',
        eventsBehind: 1,
        positionDistance: '1',
        parked: [],
      },
    },
  });
});

it('with the database stopped: live 200; ready, /health, queries and commands 503 with Retry-After; back by itself after a restart', async () => {
  const port = db.port;
  await db.stop();

  await get('/health/live').expect(200);
  const ready = await get('/health/ready').expect(503);
  expect(ready.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(ready.headers['retry-after']).toBe('2');
  expect(ready.body).toMatchObject({
    status: 503,
    type: '/problems/unavailable',
    checks: { eventLog: { status: 'down' }, readModels: { status: 'down' } },
  });
  const health = await get('/health').expect(503);
  expect(health.headers['retry-after']).toBe('2');

  for (const path of [
    '/v1/municipalities/101/ledger/entries',
    '/v1/municipalities/101/persons/p-1/timeline',
    '/v1/municipalities/101/ledger/summary',
  ]) {
    const res = await get(path).expect(503);
    expect(res.headers['retry-after']).toBe('2');
    expect(res.body).toMatchObject({ status: 503, type: '/problems/unavailable' });
  }
  const lost = randomUUID();
  const refused = await send(lost).expect(503);
  expect(refused.headers['retry-after']).toBe('2');

  db = await startEmbeddedPostgresProcess(join(dataDir, 'postgres'), port);
  await eventually(async () => (await get('/health/ready')).status === 200);
  await send(lost).expect(201);
  await send(lost).expect(200);
  expect((await get('/health/ready').expect(200)).body.details.eventLog.head).toBe('2');
});

it('with EventStoreDB as the log gone: ready names the event log, a command is 503 with Retry-After, read-model queries still answer', async () => {
  const server = await startTestServer();
  const system = await startTestSystem({
    projector: false,
    openStore: () => EventStoredbEventStore.connect(server.url),
  });
  try {
    const token = `Bearer ${system.token('jobcentre', '101')}`;
    const sendTo = () =>
      request(system.http)
        .post('/v1/commands/ChangeTargetGroup')
        .set('authorization', token)
        .send(command(randomUUID()));
    await sendTo().expect(201);
    await server.stop();

    const refused = await sendTo().expect(503);
    expect(refused.headers['retry-after']).toBe('2');
    const ready = await request(system.http).get('/health/ready').expect(503);
    expect(ready.body.checks).toMatchObject({ eventLog: { status: 'down' }, readModels: { status: 'up' } });
    await request(system.http)
      .get('/v1/municipalities/101/ledger/entries')
      .set('authorization', token)
      .expect(200);
  } finally {
    await system.close();
  }
});
