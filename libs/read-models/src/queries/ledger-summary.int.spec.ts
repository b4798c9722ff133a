// The ledger summary on a real PostgreSQL, against the postings themselves: a log of two
// municipalities over several days (several instants within a day, postings without a target
// group, a reversal, a retroactive change that rebooks) projected live a few events per batch.
// Every filter and grouping the API allows, at every instant recorded, just before it, at the
// bounds of its day and long after, must answer what the postings add up to, line by line and
// in the order of the summary over the postings alone; and a rebuild keeps the same totals.
import type { PostgresEventStore } from '@app/event-store';
import type { TestDatabase } from '@app/platform/testing';
import { checkOfferValidity, rulebooks } from '@app/rules';
import type { DataSource } from 'typeorm';
import { allProjections } from '../projections/all-projections';
import { compareSchemas } from '../rebuild/compare-schemas';
import { projectIntoSchema } from '../rebuild/rebuild';
import { ProjectionRunner } from '../runner/projection-runner';
import { DomainLog } from '../testing/domain-log';
import { closeLogAndReadModels, openLogAndReadModels } from '../testing/log-and-read-models';
import { ledgerWhere, type LedgerFilter } from './ledger-filter';
import { LedgerQueries, type SummaryKey } from './ledger.queries';

let db: TestDatabase;
let store: PostgresEventStore;
let live: DataSource;

interface Row {
  municipality: string;
  person_id: string;
  kind: string;
  account: string | null;
  target_group: string | null;
  activity_from: string;
  activity_to: string;
  booking_period: string;
  amount_oere: string;
  refund_oere: string | null;
  unresolved: { outcome: string } | null;
  recorded_at: string;
}
let postings: Row[];

beforeAll(async () => {
  ({ db, store, live } = await openLogAndReadModels());
  const runner = new ProjectionRunner(store, live, allProjections(rulebooks), { batchSize: 3 });
  for (const municipality of ['101', '751']) {
    const log = new DomainLog(store, checkOfferValidity, municipality);
    const offer = async (person: string, at: string, expenses: [string, string, string][]) => {
      await log.run(
        'RegisterOffer',
        {
          offerId: `O-${person}`,
          personId: person,
          offerKind: 'ordinary_education',
          startDate: '2024-01-01',
          endDate: '2025-12-31',
        },
        at,
      );
      for (const [i, [amount, activityFrom, activityTo]] of expenses.entries())
        await log.run(
          'RecordOfferExpense',
          {
            expenseId: `E-${person}-${i}`,
            offerId: `O-${person}`,
            expenseType: 'course_fee',
            amount,
            activityFrom,
            activityTo,
          },
          at.replace(/:00Z$/, `:0${i}Z`),
        );
    };
    await log.run(
      'ChangeTargetGroup',
      { personId: 'P1', targetGroup: 'jobafklaring', effectiveFrom: '2024-01-01' },
      '2025-02-01T08:00:00Z',
    );
    await log.run(
      'ChangeTargetGroup',
      {
        personId: 'P2',
        targetGroup: 'sygedagpenge',
        effectiveFrom: '2024-01-01',
        attributes: { sickPayCategory: 2 },
      },
      '2025-02-01T08:01:00Z',
    );
    await offer('P1', '2025-02-01T10:00:00Z', [
      ['10000.00', '2024-11-01', '2025-01-31'],
      ['2500.00', '2025-03-01', '2025-03-31'],
    ]);
    await runner.catchUp();
    // P3 has no target group: its postings are unresolved
    await offer('P3', '2025-02-01T23:59:00Z', [['4000.00', '2024-12-01', '2024-12-31']]);
    await offer('P2', '2025-02-02T00:00:00Z', [
      ['9000.00', '2025-02-01', '2025-04-30'],
      ['1200.00', '2024-06-01', '2024-06-30'],
    ]);
    await runner.catchUp();
    await log.run(
      'ReverseOfferExpense',
      { expenseId: 'E-P1-1', reason: 'booked in error' },
      '2025-02-02T09:00:00Z',
    );
    await log.run(
      'ChangeTargetGroup',
      { personId: 'P2', targetGroup: 'jobafklaring', effectiveFrom: '2025-03-16' },
      '2025-02-02T09:00:00Z',
    );
    await log.run(
      'ChangeTargetGroup',
      { personId: 'P3', targetGroup: 'jobafklaring', effectiveFrom: '2024-12-15' },
      '2025-03-10T12:00:00Z',
    );
  }
  await runner.catchUp();
  postings = await live.query(
    `SELECT municipality, person_id, kind, concat_ws('.', account->>'function', account->>'dranst', account->>'grouping') AS account,
            target_group, to_char(activity_from, 'YYYY-MM-DD') AS activity_from, to_char(activity_to, 'YYYY-MM-DD') AS activity_to,
            booking_period, amount_oere, refund_oere, unresolved, to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS recorded_at
     FROM ledger_entry`,
  );
}, 60_000);
afterAll(() => closeLogAndReadModels({ db, store, live }));

