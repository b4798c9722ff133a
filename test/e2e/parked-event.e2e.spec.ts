// What an operator and a client see when the projector parks an event (API.md, "Running"):
// /health and /health/ready degraded (still 200) naming the event, the parked municipality's answers stale with a
// Ledger-Stale header, minPosition past the parked event 503 with Retry-After, the other
// municipality served as usual; then `parked skip` and everything is current again.
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { decideParked } from '../../apps/cli/src/commands/parked.command';
import { UsageError } from '../../apps/cli/src/commands/usage-error';
import { ANSWER_SCHEMAS } from '../../apps/api/src/openapi/http-schemas';
import { startTestSystem, type TestSystem } from '../support/test-system';

let system: TestSystem;
beforeAll(async () => (system = await startTestSystem()));
afterAll(() => system.close());

async function changeTargetGroup(municipality: string): Promise<string> {
  const res = await request(system.http)
    .post('/v1/commands/ChangeTargetGroup')
    .set('authorization', `Bearer ${system.token('jobcentre', municipality)}`)
    .send({
      commandId: randomUUID(),
      municipality,
      personId: `p-${randomUUID()}`,
      targetGroup: 'jobafklaring',
      effectiveFrom: '2025-01-01',
    })
    .expect(201);
  return res.body.position as string;
}

const entries = (municipality: string, query = '') =>
  request(system.http)
    .get(`/v1/municipalities/${municipality}/ledger/entries${query}`)
    .set('authorization', `Bearer ${system.token('finance', municipality)}`);

it('a parked event degrades its municipality only, and a recorded skip brings it back', async () => {
  await changeTargetGroup('101');
  const id = randomUUID();
  // Straight through the event store: the api's validation would refuse it.
  const planted = await system.store.append({
    stream: 'person-101-planted',
    expectedRevision: 'no_stream',
    events: [
      {
        id,
        type: 'TargetGroupChanged',
        data: { personId: 42 },
        metadata: { recordedAt: new Date().toISOString(), commandId: id, actor: 'test', municipality: '101' },
      },
    ],
  });
  const held = await changeTargetGroup('101');
  const other = await changeTargetGroup('147');

  await entries('147', `?minPosition=${other}`).expect(200);
  const health = await request(system.http).get('/health').expect(200);
  expect(health.body.status).toBe('degraded');
  expect(health.body.degraded).toEqual([
    expect.objectContaining({
      municipality: '101',
      eventId: id,
      position: planted.position.toString(),
      eventType: 'TargetGroupChanged',
      heldEvents: 1,
    }),
  ]);
  const ready = await request(system.http).get('/health/ready').expect(200);
  expect(ready.body.degraded).toEqual(health.body.degraded);

  const stale = await entries('101').expect(200);
  expect(stale.headers['ledger-stale']).toBe(`parkedAt=${planted.position}`);
  expect(stale.body.stale).toEqual({
    parkedAt: planted.position.toString(),
    eventId: id,
    parkedSince: expect.any(String),
  });
  // The OpenAPI answer describes the mark: a client generated from it reads `stale`.
  expect(ANSWER_SCHEMAS.LedgerEntriesPage.safeParse(stale.body).error).toBeUndefined();
  const waiting = await entries('101', `?minPosition=${held}`).expect(503);
  expect(waiting.headers['retry-after']).toBe('60');
  expect(waiting.body.type).toBe('/problems/parked');
  const current = await entries('147');
  expect(current.headers['ledger-stale']).toBeUndefined();
  expect(current.body.stale).toBeUndefined();

  await expect(
    decideParked(system.store, system.readModels, {
      decision: 'skip',
      municipality: '101',
      reason: ' ',
      actor: 'operator:test',
    }),
  ).rejects.toBeInstanceOf(UsageError);
  await expect(
    decideParked(system.store, system.readModels, {
      decision: 'resume',
      municipality: '147',
      reason: null,
      actor: 'operator:test',
    }),
  ).rejects.toBeInstanceOf(UsageError);
  await decideParked(system.store, system.readModels, {
    decision: 'skip',
    municipality: '101',
    reason: 'person id is not a string',
    actor: 'operator:test',
  });

  const after = await entries('101', `?minPosition=${held}`).expect(200);
  expect(after.headers['ledger-stale']).toBeUndefined();
  expect((await request(system.http).get('/health').expect(200)).body).toMatchObject({
    status: 'ok',
    projection: { eventsBehind: 0, parked: [] },
  });
});
