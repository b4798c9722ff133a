// The api endpoints the web app needs, over HTTP: the development sign-in (only on the development
// secret), the timeline with its history, and the ledger filters by target group, kind and a range
// of booking periods, on the browser tests' data (test/web/web-scenario.ts).
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import request from 'supertest';
import { startTestSystem, type TestSystem } from '../support/test-system';
import { M, startWebScenarioSystem, type WebScenario, type WebScenarioSystem } from '../web/web-scenario';

let dev: TestSystem;
let configured: TestSystem;
let scenario: WebScenario;

let setClock: WebScenarioSystem['setClock'];

beforeAll(async () => {
  ({
    system: dev,
    scenario,
    setClock,
  } = await startWebScenarioSystem({
    env: {
      AUTH_JWT_SECRET: '',
      DATA_DIR: join(__dirname, '..', '..', '.test-data', `web-api-${process.pid}`),
    },
  }));
  configured = await startTestSystem({ projector: false });
});
afterAll(async () => {
  await dev?.close();
  await configured?.close();
});

const get = (path: string, query: Record<string, string> = {}) =>
  request(dev.http)
    .get(`/v1/municipalities/${M}${path}`)
    .query({ minPosition: scenario.position, ...query })
    .set('authorization', `Bearer ${dev.token('auditor', M)}`);

describe('development sign-in', () => {
  it('mints a one-hour token for the chosen role and municipality while the development secret is in use', async () => {
    expect((await request(dev.http).get('/v1/dev/sign-in').expect(200)).body).toEqual({
      roles: ['finance', 'auditor'],
      lifetimeHours: 1,
    });
    const before = Date.now();
    const res = await request(dev.http)
      .post('/v1/dev/sign-in')
      .send({ role: 'auditor', municipality: '751' })
      .expect(201);
    expect(res.body).toMatchObject({ role: 'auditor', municipality: '751' });
    const expires = Date.parse(res.body.expiresAt);
    expect(expires - before).toBeGreaterThanOrEqual(3_600_000 - 1000);
    expect(expires - before).toBeLessThanOrEqual(3_600_000 + 60_000);
    // the token reads its own municipality and no other
    await request(dev.http)
      .get('/v1/municipalities/751/ledger/entries')
      .set('authorization', `Bearer ${res.body.token}`)
      .expect(200);
    await request(dev.http)
      .get('/v1/municipalities/101/ledger/entries')
      .set('authorization', `Bearer ${res.body.token}`)
      .expect(403);
  });

  it('refuses a role it does not offer and a malformed municipality with 400', async () => {
    const admin = await request(dev.http)
      .post('/v1/dev/sign-in')
      .send({ role: 'admin', municipality: '101' })
      .expect(400);
    expect(admin.headers['content-type']).toContain('application/problem+json');
    await request(dev.http)
      .post('/v1/dev/sign-in')
      .send({ role: 'finance', municipality: '1011' })
      .expect(400);
  });

  it('does not exist when AUTH_JWT_SECRET is configured', async () => {
    await request(configured.http).get('/v1/dev/sign-in').expect(404);
    await request(configured.http)
      .post('/v1/dev/sign-in')
      .send({ role: 'finance', municipality: '101' })
      .expect(404);
  });
});

describe('timeline ?history=true', () => {
  it('lists every registration, the retracted one with its retraction, as recorded by asOf', async () => {
    const all = (await get(`/persons/${scenario.retractedPerson}/timeline`, { history: 'true' }).expect(200))
      .body;
    expect(all).toEqual([
      expect.objectContaining({
        targetGroup: 'sygedagpenge',
        effectiveFrom: '2025-01-01',
        recordedAt: '2025-01-22T09:00:00.000Z',
        retractedAt: null,
      }),
      expect.objectContaining({
        targetGroup: 'jobafklaring',
        effectiveFrom: '2025-03-01',
        reason: 'lægeerklæring modtaget',
        recordedAt: '2025-04-15T08:30:00.000Z',
        retractedAt: '2025-05-20T13:00:00.000Z',
        retractionReason: 'registreret på forkert borger',
      }),
    ]);
    // before the retraction it was not yet retracted; before the change it did not exist
    const before = (
      await get(`/persons/${scenario.retractedPerson}/timeline`, {
        history: 'true',
        asOf: scenario.beforeRetraction,
      }).expect(200)
    ).body;
    expect(before.map((r: { retractedAt: string | null }) => r.retractedAt)).toEqual([null, null]);
    expect(
      (
        await get(`/persons/${scenario.retractedPerson}/timeline`, {
          history: 'true',
          asOf: '2025-02-01T00:00:00Z',
        }).expect(200)
      ).body,
    ).toHaveLength(1);
    // without history: the segments as now known (the retracted change is gone)
    expect((await get(`/persons/${scenario.retractedPerson}/timeline`).expect(200)).body).toEqual([
      expect.objectContaining({ targetGroup: 'sygedagpenge', from: '2025-01-01', to: null }),
    ]);
    await get(`/persons/${scenario.retractedPerson}/timeline`, { history: 'yes' }).expect(400);
  });
});

