// Property: random and malformed bodies at every command endpoint never produce a 5xx, and a
// rejected command leaves the log exactly as it was.
import { randomUUID } from 'node:crypto';
import { COMMAND_TYPES } from '@app/domain';
import fc from 'fast-check';
import request from 'supertest';
import { startTestSystem, type TestSystem } from '../support/test-system';

let system: TestSystem;
let token: string;
beforeAll(async () => {
  process.env.LOG_REQUESTS = '0';
  system = await startTestSystem({ projector: false });
  token = system.token('jobcentre', '101');
  // Something for commands to refer to, so that bodies can also reach the deciders.
  for (const [type, body] of [
    ['ChangeTargetGroup', { personId: 'p-1', targetGroup: 'dagpenge', effectiveFrom: '2025-01-01' }],
    ['RegisterOffer', { offerId: 'o-1', personId: 'p-1', offerKind: 'ordinary_education', startDate: '2025-01-01', endDate: '2025-12-31' }],
    ['RegisterMentorAgreement', { agreementId: 'a-1', personId: 'p-1', mentorType: 'social', mentorKind: 'employee', startDate: '2025-01-01', endDate: '2025-06-30' }],
  ] as const) {
    await request(system.http).post(`/v1/commands/${type}`).set('authorization', `Bearer ${token}`).send({ commandId: randomUUID(), municipality: '101', ...body }).expect(201);
  }
});
afterAll(async () => {
  await system.close();
});

/** Plausible field values, valid and not, so that bodies get past parsing often enough. */
const fieldValue = fc.oneof(
  fc.constantFrom('101', '751', 'p-1', 'o-1', 'a-1', 'e-1', '2025-03-01', '2025-02-30', '2025-13-01', '100.00', '-5.5', '1.005', 'NaN', '', ' ', 'dagpenge', 'jobafklaring', 'course_fee', 'mentor', 'social', 'employee', 'ordinary_education'),
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
  'commandId', 'municipality', 'personId', 'targetGroup', 'effectiveFrom', 'attributes', 'reason', 'changeCommandId', 'offerId', 'offerKind',
  'startDate', 'endDate', 'offerCategory', 'fundingFrame', 'provider', 'expenseId', 'expenseType', 'amount', 'activityFrom', 'activityTo',
  'invoiceRef', 'agreementId', 'mentorType', 'mentorKind', 'date', 'contactHours', 'hourlyCost', 'fee', 'preparationHours', 'unknownField',
);
const body = fc.oneof(
  fc.dictionary(fieldName, fieldValue, { maxKeys: 12 }).map((b) => ({ municipality: '101', ...b })),
  fc.dictionary(fieldName, fieldValue, { maxKeys: 12 }),
  fc.anything(),
);

it.each(COMMAND_TYPES)('%s: random bodies never give a 5xx, and a rejected one changes nothing', async (type) => {
  await fc.assert(
    fc.asyncProperty(body, async (b) => {
      const before = await system.store.headPosition();
      const res = await request(system.http).post(`/v1/commands/${type}`).set('authorization', `Bearer ${token}`)
        .set('content-type', 'application/json')
        .send(JSON.stringify(b) ?? 'null');
      expect(res.status).toBeLessThan(500);
      if (res.status >= 400) {
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(await system.store.headPosition()).toBe(before);
      }
    }),
    { numRuns: 60 },
  );
});