/** What a summary must answer, added up from the postings one by one (lines sorted). */
function expected(filter: LedgerFilter, groupBy: SummaryKey[]): string[] {
  const asOf = new Date(filter.asOf).toISOString();
  const lines = new Map<string, { entries: number; amount: bigint; refund: bigint }>();
  for (const p of postings) {
    const account = p.account ?? '';
    if (
      p.municipality !== filter.municipality ||
      p.recorded_at > asOf ||
      (filter.personId && p.person_id !== filter.personId) ||
      (filter.targetGroup &&
        p.target_group !== (filter.targetGroup === 'unknown' ? null : filter.targetGroup)) ||
      (filter.kind && p.kind !== filter.kind) ||
      (filter.account && !`${account}.`.startsWith(`${filter.account}.`)) ||
      (filter.bookingPeriod && p.booking_period !== filter.bookingPeriod) ||
      (filter.bookingPeriodFrom && p.booking_period < filter.bookingPeriodFrom) ||
      (filter.bookingPeriodTo && p.booking_period > filter.bookingPeriodTo) ||
      (filter.activityFrom && p.activity_to < filter.activityFrom) ||
      (filter.activityTo && p.activity_from > filter.activityTo)
    )
      continue;
    const keys = {
      account: p.account === null ? '' : account,
      targetGroup: p.target_group,
      bookingPeriod: p.booking_period,
      activityYear: p.activity_from.slice(0, 4),
    };
    const key = [...groupBy.map((k) => keys[k]), p.unresolved?.outcome ?? null, JSON.stringify(p.unresolved)]
      .map(String)
      .join('|');
    const line = lines.get(key) ?? { entries: 0, amount: 0n, refund: 0n };
    line.entries += 1;
    line.amount += BigInt(p.amount_oere);
    line.refund += BigInt(p.refund_oere ?? 0);
    lines.set(key, line);
  }
  return [...lines]
    .map(([key, l]) =>
      lineText([...key.split('|').slice(0, groupBy.length + 1), l.entries, l.amount, l.refund]),
    )
    .sort();
}

/** A line as text: its keys and outcome, then entries, amount and refund. */
const lineText = (line: unknown[]) =>
  `${line.slice(0, -3).map(String).join('|')}: ${line.slice(-3).join(' ')}`;

/** The summary as one statement over the postings alone groups and orders it. */
async function overPostings(filter: LedgerFilter, groupBy: SummaryKey[]): Promise<unknown[]> {
  const columns: Record<SummaryKey, string> = {
    account: `concat_ws('.', account->>'function', account->>'dranst', account->>'grouping')`,
    targetGroup: 'target_group',
    bookingPeriod: 'booking_period',
    activityYear: `to_char(activity_from, 'YYYY')`,
  };
  const params: unknown[] = [];
  const where = ledgerWhere(filter, params);
  const group = [...groupBy.map((k) => `"${k}"`), '"unresolved"'].join(', ');
  const rows: Record<string, string | number | null>[] = await live.query(
    `SELECT ${[...groupBy.map((k) => `${columns[k]} AS "${k}"`), `unresolved->>'outcome' AS "unresolved"`].join(', ')},
            count(*)::int AS entries, coalesce(sum(amount_oere), 0)::text AS amount, coalesce(sum(refund_oere), 0)::text AS refund
     FROM ledger_entry WHERE ${where} GROUP BY ${group} ORDER BY ${group}, ledger_entry.unresolved`,
    params,
  );
  return rows.map((r) => [...groupBy.map((k) => r[k]), r.unresolved, r.entries, r.amount, r.refund]);
}

