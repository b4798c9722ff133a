// A realistic mix of commands over HTTP (batch endpoint): persons changing target groups (some
// retroactively, some retracted), offers with expenses (some reversed, some offers cancelled)
// and mentor hours. Deterministic for a given seed.
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { TestSystem } from './test-system';

const GROUPS = ['dagpenge', 'jobafklaring', 'sygedagpenge', 'kontanthjaelp', 'ressourceforloeb'] as const;

function rng(seed: number) {
  let x = seed;
  return (n: number) => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x % n;
  };
}

/** Where the commands go: a test system, or the URL of a running one with a way to mint its tokens. */
export type WorkloadTarget = { http: Parameters<typeof request>[0]; token: TestSystem['token'] };

export async function runWorkload(system: WorkloadTarget, persons: number, seed = 1): Promise<string> {
  const pick = rng(seed);
  const token = system.token('jobcentre', '101');
  const commands: Record<string, unknown>[] = [];
  const cmd = (type: string, body: object) => {
    const commandId = randomUUID();
    commands.push({ type, commandId, municipality: '101', ...body });
    return commandId;
  };
  for (let p = 0; p < persons; p++) {
    const personId = `w${seed}-p${p}`;
    const year = 2018 + pick(8);
    cmd('ChangeTargetGroup', {
      personId,
      targetGroup: GROUPS[pick(GROUPS.length)],
      effectiveFrom: `${year}-01-01`,
      attributes: { sickPayCategory: 2, readiness: 'aktivitetsparat' },
    });
    const offerId = `${personId}-o`;
    cmd('RegisterOffer', {
      offerId,
      personId,
      offerKind: 'ordinary_education',
      startDate: `${year}-02-01`,
      endDate: `${year}-11-30`,
    });
    for (let e = 0; e < 3; e++) {
      const expenseId = `${offerId}-e${e}`;
      cmd('RecordOfferExpense', {
        expenseId,
        offerId,
        expenseType: 'course_fee',
        amount: `${100 + pick(90000)}.${String(pick(100)).padStart(2, '0')}`,
        activityFrom: `${year}-0${3 + e}-01`,
        activityTo: `${year}-0${4 + e}-15`,
      });
      if (pick(10) === 0) cmd('ReverseOfferExpense', { expenseId, reason: 'booked in error' });
    }
    const late = cmd('ChangeTargetGroup', {
      personId,
      targetGroup: GROUPS[pick(GROUPS.length)],
      effectiveFrom: `${year}-04-0${1 + pick(9)}`,
    });
    if (pick(4) === 0)
      cmd('RetractTargetGroupChange', { personId, changeCommandId: late, reason: 'registered in error' });
    if (pick(8) === 0) cmd('CancelOffer', { offerId, reason: 'did not take place' });
    const agreementId = `${personId}-a`;
    cmd('RegisterMentorAgreement', {
      agreementId,
      personId,
      mentorType: 'company',
      mentorKind: 'employee',
      startDate: `${year}-02-01`,
      endDate: `${year}-12-31`,
    });
    cmd('RecordMentorHours', {
      agreementId,
      date: `${year}-0${2 + pick(7)}-1${pick(9)}`,
      contactHours: `${1 + pick(5)}.5`,
      hourlyCost: '312.50',
    });
  }
  let position = '0';
  for (let i = 0; i < commands.length; i += 500) {
    const res = await request(system.http)
      .post('/v1/commands')
      .set('authorization', `Bearer ${token}`)
      .send({ commands: commands.slice(i, i + 500) })
      .expect(200);
    for (const r of res.body.results) {
      if (r.status !== 201) throw new Error(`workload command refused: ${JSON.stringify(r)}`);
      position = r.position ?? position;
    }
  }
  return position;
}
