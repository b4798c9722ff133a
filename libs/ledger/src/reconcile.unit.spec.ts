import { allocate } from './allocate';
import type { Cause, CostItem, Posting } from './posting.types';
import { bookingDateOf, reconcile, sameSegment, segmentIdentity, standingPostings } from './reconcile';
import { fakeDecide } from './testing/fake-decide';
import { timelineAsOf, type TargetGroupChangeRecord } from './timeline';

const item: CostItem = {
  costItemId: 'exp-1',
  personId: 'p-1',
  offerId: 'o-1',
  municipality: '101',
  offerKind: 'guidance_upskilling',
  cost: { kind: 'expense', expenseType: 'course_fee' },
  amountOere: 1_000_000,
  activityFrom: '2019-03-01',
  activityTo: '2019-03-30',
};

const c1: TargetGroupChangeRecord = {
  changeCommandId: 'c1',
  targetGroup: 'sygedagpenge',
  effectiveFrom: '2019-01-01',
  recordedAt: '2019-01-05T10:00:00Z',
};
const c2: TargetGroupChangeRecord = {
  changeCommandId: 'c2',
  targetGroup: 'jobafklaring',
  effectiveFrom: '2019-03-11',
  recordedAt: '2019-05-15T09:00:00Z',
};

const cause = (eventId: string, recordedAt: string): Cause => ({
  eventId,
  commandId: `cmd-${eventId}`,
  recordedAt,
  rulebookVersion: 'test-1',
});
const desired = (changes: TargetGroupChangeRecord[], it: CostItem = item) =>
  allocate(it, timelineAsOf(changes), fakeDecide);
const total = (ps: Posting[], f: (p: Posting) => number | null) =>
  ps.reduce((sum, p) => sum + (f(p) ?? 0), 0);

/** The ledger after booking the expense (original) and the retroactive change to jobafklaring. */
function bookThenRegroup() {
  const original = reconcile([], desired([c1]), cause('ev-exp', '2019-04-02T08:00:00Z'));
  const snapshot = structuredClone(original);
  const regroup = reconcile(original, desired([c1, c2]), cause('ev-c2', c2.recordedAt));
  return { original, snapshot, regroup, ledger: [...original, ...regroup] };
}