describe('ledger entry filters', () => {
  type Entry = { kind: string; targetGroup: string | null; bookingPeriod: string };
  const entries = async (query: Record<string, string>): Promise<Entry[]> =>
    (await get('/ledger/entries', { limit: '1000', ...query }).expect(200)).body.entries;

  it('by target group, kind and a range of booking periods', async () => {
    const all = await entries({});
    const byGroup = await entries({ targetGroup: 'jobafklaring' });
    expect(byGroup.length).toBeGreaterThan(0);
    expect(byGroup).toEqual(all.filter((e) => e.targetGroup === 'jobafklaring'));
    const reversals = await entries({ kind: 'reversal' });
    expect(reversals.length).toBeGreaterThan(0);
    expect(reversals).toEqual(all.filter((e) => e.kind === 'reversal'));
    const april = await entries({ bookingPeriodFrom: '2025-04', bookingPeriodTo: '2025-04' });
    expect(april).toEqual(all.filter((e) => e.bookingPeriod === '2025-04'));
    expect(april).toEqual(await entries({ bookingPeriod: '2025-04' }));
    expect(await entries({ bookingPeriodFrom: '2025-03', bookingPeriodTo: '2025-05' })).toEqual(
      all.filter((e) => e.bookingPeriod >= '2025-03' && e.bookingPeriod <= '2025-05'),
    );
  });

  it('refuses an unknown target group, kind or period with 400 naming the field', async () => {
    for (const [field, value] of [
      ['targetGroup', 'mayor'],
      ['kind', 'correction'],
      ['bookingPeriodFrom', '2025-13'],
      ['bookingPeriodTo', '2025'],
    ]) {
      const res = await get('/ledger/entries', { [field]: value }).expect(400);
      expect(JSON.stringify(res.body.errors)).toContain(field);
    }
  });
});

describe('cap parameter history', () => {
  it('lists every setting of the year with its allowance, as recorded by asOf', async () => {
    const finance = `Bearer ${dev.token('finance', M)}`;
    const set = async (at: string, fullYearPersons: string, reason?: string) => {
      setClock(at);
      const res = await request(dev.http)
        .post('/v1/commands/SetCapParameters')
        .set('authorization', finance)
        .send({
          commandId: randomUUID(),
          municipality: M,
          year: 2025,
          cap: 'integration_raadighedsloft',
          amountPerFullYearPerson: '43363.00',
          fullYearPersons,
          reason,
        });
      setClock(null);
      expect(res.status).toBe(201);
      return res.body as { commandId: string; position: string };
    };
    const first = await set('2025-06-02T08:00:00Z', '2');
    const second = await set('2025-06-20T08:00:00Z', '2.5', 'helårspersoner opgjort');
    const history = async (query: Record<string, string> = {}) =>
      (
        await get('/accounting-years/2025/cap-parameters', { minPosition: second.position, ...query }).expect(
          200,
        )
      ).body;
    // allowance = 43,363.00 × 2 = 86,726.00, then × 2.5 = 108,407.50 (seed000 Bilag 1)
    expect(await history()).toEqual({
      year: 2025,
      settings: [
        {
          cap: 'integration_raadighedsloft',
          amountPerFullYearPerson: '43363.00',
          fullYearPersons: '2.00',
          allowance: '86726.00',
          reason: null,
          recordedAt: '2025-06-02T08:00:00.000Z',
          commandId: first.commandId,
        },
        {
          cap: 'integration_raadighedsloft',
          amountPerFullYearPerson: '43363.00',
          fullYearPersons: '2.50',
          allowance: '108407.50',
          reason: 'helårspersoner opgjort',
          recordedAt: '2025-06-20T08:00:00.000Z',
          commandId: second.commandId,
        },
      ],
    });
    expect((await history({ asOf: '2025-06-10T00:00:00Z' })).settings).toHaveLength(1);
    expect((await get('/accounting-years/2024/cap-parameters').expect(200)).body).toEqual({
      year: 2024,
      settings: [],
    });
    await get('/accounting-years/25/cap-parameters').expect(400);
  });
});

describe('the web app at /app/', () => {
  it('is served built, under the content security policy, with /app sent to /app/', async () => {
    execFileSync(process.execPath, [join(__dirname, '..', '..', 'scripts', 'build-web.mjs')], {
      stdio: 'inherit',
    });
    expect((await request(dev.http).get('/app').expect(301)).headers.location).toBe('/app/');
    const page = await request(dev.http).get('/app/').expect(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.text).toMatch(
      /<script type="module" crossorigin src="\/app\/assets\/index-[\w-]+\.js"><\/script>/,
    );
    expect(page.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script
  });
});
