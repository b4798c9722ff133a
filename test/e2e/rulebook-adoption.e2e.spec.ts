// A rulebook correction reaching a ledger built under the version before it, over HTTP on the whole system: the
// ledger of 2025 was built while no RulebookAdopted was in the log (the genesis version 2026.12-2); deploying this
// code adopts the current version, whose reading of Bilag 1 since 2026.12-3 (000 L1550-L1554 grouping 004 for
// ydelsesmodtagere, L1563-L1566 008 for selvforsørgende) withholds the integration-programme mentor refund until
// the change says which. The 2025 mentor posting (3 contact hours × 400,00 kr = 1.200,00 kr; 50 % = 600,00 kr, 000 L1523-L1526) is reversed and
// rebooked in the adoption's booking period, caused by the adoption; its explanation says why, and an audit replay
// of the municipality finds the live figures identical.
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { danishBookingPeriodOf } from '@app/domain';
import { adoptRulebook } from '@app/read-models';
import { rulebooks } from '@app/rules';
import { startTestSystem, type TestSystem } from '../support/test-system';

let system: TestSystem;
let now: Date | null = new Date('2025-06-12T09:00:00Z');
beforeAll(async () => (system = await startTestSystem({ clock: () => now ?? new Date() })));
afterAll(() => system.close());

const M = '101';
const as = (role: 'jobcentre' | 'finance' | 'auditor') => `Bearer ${system.token(role, M)}`;
async function send(type: string, body: object): Promise<string> {
  const res = await request(system.http)
    .post(`/v1/commands/${type}`)
    .set('authorization', as('jobcentre'))
    .send({ commandId: randomUUID(), municipality: M, ...body });
  if (res.status !== 201) throw new Error(`${type}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.position;
}
async function entries(minPosition: string) {
  const res = await request(system.http)
    .get(`/v1/municipalities/${M}/ledger/entries`)
    .query({ personId: 'p-1', minPosition })
    .set('authorization', as('finance'))
    .expect(200);
  return res.body.entries as {
    entryId: string;
    kind: string;
    amount: string;
    refundAmount: string | null;
    bookingPeriod: string;
    ruleId: string | null;
    rulebookVersion: string;
  }[];
}

it('a 2025 mentor posting made under 2026.12-2 is reversed and rebooked when the current version is adopted, and the auditor sees why', async () => {
  await send('ChangeTargetGroup', {
    personId: 'p-1',
    targetGroup: 'integration_programme',
    effectiveFrom: '2025-01-01',
  });
  await send('RegisterMentorAgreement', {
    agreementId: 'a-1',
    personId: 'p-1',
    mentorType: 'social',
    mentorKind: 'external_consultant',
    startDate: '2025-06-01',
    endDate: '2025-12-31',
  });
  const built = await send('RecordMentorHours', {
    agreementId: 'a-1',
    date: '2025-06-10',
    contactHours: 3,
    hourlyCost: '400.00',
  });
  const brief = (e: Awaited<ReturnType<typeof entries>>[number]) => [
    e.kind,
    e.amount,
    e.refundAmount,
    e.bookingPeriod,
    e.ruleId,
    e.rulebookVersion,
  ];
  expect((await entries(built)).map(brief)).toEqual([
    ['original', '1200.00', '600.00', '2025-06', 'INT-PROG-MENTOR', '2026.12-2'],
  ]);

  now = null; // deployed today
  const { appended, position } = await adoptRulebook(system.store, rulebooks);
  expect(appended).toBe(true);
  const today = danishBookingPeriodOf(new Date().toISOString());
  const after = await entries(position!.toString());
  expect(after.map(brief)).toEqual([
    ['original', '1200.00', '600.00', '2025-06', 'INT-PROG-MENTOR', '2026.12-2'],
    ['reversal', '-1200.00', '-600.00', today, 'INT-PROG-MENTOR', rulebooks.current],
    ['rebooking', '1200.00', null, today, null, rulebooks.current],
  ]);

  const explanation = (
    await request(system.http)
      .get(`/v1/municipalities/${M}/ledger/entries/${after[2].entryId}/explanation`)
      .set('authorization', as('auditor'))
      .expect(200)
  ).body;
  expect(explanation.rulebookAdoption).toMatchObject({
    version: rulebooks.current,
    previous: '2026.12-2',
    position: position!.toString(),
  });
  expect(explanation.events.map((e: { type: string }) => e.type)).toContain('RulebookAdopted');
  expect(explanation.unresolved.reason).toMatch(/attributes\.selfSupporting/);

  const job = await request(system.http)
    .post(`/v1/municipalities/${M}/audit/replays`)
    .set('authorization', as('auditor'))
    .send({ until: position!.toString() })
    .expect(202);
  for (let i = 0; i < 300; i++) {
    const res = await request(system.http)
      .get(`/v1/municipalities/${M}/audit/replays/${job.body.jobId}`)
      .set('authorization', as('auditor'))
      .expect(200);
    if (res.body.status === 'done' || res.body.status === 'failed') {
      expect(res.body).toMatchObject({ status: 'done', result: { identical: true, differences: [] } });
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the audit replay did not finish');
});
