// Replay to any date plus verify, on a real PostgreSQL: the log of a small finance year (mixed
// target groups, a late correction, capped costs, a cap parameter change, a closing) is
// replayed up to several instants and a position; verify says identical each time, and reports
// the difference once a live read model is tampered with.
import type { PostgresEventStore } from '@app/event-store';
import type { TestDatabase } from '@app/platform/testing';
import { checkOfferValidity, rulebooks } from '@app/rules';
import type { DataSource } from 'typeorm';
import { allProjections } from '../projections/all-projections';
import { openReadModels } from '../read-model-data-source';
import { ProjectionRunner } from '../runner/projection-runner';
import { DomainLog } from '../testing/domain-log';
import { closeLogAndReadModels, openLogAndReadModels } from '../testing/log-and-read-models';
import { parseUntil, replayInto, verifyReplay } from './replay';

let db: TestDatabase;
let store: PostgresEventStore;
let live: DataSource;
const positions: bigint[] = [];

beforeAll(async () => {
  ({ db, store, live } = await openLogAndReadModels());
  const log = new DomainLog(store, checkOfferValidity);
  const run = async (at: string, type: string, body: Record<string, unknown>) => {
    const { position } = await log.run(type, body, at);
    if (position !== null) positions.push(position);
  };
  await run('2025-02-01T09:00:00Z', 'ChangeTargetGroup', {
    personId: 'P1',
    targetGroup: 'jobafklaring',
    effectiveFrom: '2025-01-01',
  });
  await run('2025-02-01T09:01:00Z', 'ChangeTargetGroup', {
    personId: 'P2',
    targetGroup: 'sygedagpenge',
    effectiveFrom: '2025-01-01',
    attributes: { sickPayCategory: 2 },
  });
  await run('2025-02-01T09:02:00Z', 'ChangeTargetGroup', {
    personId: 'P3',
    targetGroup: 'integration_programme',
    effectiveFrom: '2025-01-01',
  });
  for (const [p, amount] of [
    ['P1', '10000.00'],
    ['P2', '9000.00'],
    ['P3', '100000.00'],
  ]) {
    await run('2025-03-01T09:00:00Z', 'RegisterOffer', {
      offerId: `O-${p}`,
      personId: p,
      offerKind: 'ordinary_education',
      startDate: '2025-01-01',
      endDate: '2025-12-31',
    });
    await run('2025-04-10T09:00:00Z', 'RecordOfferExpense', {
      expenseId: `E-${p}`,
      offerId: `O-${p}`,
      expenseType: 'course_fee',
      amount,
      activityFrom: '2025-03-01',
      activityTo: '2025-03-30',
    });
  }
  await run('2025-05-05T09:00:00Z', 'SetCapParameters', {
    year: 2025,
    cap: 'integration_raadighedsloft',
    amountPerFullYearPerson: '43363.00',
    fullYearPersons: '2',
  });
  await run('2025-06-12T09:00:00Z', 'ChangeTargetGroup', {
    personId: 'P2',
    targetGroup: 'jobafklaring',
    effectiveFrom: '2025-03-16',
  });
  await run('2025-07-01T09:00:00Z', 'SetCapParameters', {
    year: 2025,
    cap: 'integration_raadighedsloft',
    amountPerFullYearPerson: '43363.00',
    fullYearPersons: '2.1',
  });
  await run('2026-01-20T09:00:00Z', 'CloseAccountingYear', { year: 2025 });
  await run('2026-02-03T09:00:00Z', 'ReverseOfferExpense', { expenseId: 'E-P1', reason: 'booked in error' });
  await new ProjectionRunner(store, live, allProjections(rulebooks)).catchUp();
});
afterAll(() => closeLogAndReadModels({ db, store, live }));

async function replayAndVerify(until: string, schema = 'replay') {
  const result = await replayInto(store, db.url, parseUntil(until), rulebooks, schema);
  const replayed = await openReadModels(db.url, schema, 2);
  try {
    return { result, verdict: await verifyReplay(live, replayed) };
  } finally {
    await replayed.destroy();
  }
}

