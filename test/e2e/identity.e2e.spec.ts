// Tokens of an OpenID Connect issuer (RS256 and ES256), verified against its JSON Web Key Set —
// served here by the test itself — with issuer and audience checked and the issuer's claims mapped
// (AUTH_ROLE_CLAIM, AUTH_ROLE_MAP, AUTH_MUNICIPALITY_CLAIM), beside the HS256 tokens of the
// development secret; every refusal a 401 with WWW-Authenticate saying why.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { freePort, loadIdentityConfig, mintToken, TokenVerifier, ProblemException } from '@app/platform';
import { exportJWK, generateKeyPair, SignJWT, type JWK, type KeyLike } from 'jose';
import request from 'supertest';
import { startTestSystem, type TestSystem } from '../support/test-system';

const ISSUER = 'https://login.example.dk/realms/kommune';
const AUDIENCE = 'refund-ledger';

let jwks: Server;
let jwksUrl: string;
let system: TestSystem;
const keys: Record<'RS256' | 'ES256' | 'stranger', { privateKey: KeyLike; kid: string; alg: string }> =
  {} as never;

beforeAll(async () => {
  const published: JWK[] = [];
  for (const [name, alg] of [
    ['RS256', 'RS256'],
    ['ES256', 'ES256'],
    ['stranger', 'RS256'],
  ] as const) {
    const { publicKey, privateKey } = await generateKeyPair(alg);
    keys[name] = { privateKey, kid: `key-${name}`, alg };
    if (name !== 'stranger')
      published.push({ ...(await exportJWK(publicKey)), kid: `key-${name}`, alg, use: 'sig' });
  }
  jwks = createServer((_req, res) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: published })),
  );
  await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
  jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/certs`;
  system = await startTestSystem({
    projector: false,
    env: {
      AUTH_JWKS_URL: jwksUrl,
      AUTH_ISSUER: ISSUER,
      AUTH_AUDIENCE: AUDIENCE,
      AUTH_ROLE_CLAIM: 'realm_access.roles',
      AUTH_ROLE_MAP: 'ledger-finance=finance,ledger-jobcentre=jobcentre',
      AUTH_MUNICIPALITY_CLAIM: 'kommunekode',
    },
  });
});
afterAll(async () => {
  await system.close();
  await new Promise((resolve) => jwks.close(resolve));
});

interface Claims {
  iss?: string;
  aud?: string;
  exp?: number | null;
  sub?: string;
  [claim: string]: unknown;
}

async function issuerToken(key: keyof typeof keys, claims: Claims = {}): Promise<string> {
  const { privateKey, kid, alg } = keys[key];
  const { iss = ISSUER, aud = AUDIENCE, exp, sub = 'anna@kommune.dk', ...rest } = claims;
  const jwt = new SignJWT({
    realm_access: { roles: ['offline_access', 'ledger-finance'] },
    kommunekode: '101',
    ...rest,
  })
    .setProtectedHeader({ alg, kid })
    .setIssuer(iss)
    .setAudience(aud)
    .setSubject(sub)
    .setIssuedAt();
  if (exp !== null) jwt.setExpirationTime(exp ?? '1h');
  return jwt.sign(privateKey);
}

const entries = (token: string) =>
  request(system.http).get('/v1/municipalities/101/ledger/entries').set('authorization', `Bearer ${token}`);

async function refused(token: string, reason: RegExp): Promise<void> {
  const res = await entries(token).expect(401);
  expect(res.headers['www-authenticate']).toMatch(
    /^Bearer realm="refund-ledger", error="invalid_token", error_description="[^"]+"$/,
  );
  expect(res.headers['www-authenticate']).toMatch(reason);
  expect(res.body).toMatchObject({ status: 401, detail: expect.stringMatching(reason) });
}

it('accepts RS256 and ES256 tokens of the issuer, its roles and municipality mapped', async () => {
  await entries(await issuerToken('RS256')).expect(200);
  await entries(await issuerToken('ES256')).expect(200);
  // The mapped role is finance: a jobcentre-only endpoint is forbidden, another municipality too.
  await request(system.http)
    .get('/v1/municipalities/102/ledger/entries')
    .set('authorization', `Bearer ${await issuerToken('RS256')}`)
    .expect(403);
  await request(system.http)
    .post('/v1/commands/ChangeTargetGroup')
    .set('authorization', `Bearer ${await issuerToken('RS256')}`)
    .send({})
    .expect(403);
});

it('refuses a wrong audience, a wrong issuer, an unknown key, no exp, too long a life and an unmapped role', async () => {
  await refused(await issuerToken('RS256', { aud: 'another-system' }), /["']aud["'] claim/);
  await refused(
    await issuerToken('RS256', { iss: 'https://evil.example/realms/kommune' }),
    /["']iss["'] claim/,
  );
  await refused(await issuerToken('stranger'), /no applicable key found/);
  await refused(await issuerToken('ES256', { exp: null }), /["']exp["'] claim/);
  await refused(
    await issuerToken('RS256', { exp: Math.floor(Date.now() / 1000) + 3 * 86400 }),
    /longer than AUTH_MAX_TOKEN_LIFETIME/,
  );
  await refused(await issuerToken('RS256', { realm_access: { roles: ['offline_access'] } }), /role/);
  await refused(await issuerToken('RS256', { sub: '' }), /sub/);
});

it('keeps HS256 tokens of the secret beside them, and says when one was signed with another secret', async () => {
  await entries(
    mintToken({ sub: 'dev', role: 'finance', municipality: '101' }, system.config.jwtSecret),
  ).expect(200);
  await refused(
    mintToken({ sub: 'dev', role: 'finance', municipality: '101' }, 'another-secret'),
    /another AUTH_JWT_SECRET, or with the development secret of another DATA_DIR/,
  );
  const none = await request(system.http).get('/v1/municipalities/101/ledger/entries').expect(401);
  expect(none.headers['www-authenticate']).toBe('Bearer realm="refund-ledger"');
});

it("answers 503 when the issuer's keys cannot be fetched (not the caller's fault)", async () => {
  const port = await freePort();
  const verifier = new TokenVerifier(
    () => 'unused',
    loadIdentityConfig({
      AUTH_JWKS_URL: `http://127.0.0.1:${port}/certs`,
      AUTH_ISSUER: ISSUER,
      AUTH_AUDIENCE: AUDIENCE,
    }),
  );
  const failure = await verifier.verify(await issuerToken('RS256')).catch((error: unknown) => error);
  expect(failure).toBeInstanceOf(ProblemException);
  expect((failure as ProblemException).problem).toMatchObject({ status: 503, retryAfter: 5 });
});
