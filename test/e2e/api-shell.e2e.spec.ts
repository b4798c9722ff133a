import request from 'supertest';
import { startTestSystem, type TestSystem } from '../support/test-system';

let system: TestSystem;
beforeAll(async () => {
  process.env.LOG_REQUESTS = '0';
  system = await startTestSystem();
});
afterAll(async () => {
  await system.close();
});

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
