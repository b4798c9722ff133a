import request from 'supertest';
import { startTestSystem, type TestSystem } from '../support/test-system';

let system: TestSystem;
beforeAll(async () => (system = await startTestSystem()));
afterAll(() => system.close());

describe('api shell', () => {
  it('GET /health answers 200 with the projection lag', async () => {
    const res = await request(system.http).get('/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', projection: { eventsBehind: 0 } });
  });

  it('serves the OpenAPI document and the docs page', async () => {
    const spec = await request(system.http).get('/v1/openapi.json').expect(200);
    expect(spec.body.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.body.paths)).toContain('/health');
    const docs = await request(system.http).get('/v1/docs').expect(200);
    expect(docs.text).toContain('swagger');
  });

  it('answers unknown routes with a problem document and a request id', async () => {
    const res = await request(system.http).get('/v1/nowhere').set('x-request-id', 'req-42').expect(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['x-request-id']).toBe('req-42');
    expect(res.body).toMatchObject({ type: '/problems/not-found', title: 'Not Found', status: 404 });
  });
});

describe('query authorisation and validation', () => {
  const get = (path: string, token?: string) => {
    const req = request(system.http).get(path);
    return token ? req.set('authorization', `Bearer ${token}`) : req;
  };

  it('rejects a missing token (401) and another municipality (403); auditors and finance may read their own', async () => {
    await get('/v1/municipalities/101/ledger/entries').expect(401);
    const foreign = await get('/v1/municipalities/751/ledger/entries', system.token('finance', '101')).expect(
      403,
    );
    expect(foreign.body).toMatchObject({ status: 403, type: '/problems/forbidden' });
    await get('/v1/municipalities/101/ledger/entries', system.token('auditor', '101')).expect(200);
    await get('/v1/municipalities/751/ledger/summary', system.token('admin', '*')).expect(200);
  });

  it.each([
    ['asOf=yesterday', 'asOf'],
    ['bookingPeriod=2025-13', 'bookingPeriod'],
    ['limit=0', 'limit'],
    ['account=568.90', 'account'],
    ['unknown=1', 'unknown'],
  ])('answers ?%s with 400 naming the parameter', async (query, path) => {
    const res = await get(
      `/v1/municipalities/101/ledger/entries?${query}`,
      system.token('finance', '101'),
    ).expect(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
  });

  it('answers an unknown groupBy key with 400 and an unknown offer with 404', async () => {
    await get('/v1/municipalities/101/ledger/summary?groupBy=colour', system.token('finance', '101')).expect(
      400,
    );
    await get('/v1/municipalities/101/offers/nope', system.token('finance', '101')).expect(404);
  });

  it('answers ?minPosition beyond the log with 503 and Retry-After once the wait runs out', async () => {
    const res = await get(
      '/v1/municipalities/101/ledger/entries?minPosition=999999',
      system.token('finance', '101'),
    ).expect(503);
    expect(res.headers['retry-after']).toBe('1');
  });
});