it.each([
  '2025-04-10T09:00:00Z',
  '2025-05-31T00:00:00Z',
  '2025-06-12T09:00:00Z',
  '2025-12-31T23:59:59Z',
  '2026-12-31T00:00:00Z',
])('replay until %s verifies identical', async (until) => {
  const { verdict } = await replayAndVerify(until);
  expect(verdict.differences).toEqual([]);
  expect(verdict.compared).toBeGreaterThan(0);
});

it('replay until a log position stands for the recorded time of that event', async () => {
  const position = positions[positions.length - 4]; // the late correction of 2025-06-12
  const { result, verdict } = await replayAndVerify(position.toString(), 'replay_position');
  expect(result.asOf).toBe('2025-06-12T09:00:00.000Z');
  expect(verdict.differences).toEqual([]);
});

it('the replayed statement has the figures of its instant', async () => {
  await replayInto(store, db.url, parseUntil('2025-06-01T00:00:00Z'), rulebooks, 'replay_june');
  const replayed = await openReadModels(db.url, 'replay_june', 2);
  try {
    const rows: { refund: string }[] = await replayed.query(
      `SELECT sum(refund_oere)::text AS refund FROM ledger_entry`,
    );
    // 5,000.00 (P1) + 0 (P2) + 50,000.00 − 6,637.00 (P3 capped at 50 % of 86,726.00)
    expect(rows[0].refund).toBe(String(500000 + 5000000 - 663700));
  } finally {
    await replayed.destroy();
  }
});

/** Changes the refund of P1's original posting, and its day's total with it (as a projection that got it wrong would). */
const tamper = (oere: number) =>
  live.query(
    `WITH p AS (
       UPDATE ledger_entry SET refund_oere = refund_oere + $1 WHERE cost_item_id = 'expense:E-P1' AND kind = 'original'
       RETURNING municipality, activity_to, activity_from, (recorded_at AT TIME ZONE 'UTC')::date AS recorded_on,
                 account, target_group, booking_period, kind, unresolved
     )
     UPDATE ledger_total t SET refund_oere = t.refund_oere + $1 FROM p
     WHERE (t.municipality, t.activity_to, t.activity_from, t.recorded_on, t.account, t.target_group, t.booking_period, t.kind)
       = (p.municipality, p.activity_to, p.activity_from, p.recorded_on, p.account, p.target_group, p.booking_period, p.kind)
       AND t.unresolved IS NOT DISTINCT FROM p.unresolved`,
    [oere],
  );

it('verify reports the difference when a live read model is tampered with', async () => {
  await tamper(100);
  try {
    const { verdict } = await replayAndVerify('2025-12-31T23:59:59Z');
    // refund before caps 5,000.00 (P1) + 2,250.00 (P2 after the correction) + 50,000.00 (P3); after the cap 52,781.15
    expect(verdict.differences).toEqual([
      '101/2025 statement.totals.refundBeforeCaps: live "57251.00", replay "57250.00"',
      '101/2025 statement.totals.refund: live "52782.15", replay "52781.15"',
      '101/2025 statement.accounts.1.refund: live "7251.00", replay "7250.00"',
      '101/2025 statement.accounts.1.quarters.1.refund: live "7251.00", replay "7250.00"',
      '101/2025 statement.targetGroups.1.refund: live "7251.00", replay "7250.00"',
      '101/2025 statement.targetGroups.1.quarters.1.refund: live "7251.00", replay "7250.00"',
      '101 summary.3.refundOere: live "500100", replay "500000"',
    ]);
  } finally {
    await tamper(-100);
  }
});

it('verify on a schema that holds no replay yet says so in one sentence, not in SQL', async () => {
  const empty = await openReadModels(db.url, 'replay_never', 1);
  try {
    await expect(verifyReplay(live, empty)).rejects.toThrow(
      new Error(
        'schema replay_never holds no replay yet: run replay --until <instant> first, or verify --until <instant>',
      ),
    );
  } finally {
    await empty.destroy();
  }
});