const GROUPINGS: SummaryKey[][] = [
  [],
  ['account'],
  ['activityYear'],
  ['account', 'targetGroup'],
  ['activityYear', 'bookingPeriod', 'targetGroup', 'account'],
];

const FILTERS: Omit<LedgerFilter, 'municipality' | 'asOf'>[] = [
  {},
  { activityFrom: '2024-01-01', activityTo: '2024-12-31' },
  { activityFrom: '2025-01-31', activityTo: '2025-01-31' },
  { activityFrom: '2025-03-31' },
  { activityTo: '2024-11-01' },
  { targetGroup: 'jobafklaring' },
  { targetGroup: 'unknown' },
  { kind: 'reversal' },
  { kind: 'rebooking' },
  { account: '5.68.90' },
  { account: '5.68.90.1' },
  { bookingPeriod: '2025-02' },
  { bookingPeriodFrom: '2025-03', bookingPeriodTo: '2025-12' },
  { activityFrom: '2025-01-01', activityTo: '2025-12-31', targetGroup: 'sygedagpenge', kind: 'original' },
  { personId: 'P2' },
];

/** Every instant a posting was recorded at, a millisecond before it, its day's first and last millisecond, and long after. */
function instants(): string[] {
  const at = new Set<string>(['2030-01-01T00:00:00.000Z']);
  for (const { recorded_at: r } of postings) {
    const t = Date.parse(r);
    for (const i of [t, t - 1, Date.parse(r.slice(0, 10)), Date.parse(r.slice(0, 10)) + 86_400_000 - 1])
      at.add(new Date(i).toISOString());
  }
  return [...at].sort();
}

it('the log has what the summary must get right', () => {
  const kinds = new Set(postings.map((p) => p.kind));
  expect(kinds).toEqual(new Set(['original', 'reversal', 'rebooking']));
  expect(postings.some((p) => p.unresolved !== null)).toBe(true);
  expect(new Set(postings.map((p) => p.recorded_at.slice(0, 10))).size).toBeGreaterThan(2);
});

it('answers what the postings add up to, in the order of the summary over the postings, for every filter and grouping at every instant', async () => {
  const queries = new LedgerQueries(live);
  let compared = 0;
  // the other municipality once, long after: its postings stay out of 101's lines and in its own
  const asked = [...instants().map((asOf) => ['101', asOf]), ['751', '2030-01-01T00:00:00.000Z']];
  for (const [municipality, asOf] of asked)
    for (const f of FILTERS)
      for (const groupBy of GROUPINGS) {
        const filter = { municipality, asOf, ...f };
        const lines = await queries.summary(filter, groupBy);
        const shown = lines.map((l) => [
          ...groupBy.map((k) => l[k]),
          l.unresolved,
          l.entries,
          String(l.amountOere),
          String(l.refundOere),
        ]);
        expect(shown).toEqual(await overPostings(filter, groupBy));
        expect(shown.map(lineText).sort()).toEqual(expected(filter, groupBy));
        compared += lines.length;
      }
  expect(compared).toBeGreaterThan(1000);
}, 120_000);

it('the totals are the postings added up per day, and a rebuild makes the same', async () => {
  const totals = `SELECT municipality, activity_to, activity_from, recorded_on, account, target_group, booking_period, kind, unresolved,
                         entries, amount_oere, refund_oere FROM ledger_total`;
  const perDay = `SELECT municipality, activity_to, activity_from, (recorded_at AT TIME ZONE 'UTC')::date AS recorded_on, account,
                         target_group, booking_period, kind, unresolved, count(*)::int AS entries, sum(amount_oere)::bigint AS amount_oere,
                         coalesce(sum(refund_oere), 0)::bigint AS refund_oere
                  FROM ledger_entry GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9`;
  const [{ n }] = await live.query(`SELECT count(*)::int AS n FROM (${totals}) t`);
  expect(n).toBeGreaterThan(10);
  expect(
    await live.query(`(${totals} EXCEPT ALL ${perDay}) UNION ALL (${perDay} EXCEPT ALL ${totals})`),
  ).toEqual([]);
  await projectIntoSchema(db.url, 'rm_summary_check', store, allProjections(rulebooks));
  expect(await compareSchemas(db.url, 'rm', 'rm_summary_check')).toEqual([]);
}, 60_000);
