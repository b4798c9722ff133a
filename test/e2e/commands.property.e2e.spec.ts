// Property: random, malformed and exotic bodies (deep, large, NUL, lone surrogates, amounts and
// dates out of range) at every command endpoint and in batches never produce a 5xx, and a
// rejected command leaves the log exactly as it was.
import { randomUUID } from 'node:crypto';
import { COMMAND_TYPES } from '@app/domain';
import fc from 'fast-check';
import request from 'supertest';
import { startTestSystem, type TestSystem } from '../support/test-system';

let system: TestSystem;
let token: string;
beforeAll(async () => {
  system = await startTestSystem({ projector: false });
  token = system.token('jobcentre', '101');
  // Something for commands to refer to, so that bodies can also reach the deciders.
  for (const [type, body] of [
    ['ChangeTargetGroup', { personId: 'p-1', targetGroup: 'dagpenge', effectiveFrom: '2025-01-01' }],
    [
      'RegisterOffer',
      {
        offerId: 'o-1',
        personId: 'p-1',
        offerKind: 'ordinary_education',
        startDate: '2025-01-01',
        endDate: '2025-12-31',
      },
    ],
    [
      'RegisterMentorAgreement',
      {
        agreementId: 'a-1',
        personId: 'p-1',
        mentorType: 'social',
        mentorKind: 'employee',
        startDate: '2025-01-01',
        endDate: '2025-06-30',
      },
    ],
  ] as const) {
    await request(system.http)
      .post(`/v1/commands/${type}`)
      .set('authorization', `Bearer ${token}`)
      .send({ commandId: randomUUID(), municipality: '101', ...body })
      .expect(201);
  }
});
afterAll(() => system.close());

// 10,000 levels of nesting as JSON text: JSON.stringify itself would overflow the stack on them.
const DEEP = {
  '"<deep object>"': `${'{"deep":'.repeat(10_000)}"bottom"${'}'.repeat(10_000)}`,
  '"<deep array>"': `${'['.repeat(10_000)}"bottom"${']'.repeat(10_000)}`,
};
/** The JSON text of a body, with the deep values put in. */
const json = (value: unknown): string =>
  Object.entries(DEEP).reduce(
    (text, [marker, deep]) => text.split(marker).join(deep),
    JSON.stringify(value) ?? 'null',
  );

/** Values that broke parsers, stores or arithmetic: deep, large, exotic, out of range. */
const exoticValue = fc.oneof(
  fc.constantFrom(
    '<deep object>',
    '<deep array>',
    'x'.repeat(100_000),
    'a\u0000b',
    '\ud800',
    'x\udc00y',
    '99999999999999.99',
    '90071992547409.91',
    '1000000000.01',
    '-1000000000.01',
    '9999999.99',
    '0001-01-01',
    '9999-12-31',
    '2100-01-01',
    1e308,
    -1e308,
    2 ** 53,
    -0,
    30,
    '30',
    '3F2C8A4E-5B1D-4C7A-9E0F-6A2B1C3D4E5F',
  ),
  fc.string({ unit: 'binary', maxLength: 50 }),
  fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map((n) => n.toString()),
);

/** Plausible field values, valid and not, so that bodies get past parsing often enough. */
const fieldValue = fc.oneof(
  exoticValue,
  fc.constantFrom(
    '101',
    '751',
    'p-1',
    'o-1',
    'a-1',
    'e-1',
    '2025-03-01',
    '2025-02-30',
    '2025-13-01',
    '100.00',
    '-5.5',
    '1.005',
    'NaN',
    '',
    ' ',
    'dagpenge',
    'jobafklaring',
    'course_fee',
    'mentor',
    'social',
    'employee',
    'ordinary_education',
  ),
  fc.uuid(),
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string(), { maxKeys: 3 }),
);
const fieldName = fc.constantFrom(
  'commandId',
  'municipality',
  'personId',
  'targetGroup',
  'effectiveFrom',
  'attributes',
  'reason',
  'changeCommandId',
  'offerId',
  'offerKind',
  'startDate',
  'endDate',
  'offerCategory',
  'fundingFrame',
  'provider',
  'expenseId',
  'expenseType',
  'amount',
  'activityFrom',
  'activityTo',
  'invoiceRef',
  'agreementId',
  'mentorType',
  'mentorKind',
  'date',
  'contactHours',
  'hourlyCost',
  'fee',
  'preparationHours',
  'unknownField',
);
const body = fc.oneof(
  fc.dictionary(fieldName, fieldValue, { maxKeys: 12 }).map((b) => ({ municipality: '101', ...b })),
  fc.dictionary(fieldName, fieldValue, { maxKeys: 12 }),
  fc.anything(),
);

