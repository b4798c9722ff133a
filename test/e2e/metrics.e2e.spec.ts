// GET /metrics in Prometheus's format, without a token: commands by type and status (batch items
// one by one), append latency, HTTP latency by route template, projection lag and pool use move
// as the api works. (The projector's batch metrics under npm start: cli-beside-npm-start.e2e.)
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { startTestSystem, type TestSystem } from '../support/test-system';

let system: TestSystem;
beforeAll(async () => (system = await startTestSystem({ projector: false })));
afterAll(() => system.close());

async function scrape(): Promise<string> {
  const res = await request(system.http).get('/metrics').expect(200);
  expect(res.headers['content-type']).toMatch(/^text\/plain;.*version=0\.0\.4/);
  return res.text;
}

/** The value of one sample, 0 when absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{([^}]*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const have = (match[2] ?? '').split(',').filter(Boolean);
    if (wanted.every((w) => have.includes(w)) && have.length === wanted.length) return Number(match[3]);
  }
  return 0;
}

const offer = (offerId: string) => ({
  commandId: randomUUID(),
  municipality: '101',
  offerId,
  personId: 'm-p-1',
  offerKind: 'ordinary_education',
  startDate: '2025-03-01',
  endDate: '2025-05-31',
});

it('counts commands by type and status, times appends and requests by route, and reads lag and pool use', async () => {
  const token = system.token('jobcentre', '101');
  const before = await scrape();
  const offerId = `m-o-${randomUUID()}`;
  await request(system.http)
    .post('/v1/commands/RegisterOffer')
    .set('authorization', `Bearer ${token}`)
    .send(offer(offerId))
    .expect(201);
  await request(system.http)
    .post('/v1/commands/RegisterOffer')
    .set('authorization', `Bearer ${token}`)
    .send(offer(offerId))
    .expect(422);
  const batch = await request(system.http)
    .post('/v1/commands')
    .set('authorization', `Bearer ${token}`)
    .send({
      commands: [
        { type: 'RegisterOffer', ...offer(`m-o-${randomUUID()}`) },
        { type: 'RegisterOffer', ...offer(offerId) },
        { type: 'NoSuchCommand', commandId: randomUUID(), municipality: '101' },
      ],
    })
    .expect(200);
  const statuses = batch.body.results.map((r: { status: number }) => r.status);
  expect(statuses.slice(0, 2)).toEqual([201, 422]);
  const after = await scrape();

  const moved = (name: string, labels: Record<string, string>) =>
    sample(after, name, labels) - sample(before, name, labels);
  expect(moved('ledger_commands_total', { type: 'RegisterOffer', status: '201' })).toBe(2);
  expect(moved('ledger_commands_total', { type: 'RegisterOffer', status: '422' })).toBe(2);
  expect(moved('ledger_commands_total', { type: 'unknown', status: String(statuses[2]) })).toBe(1);
  expect(
    moved('ledger_event_append_seconds_count', { operation: 'append' }) +
      moved('ledger_event_append_seconds_count', { operation: 'appendMany' }),
  ).toBeGreaterThanOrEqual(2);
  expect(
    moved('http_request_duration_seconds_count', {
      method: 'POST',
      route: '/v1/commands/:type',
      status: '201',
    }),
  ).toBe(1);
  expect(
    moved('http_request_duration_seconds_count', {
      method: 'POST',
      route: '/v1/commands/:type',
      status: '422',
    }),
  ).toBe(1);
  expect(
    moved('http_request_duration_seconds_count', { method: 'POST', route: '/v1/commands', status: '200' }),
  ).toBe(1);
  expect(
    moved('http_request_duration_seconds_count', { method: 'GET', route: '/metrics', status: '200' }),
  ).toBe(1);

  // No projector runs here: the lag is every event of the log.
  expect(sample(after, 'projection_lag_events')).toBe(Number(await system.store.headPosition()));
  expect(sample(after, 'pg_pool_connections', { pool: 'read_models', state: 'total' })).toBeGreaterThan(0);
  expect(sample(after, 'pg_pool_connections', { pool: 'event_log', state: 'total' })).toBeGreaterThan(0);
  expect(after).toMatch(/^projector_parked_events 0$/m); // nothing parked
  expect(after).toMatch(/^process_resident_memory_bytes \d+/m);
});

it('puts paths no route serves under one route label', async () => {
  await request(system.http).get(`/nothing/${randomUUID()}`).expect(404);
  expect(
    sample(await scrape(), 'http_request_duration_seconds_count', {
      method: 'GET',
      route: 'unmatched',
      status: '404',
    }),
  ).toBeGreaterThanOrEqual(1);
});
