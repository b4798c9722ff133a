// Properties of allocation and reconciliation over random amounts, periods and timelines.
import fc from 'fast-check';
import { type TargetGroup, addDays, dayNumber, isoDateOfDay } from '@app/domain';
import { allocate, type AllocateOptions } from './allocate';
import type { CostItem, DesiredSegment, Posting } from './posting.types';
import { reconcile, segmentIdentity, standingPostings } from './reconcile';
import { fakeDecide } from './testing/fake-decide';
import { timelineAsOf, type TargetGroupChangeRecord } from './timeline';

const GROUPS: TargetGroup[] = [
  'jobafklaring',
  'dagpenge',
  'sygedagpenge',
  'foertidspension',
  'kontanthjaelp',
  'none',
];
const BASE = dayNumber('2013-10-01');

const amountArb = fc.oneof(
  fc.integer({ min: -5_000_000, max: 5_000_000 }),
  fc.integer({ min: -3, max: 3 }),
  fc.maxSafeInteger(),
);

const itemArb = fc
  .record({
    start: fc.integer({ min: 0, max: 3000 }),
    length: fc.integer({ min: 1, max: 500 }),
    amountOere: amountArb,
    mentor: fc.option(
      fc.record({ from: fc.integer({ min: -50, max: 400 }), length: fc.integer({ min: 1, max: 300 }) }),
      { nil: null },
    ),
  })
  .map(({ start, length, amountOere, mentor }): CostItem => {
    const from = isoDateOfDay(BASE + start);
    return {
      costItemId: 'item',
      personId: 'p',
      offerId: 'o',
      municipality: '751',
      offerKind: mentor ? 'mentor' : 'guidance_upskilling',
      cost: mentor ? { kind: 'mentor' } : { kind: 'expense', expenseType: 'course_fee' },
      amountOere,
      activityFrom: from,
      activityTo: addDays(from, length - 1),
      mentorAgreementPeriod: mentor
        ? { from: addDays(from, mentor.from), to: addDays(from, mentor.from + mentor.length - 1) }
        : undefined,
    };
  });

/** Random change records relative to the item's start, recorded at increasing instants. */
const changesArb = (item: CostItem) =>
  fc
    .array(
      fc.record({
        offset: fc.integer({
          min: -200,
          max: dayNumber(item.activityTo) - dayNumber(item.activityFrom) + 30,
        }),
        group: fc.constantFrom(...GROUPS),
        retracted: fc.boolean(),
      }),
      { maxLength: 6 },
    )
    .map((raw) =>
      raw.map(({ offset, group, retracted }, i): TargetGroupChangeRecord => ({
        changeCommandId: `c${i}`,
        targetGroup: group,
        effectiveFrom: addDays(item.activityFrom, offset),
        recordedAt: new Date(Date.UTC(2024, 0, 1 + i)).toISOString(),
        retractedAt: retracted ? new Date(Date.UTC(2024, 0, 1 + i, 12)).toISOString() : null,
      })),
    );

const optionsArb = fc.constantFrom<AllocateOptions>(
  {},
  { splitAtCalendar: 'year' },
  { splitAtCalendar: 'month' },
);

const sum = (xs: Array<number | null>) => xs.reduce<bigint>((s, x) => s + BigInt(x ?? 0), 0n);

function checkAllocation(item: CostItem, segs: DesiredSegment[]) {
  expect(segs.length).toBeGreaterThan(0);
  expect(sum(segs.map((s) => s.amountOere))).toBe(BigInt(item.amountOere));
  expect(segs[0].activityFrom).toBe(item.activityFrom);
  expect(segs[segs.length - 1].activityTo).toBe(item.activityTo);
  let daysBefore = 0;
  segs.forEach((s, i) => {
    if (i > 0) expect(s.activityFrom).toBe(addDays(segs[i - 1].activityTo, 1));
    expect(dayNumber(s.activityTo) - dayNumber(s.activityFrom) + 1).toBe(s.days);
    expect(s.daysBefore).toBe(daysBefore);
    daysBefore += s.days;
    // each part lies within one øre of its exact share A × days / T
    const diff = BigInt(s.amountOere) * BigInt(s.totalDays) - BigInt(item.amountOere) * BigInt(s.days);
    expect((diff < 0n ? -diff : diff) < BigInt(s.totalDays)).toBe(true);
    if (s.unresolved) expect([s.refundOere, s.refundRateBasisPoints]).toEqual([null, null]);
  });
  expect(daysBefore).toBe(segs[0].totalDays);
}

describe('ledger properties', () => {
  it('allocation sums to the amount exactly, with contiguous segments covering the period', () => {
    fc.assert(
      fc.property(
        itemArb.chain((item) => fc.tuple(fc.constant(item), changesArb(item), optionsArb)),
        ([item, changes, options]) =>
          checkAllocation(item, allocate(item, timelineAsOf(changes), fakeDecide, options)),
      ),
      { numRuns: 300 },
    );
  });

  it('negating the amount negates every part and refund', () => {
    fc.assert(
      fc.property(
        itemArb.chain((item) => fc.tuple(fc.constant(item), changesArb(item))),
        ([item, changes]) => {
          const timeline = timelineAsOf(changes);
          const pos = allocate(item, timeline, fakeDecide);
          const neg = allocate({ ...item, amountOere: -item.amountOere }, timeline, fakeDecide);
          expect(neg.map((s) => [s.amountOere, s.refundOere])).toEqual(
            pos.map((s) => [0 - s.amountOere, s.refundOere === null ? null : 0 - s.refundOere]),
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it('reconcile brings the standing postings to the desired allocation, and reconciling again posts nothing', () => {
    fc.assert(
      fc.property(
        itemArb.chain((item) =>
          fc.tuple(
            fc.constant(item),
            fc.array(fc.option(changesArb(item), { nil: null, freq: 6 }), { minLength: 1, maxLength: 5 }),
            optionsArb,
          ),
        ),
        ([item, versions, options]) => {
          let ledger: Posting[] = [];
          versions.forEach((changes, v) => {
            // null: the offer was cancelled (or the expense reversed) at this step
            const desired =
              changes === null ? [] : allocate(item, timelineAsOf(changes), fakeDecide, options);
            const cause = {
              eventId: `ev${v}`,
              commandId: `cmd${v}`,
              recordedAt: new Date(Date.UTC(2024, 5, 1 + v)).toISOString(),
            };
            const delta = reconcile(ledger, desired, cause);
            // deltas only ever add: reversals point at standing postings, nothing else changes
            const standingBefore = new Set(standingPostings(ledger).map((p) => p.entryId));
            for (const p of delta)
              if (p.kind === 'reversal') expect(standingBefore.has(p.reverses!)).toBe(true);
            if (v === 0) expect(delta.every((p) => p.kind === 'original')).toBe(true);
            ledger = [...ledger, ...delta];

            const standing = standingPostings(ledger);
            expect(standing.map(segmentIdentity).sort()).toEqual(desired.map(segmentIdentity).sort());
            expect(sum(ledger.map((p) => p.amountOere))).toBe(sum(desired.map((d) => d.amountOere)));
            expect(sum(ledger.map((p) => p.refundOere))).toBe(sum(desired.map((d) => d.refundOere)));
            expect(reconcile(ledger, desired, { ...cause, eventId: `again${v}` })).toEqual([]);
          });
          expect(new Set(ledger.map((p) => p.entryId)).size).toBe(ledger.length);
        },
      ),
      { numRuns: 200 },
    );
  });
});