it.each(COMMAND_TYPES)(
  '%s: random bodies never give a 5xx, and a rejected one changes nothing',
  async (type) => {
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        const before = await system.store.headPosition();
        const res = await request(system.http)
          .post(`/v1/commands/${type}`)
          .set('authorization', `Bearer ${token}`)
          .set('content-type', 'application/json')
          .send(json(b));
        expect(res.status).toBeLessThan(500);
        if (res.status >= 400) {
          expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
          expect(await system.store.headPosition()).toBe(before);
        }
      }),
      { numRuns: 60 },
    );
  },
);

const batchItem = fc.oneof(
  fc
    .record({
      type: fc.constantFrom(...COMMAND_TYPES),
      rest: fc.dictionary(fieldName, fieldValue, { maxKeys: 10 }),
    })
    .map(({ type, rest }) => ({ type, municipality: '101', ...rest })),
  fc.record({ type: fc.oneof(fc.anything(), exoticValue) }),
  fc.anything(),
);

it('batches of random, malformed and exotic items never give a 5xx, and a rejected batch changes nothing', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.oneof(fc.record({ commands: fc.array(batchItem, { maxLength: 4 }) }), fc.anything()),
      async (b) => {
        const before = await system.store.headPosition();
        const res = await request(system.http)
          .post('/v1/commands')
          .set('authorization', `Bearer ${token}`)
          .set('content-type', 'application/json')
          .send(json(b));
        expect(res.status).toBeLessThan(500);
        if (res.status >= 400) expect(await system.store.headPosition()).toBe(before);
        for (const item of res.status === 200 ? (res.body.results as { status: number }[]) : [])
          expect(item.status).toBeLessThan(500);
      },
    ),
    { numRuns: 60 },
  );
});

describe('the input policy over HTTP', () => {
  const send = (path: string, b: unknown) =>
    request(system.http)
      .post(path)
      .set('authorization', `Bearer ${token}`)
      .set('content-type', 'application/json')
      .send(json(b));
  const cancel = { commandId: randomUUID(), municipality: '101', offerId: 'o-1', reason: 'r' };

  it('refuses an unknown field nested 10,000 levels deep with a 400 naming it', async () => {
    const res = await send('/v1/commands/CancelOffer', { ...cancel, extra: '<deep object>' }).expect(400);
    expect(res.body.errors).toEqual([{ path: 'extra', message: 'is not a known field' }]);
  });

  it('names a misspelt field with the field it is close to', async () => {
    const res = await send('/v1/commands/CancelOffer', { ...cancel, reasn: 'r' }).expect(400);
    expect(res.body.errors).toEqual([
      { path: 'reasn', message: 'is not a known field; did you mean reason?' },
    ]);
  });

  it('refuses an amount that would not stay exact, and a body that is not an object', async () => {
    const expense = {
      commandId: randomUUID(),
      municipality: '101',
      expenseId: 'e-big',
      offerId: 'o-1',
      expenseType: 'course_fee',
      activityFrom: '2025-03-01',
      activityTo: '2025-03-31',
    };
    const res = await send('/v1/commands/RecordOfferExpense', {
      ...expense,
      amount: '99999999999999.99',
    }).expect(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['amount']);
    await send('/v1/commands/CancelOffer', ['not', 'an', 'object']).expect(400);
  });

  it('refuses a batch item whose type is not a string with a 400', async () => {
    const res = await send('/v1/commands', { commands: [{ ...cancel, type: { nested: 'CancelOffer' } }] });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('commands[0].type');
  });
});
