// The HTTP edges of every response and request body: security headers, no caching of ledger
// data, and bodies that are not JSON, too large or undecodable answered as problems.
import { randomUUID } from 'node:crypto';
import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { createLogger } from '@app/platform';
import request from 'supertest';
import { startTestSystem, type TestSystem } from '../support/test-system';

let system: TestSystem;
let token: string;
/** The api's log lines at warn and above. */
const logged: string[] = [];
beforeAll(async () => {
  const sink = new Writable({
    write: (chunk: Buffer, _encoding, done) => (logged.push(chunk.toString('utf8')), done()),
  });
  system = await startTestSystem({
    projector: false,
    env: { BODY_LIMIT: '2kb' },
    logger: createLogger('warn', sink),
  });
  token = system.token('jobcentre', '101');
});
afterAll(async () => {
  if (system.http.listening) await new Promise((resolve) => system.http.close(resolve));
  await system.close();
});

/** Sends bytes as they are (supertest would serialise a Buffer as JSON under a JSON content type). */
async function postRaw(
  path: string,
  headers: Record<string, string>,
  body: Buffer,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const server: Server = system.http.listening
    ? system.http
    : await new Promise((resolve) => {
        const s = system.http.listen(0, '127.0.0.1', () => resolve(s));
      });
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        headers: { ...headers, 'content-length': String(body.length) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode!, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const command = () => ({
  commandId: randomUUID(),
  municipality: '101',
  personId: 'p-1',
  targetGroup: 'dagpenge',
  effectiveFrom: '2025-01-01',
});
const post = () =>
  request(system.http).post('/v1/commands/ChangeTargetGroup').set('authorization', `Bearer ${token}`);

describe('response headers', () => {
  it.each(['/health', '/v1/nowhere', '/v1/municipalities/101/ledger/entries'])(
    '%s has security headers and no X-Powered-By',
    async (path) => {
      const res = await request(system.http).get(path).set('authorization', `Bearer ${token}`);
      expect(res.headers['x-powered-by']).toBeUndefined();
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    },
  );

  it('marks ledger, statement and command answers Cache-Control: no-store', async () => {
    const finance = system.token('finance', '101');
    for (const path of [
      '/v1/municipalities/101/ledger/entries',
      '/v1/municipalities/101/refund-statements/2025?format=csv',
      '/v1/municipalities/101/ledger/summary',
    ]) {
      const res = await request(system.http).get(path).set('authorization', `Bearer ${finance}`).expect(200);
      expect(res.headers['cache-control']).toBe('no-store');
    }
    const sent = await post().send(command()).expect(201);
    expect(sent.headers['cache-control']).toBe('no-store');
  });

  it('the docs page still loads its own scripts under the content security policy', async () => {
    const docs = await request(system.http).get('/v1/docs').expect(200);
    expect(docs.text).not.toMatch(/<script>/);
    expect(docs.text).toContain('swagger-ui-init.js');
  });
});

describe('request bodies', () => {
  const gzipHeaders = () => ({
    authorization: `Bearer ${token}`,
    'content-type': 'application/json',
    'content-encoding': 'gzip',
  });

  it('answers a body that is not JSON with 415 and appends nothing', async () => {
    const before = await system.store.headPosition();
    const res = await post().set('content-type', 'text/plain').send(JSON.stringify(command())).expect(415);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 415, type: '/problems/unsupported-media-type' });
    expect(await system.store.headPosition()).toBe(before);
  });

  it('answers a body over BODY_LIMIT with 413 naming the limit', async () => {
    const res = await post()
      .send({ ...command(), reason: 'x'.repeat(4000) })
      .expect(413);
    expect(res.body).toMatchObject({ status: 413, limit: 2048 });
    expect(res.body.detail).toContain('2048 bytes (BODY_LIMIT)');
  });

  it('answers a corrupt gzip body with 400 and logs it', async () => {
    const gzip = gzipSync(JSON.stringify(command()));
    const corrupt = Buffer.concat([
      gzip.subarray(0, 12),
      Buffer.from('not deflate at all'),
      gzip.subarray(12),
    ]);
    const res = await postRaw(
      '/v1/commands/ChangeTargetGroup',
      { ...gzipHeaders(), 'x-request-id': 'gzip-1' },
      corrupt,
    );
    expect(res).toMatchObject({ status: 400, body: { status: 400, type: '/problems/bad-request' } });
    expect(logged.map((line) => JSON.parse(line))).toContainEqual(
      expect.objectContaining({ level: 'warn', requestId: 'gzip-1', status: 400, msg: 'request refused' }),
    );
  });

  it('still takes a well-formed gzip body', async () => {
    const res = await postRaw(
      '/v1/commands/ChangeTargetGroup',
      gzipHeaders(),
      gzipSync(JSON.stringify(command())),
    );
    expect(res.status).toBe(201);
  });

  it.each([
    ['deflate', deflateSync],
    ['br', brotliCompressSync],
  ])('takes a %s body', async (encoding, compress) => {
    const res = await postRaw(
      '/v1/commands/ChangeTargetGroup',
      { ...gzipHeaders(), 'content-encoding': encoding },
      compress(JSON.stringify(command())),
    );
    expect(res.status).toBe(201);
  });

  it('takes application/json with a charset and application/*+json, and refuses another charset with 415', async () => {
    await post()
      .set('content-type', 'application/json; charset=utf-8')
      .send(JSON.stringify(command()))
      .expect(201);
    await post()
      .set('content-type', 'application/vnd.command+json')
      .send(JSON.stringify(command()))
      .expect(201);
    const res = await post()
      .set('content-type', 'application/json; charset=latin1')
      .send(JSON.stringify(command()))
      .expect(415);
    expect(res.body).toMatchObject({ status: 415, type: '/problems/unsupported-media-type' });
  });

  it('decompresses before the limit: a small gzip body that unpacks beyond BODY_LIMIT is a 413', async () => {
    const res = await postRaw(
      '/v1/commands/ChangeTargetGroup',
      gzipHeaders(),
      gzipSync(JSON.stringify({ ...command(), reason: 'x'.repeat(4000) })),
    );
    expect(res).toMatchObject({ status: 413, body: { status: 413, limit: 2048 } });
  });
});

describe('paths', () => {
  it('answers a path that does not decode with a 400 problem under the security headers', async () => {
    const res = await request(system.http)
      .get('/v1/municipalities/%ZZ/ledger/entries')
      .set('authorization', `Bearer ${token}`)
      .expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 400, type: '/problems/bad-request' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('routes a path with a trailing slash or in another letter case', async () => {
    await request(system.http)
      .post('/v1/commands/ChangeTargetGroup/')
      .set('authorization', `Bearer ${token}`)
      .send(command())
      .expect(201);
    await request(system.http).get('/HEALTH/').expect(200);
  });
});
