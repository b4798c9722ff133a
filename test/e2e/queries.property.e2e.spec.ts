// Property: random, exotic query strings and path parameters at every query endpoint never give
// a 5xx; the forms API.md refuses are 400 problems naming the parameter.
import fc from 'fast-check';
import request from 'supertest';
import { startTestSystem, type TestSystem } from '../support/test-system';

let system: TestSystem;
let admin: string;
beforeAll(async () => {
  system = await startTestSystem({ projector: false, env: { MIN_POSITION_WAIT_MS: '20' } });
  admin = system.token('admin', '*');
});
afterAll(() => system.close());

const get = (path: string) => request(system.http).get(path).set('authorization', `Bearer ${admin}`);

/** Path templates of every query endpoint; `{…}` is filled with a random or exotic value. */
const ENDPOINTS = [
  '/v1/municipalities/{m}/persons/{id}/timeline',
  '/v1/municipalities/{m}/offers/{id}',
  '/v1/municipalities/{m}/ledger/entries',
  '/v1/municipalities/{m}/ledger/entries/{id}/explanation',
  '/v1/municipalities/{m}/ledger/summary',
  '/v1/municipalities/{m}/ledger/changes',
  '/v1/municipalities/{m}/refund-statements/{year}',
];

const EXOTIC = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\uffff',
  '%',
  '..',
  '../..',
  'null',
  'NaN',
  '-1',
  '1e309',
  '0x10',
  '99999999999999999999',
  '9223372036854775808',
  '9223372036854775807',
  '9223372036854775807.2147483648',
  '1.99999999999',
  '2025',
  '2025-W01-1',
  '2025-02-30',
  '2025-13-01',
  '1999-12-31',
  '2100-01-01',
  '2025-06-30T00:00:00,5Z',
  '2025-06-30T24:00:00Z',
  '2025-06-30T23:59:59Z',
  '2025-06-30T23:59:59.123456789+02:00',
  '2025-06',
  '101',
  '751',
  '1000',
  'x'.repeat(300),
  '\u202e',
  '🙂',
];
const exotic = fc.oneof(
  fc.constantFrom(...EXOTIC),
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.bigInt().map(String),
);
const PARAMS = [
  'asOf',
  'minPosition',
  'limit',
  'cursor',
  'personId',
  'offerId',
  'account',
  'bookingPeriod',
  'activityFrom',
  'activityTo',
  'groupBy',
  'from',
  'to',
  'quarter',
  'format',
  'history',
  'kind',
];
const query = fc.dictionary(fc.constantFrom(...PARAMS), exotic, { maxKeys: 4 });

/** Percent-encodings that are not UTF-8 (a lone surrogate, an overlong NUL, a stray byte) or not encodings at all. */
const RAW_PATH_VALUES = ['%FF', '%ED%A0%80', '%C0%80', '%', '%zz', '%2e%2e'];
const pathValue = (usual: string) =>
  fc.oneof(
    fc.constant(usual),
    exotic.map(encodeURIComponentOrSurrogate),
    fc.constantFrom(...RAW_PATH_VALUES),
  );

function encodeURIComponentOrSurrogate(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%A0%80'; // a lone surrogate cannot be encoded as UTF-8: send the bytes a client would
  }
}

function fill(template: string, values: { m: string; id: string; year: string }): string {
  return template.replace('{m}', values.m).replace('{id}', values.id).replace('{year}', values.year);
}

it.each(ENDPOINTS)('%s: random query strings and path values never give a 5xx', async (template) => {
  await fc.assert(
    fc.asyncProperty(
      fc.record({ m: pathValue('101'), id: pathValue('p-1'), year: pathValue('2025') }),
      query,
      async (path, q) => {
        const search = new URLSearchParams(q).toString();
        const res = await get(`${fill(template, path)}${search ? `?${search}` : ''}`).set(
          'accept',
          'application/json',
        );
        // The one 503 a query may give: ?minPosition= beyond what the (stopped) projector reached.
        if (res.status === 503) expect(res.body.type).toBe('/problems/not-yet-projected');
        else expect(res.status).toBeLessThan(500);
        if (res.status >= 400) expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      },
    ),
    { numRuns: 40 },
  );
});

describe('forms API.md refuses are a 400 naming the parameter', () => {
  it.each([
    ['ledger/entries?cursor=99999999999999999999.1', 'cursor'],
    ['ledger/entries?cursor=1.99999999999', 'cursor'],
    ['ledger/entries?minPosition=9223372036854775808', 'minPosition'],
    ['ledger/entries?asOf=2025-W01-1', 'asOf'],
    ['ledger/entries?asOf=2025', 'asOf'],
    ['ledger/entries?asOf=2025-06-30T00:00:00,5Z', 'asOf'],
    ['ledger/entries?asOf=2025-02-30T00:00:00Z', 'asOf'],
    ['ledger/entries?activityFrom=2025-02-30', 'activityFrom'],
    ['ledger/entries?activityTo=1999-12-31', 'activityTo'],
    ['ledger/summary?activityFrom=2025-02-30', 'activityFrom'],
    ['ledger/changes?from=2025-W01-1', 'from'],
    ['ledger/changes?to=2025', 'to'],
    ['refund-statements/2025?asOf=2025-06-30T00:00:00,5Z', 'asOf'],
    ['persons/p-1/timeline?asOf=2025-W01-1', 'asOf'],
    ['ledger/entries/a%00b/explanation', 'entryId'],
    ['persons/p%00/timeline', 'personId'],
    ['offers/o%00/', 'offerId'],
  ])('%s', async (path, parameter) => {
    const res = await get(`/v1/municipalities/101/${path}`).expect(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(parameter);
  });

  it('accepts the instant forms API.md allows: Z, fractions, an offset', async () => {
    for (const asOf of [
      '2025-06-30T23:59:59Z',
      '2025-06-30T23:59:59.5Z',
      '2025-06-30T23:59:59.123456+02:00',
    ]) {
      await get(`/v1/municipalities/101/ledger/entries?asOf=${encodeURIComponent(asOf)}`).expect(200);
    }
  });

  it('checks the municipality of an admin path before it reaches a file name', async () => {
    const res = await get('/v1/municipalities/1%22%3Bx%3D/refund-statements/2025?format=csv').expect(400);
    expect(res.headers['content-disposition']).toBeUndefined();
    expect(res.body.errors).toEqual([{ path: 'm', message: 'must be a three-digit kommunekode' }]);
  });
});