describe('reconcile', () => {
  it('books the first allocation of a cost item as originals with deterministic ids', () => {
    const original = reconcile([], desired([c1]), cause('ev-exp', '2019-04-02T08:00:00Z'));
    expect(original).toEqual([
      {
        entryId: 'ev-exp:exp-1:1',
        kind: 'original',
        costItemId: 'exp-1',
        personId: 'p-1',
        offerId: 'o-1',
        municipality: '101',
        account: { function: '5.68.90', dranst: '1', grouping: '092' },
        refundAccount: { function: '5.68.90', dranst: '2', grouping: '092' },
        targetGroup: 'sygedagpenge',
        activityFrom: '2019-03-01',
        activityTo: '2019-03-30',
        bookingPeriod: '2019-04',
        amountOere: 1_000_000,
        refundRateBasisPoints: 5000,
        refundOere: 500_000,
        ruleId: 'R6-50',
        citations: [{ source: '000_140518b2c182b2de.txt', section: 'R6-50' }],
        cap: null,
        unresolved: null,
        causedBy: { eventId: 'ev-exp', commandId: 'cmd-ev-exp' },
        reverses: null,
        recordedAt: '2019-04-02T08:00:00Z',
        rulebookVersion: 'test-1',
      },
    ]);
  });

  it('regroups a retroactive change as a reversal plus rebookings in the current booking period, originals untouched', () => {
    const { original, snapshot, regroup } = bookThenRegroup();
    expect(original).toEqual(snapshot);
    expect(
      regroup.map((p) => [
        p.entryId,
        p.kind,
        p.reverses,
        p.activityFrom,
        p.activityTo,
        p.targetGroup,
        p.account?.grouping,
        p.amountOere,
        p.refundOere,
        p.bookingPeriod,
        p.causedBy.eventId,
      ]),
    ).toEqual([
      [
        'ev-c2:exp-1:1',
        'reversal',
        'ev-exp:exp-1:1',
        '2019-03-01',
        '2019-03-30',
        'sygedagpenge',
        '092',
        -1_000_000,
        -500_000,
        '2019-05',
        'ev-c2',
      ],
      [
        'ev-c2:exp-1:2',
        'rebooking',
        null,
        '2019-03-01',
        '2019-03-10',
        'sygedagpenge',
        '092',
        333_333,
        166_667,
        '2019-05',
        'ev-c2',
      ],
      [
        'ev-c2:exp-1:3',
        'rebooking',
        null,
        '2019-03-11',
        '2019-03-30',
        'jobafklaring',
        '097',
        666_667,
        333_334,
        '2019-05',
        'ev-c2',
      ],
    ]);
    expect(regroup.every((p) => p.recordedAt === c2.recordedAt && p.causedBy.commandId === 'cmd-ev-c2')).toBe(
      true,
    );
  });

  it('returns to the first allocation when the change is retracted (net effect equals the original)', () => {
    const { original, ledger } = bookThenRegroup();
    const retracted = { ...c2, retractedAt: '2019-06-03T12:00:00Z' };
    const back = reconcile(ledger, desired([c1, retracted]), cause('ev-retract', '2019-06-03T12:00:00Z'));
    expect(
      back.map((p) => [p.kind, p.reverses, p.activityFrom, p.activityTo, p.amountOere, p.refundOere]),
    ).toEqual([
      ['reversal', 'ev-c2:exp-1:2', '2019-03-01', '2019-03-10', -333_333, -166_667],
      ['reversal', 'ev-c2:exp-1:3', '2019-03-11', '2019-03-30', -666_667, -333_334],
      ['rebooking', null, '2019-03-01', '2019-03-30', 1_000_000, 500_000],
    ]);
    const all = [...ledger, ...back];
    expect(standingPostings(all).map(segmentIdentity)).toEqual(original.map(segmentIdentity));
    expect(total(all, (p) => p.amountOere)).toBe(1_000_000);
    expect(total(all, (p) => p.refundOere)).toBe(500_000);
  });

  it('posts nothing for a change that alters nothing', () => {
    const { ledger } = bookThenRegroup();
    const outside: TargetGroupChangeRecord = {
      changeCommandId: 'c3',
      targetGroup: 'dagpenge',
      effectiveFrom: '2019-05-01',
      recordedAt: '2019-06-01T00:00:00Z',
    };
    const sameGroup: TargetGroupChangeRecord = {
      changeCommandId: 'c4',
      targetGroup: 'jobafklaring',
      effectiveFrom: '2019-03-20',
      recordedAt: '2019-06-02T00:00:00Z',
    };
    expect(reconcile(ledger, desired([c1, c2, outside]), cause('ev-c3', outside.recordedAt))).toEqual([]);
    expect(reconcile(ledger, desired([c1, c2, sameGroup]), cause('ev-c4', sameGroup.recordedAt))).toEqual([]);
  });

  it('only reposts the segments that really changed', () => {
    const { ledger } = bookThenRegroup();
    // dagpenge from 2019-03-21: the sygedagpenge segment 1.–10. March stands as it is
    const c5: TargetGroupChangeRecord = {
      changeCommandId: 'c5',
      targetGroup: 'dagpenge',
      effectiveFrom: '2019-03-21',
      recordedAt: '2019-07-01T00:00:00Z',
    };
    const delta = reconcile(ledger, desired([c1, c2, c5]), cause('ev-c5', c5.recordedAt));
    expect(delta.map((p) => [p.kind, p.activityFrom, p.activityTo, p.targetGroup, p.amountOere])).toEqual([
      ['reversal', '2019-03-11', '2019-03-30', 'jobafklaring', -666_667],
      ['rebooking', '2019-03-11', '2019-03-20', 'jobafklaring', 333_334], // round(A·20/30) − round(A·10/30)
      ['rebooking', '2019-03-21', '2019-03-30', 'dagpenge', 333_333],
    ]);
    expect(delta[0].bookingPeriod).toBe('2019-07');
  });

  it('reverses everything when the offer is cancelled (desired allocation empty)', () => {
    const { ledger } = bookThenRegroup();
    const cancel = reconcile(ledger, [], cause('ev-cancel', '2019-08-01T00:00:00Z'));
    expect(cancel.map((p) => [p.entryId, p.kind, p.reverses, p.amountOere])).toEqual([
      ['ev-cancel:exp-1:1', 'reversal', 'ev-c2:exp-1:2', -333_333],
      ['ev-cancel:exp-1:2', 'reversal', 'ev-c2:exp-1:3', -666_667],
    ]);
    const all = [...ledger, ...cancel];
    expect(standingPostings(all)).toEqual([]);
    expect(total(all, (p) => p.amountOere)).toBe(0);
    expect(total(all, (p) => p.refundOere)).toBe(0);
    expect(reconcile(all, [], cause('ev-again', '2019-08-02T00:00:00Z'))).toEqual([]);
  });

  it('books again as rebookings after a full reversal (history decides the kind)', () => {
    const { ledger } = bookThenRegroup();
    const cancelled = [...ledger, ...reconcile(ledger, [], cause('ev-cancel', '2019-08-01T00:00:00Z'))];
    const again = reconcile(cancelled, desired([c1]), cause('ev-period', '2019-09-01T00:00:00Z'));
    expect(again.map((p) => p.kind)).toEqual(['rebooking']);
  });

  it('keeps unresolved segments, negates null refunds as null, and regroups them when the group becomes known', () => {
    const unknown = reconcile([], desired([]), cause('ev-exp', '2019-04-02T08:00:00Z'));
    expect(unknown).toHaveLength(1);
    expect(unknown[0]).toMatchObject({
      targetGroup: null,
      account: null,
      amountOere: 1_000_000,
      refundOere: null,
      refundRateBasisPoints: null,
      unresolved: { outcome: 'no_rule' },
    });
    const known = reconcile(unknown, desired([c1]), cause('ev-c1', '2019-04-03T00:00:00Z'));
    expect(known.map((p) => [p.kind, p.targetGroup, p.amountOere, p.refundOere])).toEqual([
      ['reversal', null, -1_000_000, null],
      ['rebooking', 'sygedagpenge', 1_000_000, 500_000],
    ]);
  });

  it('reconciles several cost items in costItemId order with per-item ordinals', () => {
    const other: CostItem = { ...item, costItemId: 'exp-0', amountOere: -50_001 };
    const first = reconcile(
      [],
      [...desired([c1]), ...desired([c1], other)],
      cause('ev-x', '2019-04-02T08:00:00Z'),
    );
    expect(first.map((p) => [p.entryId, p.amountOere, p.refundOere])).toEqual([
      ['ev-x:exp-0:1', -50_001, -25_001],
      ['ev-x:exp-1:1', 1_000_000, 500_000],
    ]);
    // reversing one expense: pass its postings and no desired segments for it
    const reverse = reconcile(
      first.filter((p) => p.costItemId === 'exp-0'),
      [],
      cause('ev-rev', '2019-04-05T00:00:00Z'),
    );
    expect(reverse.map((p) => [p.entryId, p.amountOere, p.refundOere])).toEqual([
      ['ev-rev:exp-0:1', 50_001, 25_001],
    ]);
  });

  it('is deterministic: the same inputs in any order give byte-identical postings', () => {
    const { ledger } = bookThenRegroup();
    const a = reconcile(ledger, [], cause('ev-z', '2019-08-01T00:00:00Z'));
    const b = reconcile([...ledger].reverse(), [], cause('ev-z', '2019-08-01T00:00:00Z'));
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('writes accounts and citations in a fixed key order whatever order the stored postings had', () => {
    const { ledger } = bookThenRegroup();
    const reordered = ledger.map((p) => ({
      ...p,
      account: p.account && {
        grouping: p.account.grouping,
        dranst: p.account.dranst,
        function: p.account.function,
      },
      citations: p.citations.map((c) => ({ section: c.section, source: c.source })),
    }));
    const a = reconcile(ledger, [], cause('ev-z', '2019-08-01T00:00:00Z'));
    const b = reconcile(reordered, [], cause('ev-z', '2019-08-01T00:00:00Z'));
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('derives the booking period from the recorded instant in Copenhagen, or from an override', () => {
    // 23:30Z on 31 December is 00:30 on 1 January in Copenhagen (API.md Conventions).
    const [late] = reconcile([], desired([c1]), cause('ev', '2019-12-31T23:30:00Z'));
    expect([late.bookingPeriod, bookingDateOf(late)]).toEqual(['2020-01', '2020-01-01']);
    const p = reconcile([], desired([c1]), {
      ...cause('ev', '2019-12-31T23:30:00Z'),
      bookingPeriod: '2020-01',
    });
    expect(p[0].bookingPeriod).toBe('2020-01');
  });
});

describe('sameSegment', () => {
  const [segment] = desired([c1]);
  const unresolved = {
    ...segment,
    unresolved: { outcome: 'ambiguous' as const, reason: 'r', candidates: ['a'] },
  };
  const variants = [
    segment,
    { ...segment, costItemId: 'exp-2' },
    { ...segment, activityFrom: '2019-03-02' },
    { ...segment, activityTo: '2019-03-29' },
    { ...segment, targetGroup: 'jobafklaring' as const },
    { ...segment, targetGroup: null },
    { ...segment, account: null },
    { ...segment, account: { ...segment.account!, grouping: '099' } },
    { ...segment, refundAccount: null },
    { ...segment, refundAccount: { ...segment.refundAccount!, function: '5.68.99' } },
    { ...segment, ruleId: 'other' },
    { ...segment, refundRateBasisPoints: 1 },
    { ...segment, cap: 'mentorramme' as const },
    { ...segment, amountOere: segment.amountOere + 1 },
    { ...segment, refundOere: null },
    unresolved,
    { ...unresolved, unresolved: { ...unresolved.unresolved, outcome: 'no_rule' as const } },
    { ...unresolved, unresolved: { ...unresolved.unresolved, reason: 's' } },
    { ...unresolved, unresolved: { ...unresolved.unresolved, candidates: ['a', 'b'] } },
    { ...unresolved, unresolved: { outcome: 'ambiguous' as const, reason: 'r' } },
    { ...unresolved, unresolved: { outcome: 'ambiguous' as const, reason: 'r', candidates: [] } },
    // Citations and everything about the posting's cause are not the segment's identity.
    { ...segment, citations: [] },
    { ...segment, daysBefore: 3 },
  ];

  it('is true exactly when segmentIdentity is the same, for each field varied', () => {
    let same = 0;
    for (const a of variants)
      for (const b of variants) {
        expect([a, b, sameSegment(a, b)]).toEqual([a, b, segmentIdentity(a) === segmentIdentity(b)]);
        if (sameSegment(a, b)) same++;
      }
    // The three variants that differ in no identity field, each with each; the two unresolved without candidates alike.
    expect(same).toBe(variants.length - 5 + 3 * 3 + 2 * 2);
  });
});
