import type { RefundDecision, RefundQuery } from '@app/rules';
import { allocate, monthsElapsed, NO_TARGET_GROUP_REASON } from './allocate';
import type { CostItem } from './posting.types';
import { fakeDecide } from './testing/fake-decide';
import { timelineAsOf, type TargetGroupChangeRecord } from './timeline';

const course = (over: Partial<CostItem> = {}): CostItem => ({
  costItemId: 'exp-1',
  personId: 'p-1',
  offerId: 'o-1',
  municipality: '101',
  offerKind: 'guidance_upskilling',
  cost: { kind: 'expense', expenseType: 'course_fee' },
  amountOere: 1_000_000, // 10 000,00 kr
  activityFrom: '2019-03-01',
  activityTo: '2019-03-30', // 30 days
  ...over,
});

const change = (
  id: string,
  targetGroup: TargetGroupChangeRecord['targetGroup'],
  effectiveFrom: string,
  recordedAt = '2019-01-05T10:00:00Z',
): TargetGroupChangeRecord => ({
  changeCommandId: id,
  targetGroup,
  effectiveFrom,
  recordedAt,
});

const brief = (s: ReturnType<typeof allocate>[number]) => [
  s.activityFrom,
  s.activityTo,
  s.targetGroup,
  s.account?.grouping ?? null,
  s.amountOere,
  s.refundRateBasisPoints,
  s.refundOere,
  s.ruleId,
];

describe('allocate', () => {
  it('posts a course inside one segment as one segment', () => {
    const segs = allocate(course(), timelineAsOf([change('c1', 'jobafklaring', '2019-01-01')]), fakeDecide);
    expect(segs).toEqual([
      {
        costItemId: 'exp-1',
        personId: 'p-1',
        offerId: 'o-1',
        municipality: '101',
        account: { function: '5.68.90', dranst: '1', grouping: '097' },
        refundAccount: { function: '5.68.90', dranst: '2', grouping: '097' },
        targetGroup: 'jobafklaring',
        activityFrom: '2019-03-01',
        activityTo: '2019-03-30',
        amountOere: 1_000_000,
        refundRateBasisPoints: 5000,
        refundOere: 500_000,
        ruleId: 'R7',
        citations: [{ source: '000_140518b2c182b2de.txt', section: 'R7' }],
        cap: null,
        unresolved: null,
        daysBefore: 0,
        days: 30,
        totalDays: 30,
        itemAmountOere: 1_000_000,
      },
    ]);
  });

  it('splits a course spanning a target-group change by days, in exact øre', () => {
    const timeline = timelineAsOf([
      change('c1', 'sygedagpenge', '2019-01-01'),
      change('c2', 'jobafklaring', '2019-03-11'),
    ]);
    expect(allocate(course(), timeline, fakeDecide).map(brief)).toEqual([
      ['2019-03-01', '2019-03-10', 'sygedagpenge', '092', 333_333, 5000, 166_667, 'R6-50'],
      ['2019-03-11', '2019-03-30', 'jobafklaring', '097', 666_667, 5000, 333_334, 'R7'],
    ]);
  });

  it('splits at a rule boundary (the decision’s validTo)', () => {
    const segs = allocate(
      course({ amountOere: 2_000_001, activityFrom: '2019-06-21', activityTo: '2019-07-10' }),
      timelineAsOf([change('c1', 'dagpenge', '2019-01-01')]),
      fakeDecide,
    );
    expect(segs.map(brief)).toEqual([
      ['2019-06-21', '2019-06-30', 'dagpenge', '090', 1_000_001, 5000, 500_001, 'R1-50'],
      ['2019-07-01', '2019-07-10', 'dagpenge', '091', 1_000_000, 0, 0, 'R1-0'],
    ]);
    expect(segs[0].cap).toBe('driftsloft_dagpenge_kontanthjaelp');
    expect(segs[1].refundAccount).toBeNull();
  });

  it('rounds negative amounts (operating income) symmetrically', () => {
    const segs = allocate(
      course({
        amountOere: -2_000_001,
        activityFrom: '2019-06-21',
        activityTo: '2019-07-10',
        cost: { kind: 'expense', expenseType: 'operating_income' },
      }),
      timelineAsOf([change('c1', 'dagpenge', '2019-01-01')]),
      fakeDecide,
    );
    expect(segs.map((s) => [s.amountOere, s.refundOere])).toEqual([
      [-1_000_001, -500_001],
      [-1_000_000, 0],
    ]);
  });

  it('splits 1 øre over three one-day segments as 0, 1, 0', () => {
    const timeline = timelineAsOf([
      change('a', 'jobafklaring', '2019-01-01'),
      change('b', 'dagpenge', '2019-03-02'),
      change('c', 'jobafklaring', '2019-03-03'),
    ]);
    const segs = allocate(course({ amountOere: 1, activityTo: '2019-03-03' }), timeline, fakeDecide);
    expect(segs.map((s) => [s.activityFrom, s.amountOere, s.refundOere])).toEqual([
      ['2019-03-01', 0, 0],
      ['2019-03-02', 1, 1], // 50 % of 1 øre = 0.5 → 1
      ['2019-03-03', 0, 0],
    ]);
  });

  it('posts days without a registered target group as an unresolved no_rule line, never as 0', () => {
    const segs = allocate(course(), timelineAsOf([change('c1', 'jobafklaring', '2019-03-21')]), fakeDecide);
    expect(segs.map(brief)).toEqual([
      ['2019-03-01', '2019-03-20', null, null, 666_667, null, null, null],
      ['2019-03-21', '2019-03-30', 'jobafklaring', '097', 333_333, 5000, 166_667, 'R7'],
    ]);
    expect(segs[0].unresolved).toEqual({ outcome: 'no_rule', reason: NO_TARGET_GROUP_REASON });
    expect(segs[0].account).toBeNull();
  });

  it('posts ambiguous and no_rule answers with amount, null refund, the reason and any known account', () => {
    const ambiguous = allocate(
      course(),
      timelineAsOf([change('c1', 'kontanthjaelp', '2019-01-01')]),
      fakeDecide,
    );
    expect(ambiguous).toHaveLength(1);
    expect(ambiguous[0]).toMatchObject({
      amountOere: 1_000_000,
      refundRateBasisPoints: null,
      refundOere: null,
      ruleId: null,
      account: { function: '5.68.90', dranst: '1', grouping: '099' },
      unresolved: {
        outcome: 'ambiguous',
        reason: 'two rules contradict each other',
        candidates: ['R2-a', 'R2-b'],
      },
    });
    const none = allocate(course(), timelineAsOf([change('c1', 'none', '2019-01-01')]), fakeDecide);
    expect(none[0]).toMatchObject({
      account: null,
      refundOere: null,
      unresolved: { outcome: 'no_rule', reason: 'no rule for none' },
    });
  });

  it('joins pieces a boundary separates but that are posted identically', () => {
    // R11 is returned as two rows split at 2019-12-31 with identical content, and a re-registration
    // of the same group changes nothing either
    const timeline = timelineAsOf([
      change('a', 'foertidspension', '2019-01-01'),
      change('b', 'foertidspension', '2019-12-15'),
    ]);
    const segs = allocate(
      course({ activityFrom: '2019-12-01', activityTo: '2020-01-31' }),
      timeline,
      fakeDecide,
    );
    expect(segs.map(brief)).toEqual([
      ['2019-12-01', '2020-01-31', 'foertidspension', '095', 1_000_000, 5000, 500_000, 'R11'],
    ]);
  });

  it('optionally splits at calendar year ends', () => {
    const timeline = timelineAsOf([change('a', 'foertidspension', '2019-01-01')]);
    const segs = allocate(
      course({ activityFrom: '2019-12-01', activityTo: '2020-01-31' }),
      timeline,
      fakeDecide,
      { splitAtCalendar: 'year' },
    );
    expect(segs.map((s) => [s.activityFrom, s.activityTo, s.amountOere])).toEqual([
      ['2019-12-01', '2019-12-31', 500_000],
      ['2020-01-01', '2020-01-31', 500_000],
    ]);
  });

  it('splits mentor costs at the end of the mentor agreement’s refundable window', () => {
    const queries: RefundQuery[] = [];
    const spy = (q: RefundQuery): RefundDecision => (queries.push(q), fakeDecide(q));
    const mentor = course({
      costItemId: 'mh-1',
      offerKind: 'mentor',
      cost: { kind: 'mentor' },
      amountOere: 310_000,
      activityFrom: '2019-08-01',
      activityTo: '2019-08-31',
      mentorAgreementPeriod: { from: '2019-02-21', to: '2019-08-20' },
    });
    const segs = allocate(mentor, timelineAsOf([change('c1', 'jobafklaring', '2019-01-01')]), spy);
    expect(segs.map(brief)).toEqual([
      ['2019-08-01', '2019-08-20', 'jobafklaring', '097', 200_000, 5000, 100_000, 'R7'],
      ['2019-08-21', '2019-08-31', 'jobafklaring', '098', 110_000, 0, 0, 'R7-mentor-outside'],
    ]);
    expect(queries.map((q) => [q.date, q.withinMentorWindow])).toEqual([
      ['2019-08-01', true],
      ['2019-08-21', false],
    ]);
  });

  it('mentor hours after a move from jobafklaring into a job: the window runs at most 6 months from the transition, for any mentor type (VEJ 9584 2 A, 000 L137-L142)', () => {
    const queries: RefundQuery[] = [];
    const spy = (q: RefundQuery): RefundDecision => (queries.push(q), fakeDecide(q));
    const hours = (
      activityFrom: string,
      activityTo: string,
      period = { from: '2019-01-15', to: '2020-12-31' },
    ) =>
      course({
        costItemId: 'mh-3',
        offerKind: 'mentor',
        cost: { kind: 'mentor' },
        amountOere: 100,
        activityFrom,
        activityTo,
        mentorAgreementPeriod: period,
        mentorAgreementStartDate: period.from,
      });
    const timeline = timelineAsOf([
      change('c1', 'jobafklaring', '2019-01-01'),
      change('c2', 'none', '2019-05-10'),
    ]);
    // in jobafklaring: inside the agreement, no time limit; in the job from 2019-05-10: 2019-05-10 + 6 months - 1 day = 2019-11-09
    allocate(hours('2019-04-01', '2019-12-31'), timeline, spy);
    expect(queries.map((q) => [q.date, q.targetGroup, q.withinMentorWindow])).toEqual([
      ['2019-04-01', 'jobafklaring', true],
      ['2019-05-10', 'none', true],
      ['2019-11-10', 'none', false],
    ]);
    // an agreement ending earlier ends the window with it
    queries.length = 0;
    allocate(hours('2019-06-01', '2019-07-31', { from: '2019-01-15', to: '2019-06-30' }), timeline, spy);
    expect(queries.map((q) => [q.date, q.withinMentorWindow])).toEqual([
      ['2019-06-01', true],
      ['2019-07-01', false],
    ]);
    // an agreement that begins on the job's first day: the rulebook sees its target group on that day (none)
    queries.length = 0;
    allocate(hours('2019-06-01', '2019-06-30', { from: '2019-05-10', to: '2019-12-31' }), timeline, spy);
    expect(queries.map((q) => [q.withinMentorWindow, q.mentorAgreementTargetGroup])).toEqual([
      [true, 'none'],
    ]);
  });

  it('tells every query of a mentor item the target group on the agreement start date, as the timeline is known now', () => {
    const queries: RefundQuery[] = [];
    const spy = (q: RefundQuery): RefundDecision => (queries.push(q), fakeDecide(q));
    const mentor = course({
      costItemId: 'mh-2',
      offerKind: 'mentor',
      cost: { kind: 'mentor' },
      amountOere: 310_000,
      activityFrom: '2019-08-01',
      activityTo: '2019-08-31',
      mentorAgreementPeriod: { from: '2019-02-21', to: '2019-08-20' },
      mentorAgreementStartDate: '2019-02-21',
    });
    // jobafklaring when the agreement started, then into a job (target group none) before the hours
    const changes = [change('c1', 'jobafklaring', '2019-01-01'), change('c2', 'none', '2019-06-01')];
    allocate(mentor, timelineAsOf(changes), spy);
    expect(
      queries.map((q) => [q.date, q.targetGroup, q.withinMentorWindow, q.mentorAgreementTargetGroup]),
    ).toEqual([
      ['2019-08-01', 'none', true, 'jobafklaring'],
      ['2019-08-21', 'none', false, 'jobafklaring'],
    ]);

    // A retroactive change covering the start date is seen on the next allocation (regrouping).
    queries.length = 0;
    allocate(
      mentor,
      timelineAsOf([...changes, change('c3', 'sygedagpenge', '2019-02-01', '2019-09-01T10:00:00Z')]),
      spy,
    );
    // (the person now came into the job from sygedagpenge: no refundable window after the transition, so no split)
    expect(queries.map((q) => [q.mentorAgreementTargetGroup, q.withinMentorWindow])).toEqual([
      ['sygedagpenge', false],
    ]);

    // No target group registered on the start date: nothing is sent.
    queries.length = 0;
    allocate(mentor, timelineAsOf([change('c1', 'none', '2019-03-01')]), spy);
    expect(queries.map((q) => 'mentorAgreementTargetGroup' in q)).toEqual([false]); // one piece: no window in a job not reached from jobafklaring

    // Offer expenses never carry it, nor mentor items without a start date.
    queries.length = 0;
    allocate(course({ mentorAgreementStartDate: '2019-02-21' }), timelineAsOf(changes), spy);
    allocate({ ...mentor, mentorAgreementStartDate: null }, timelineAsOf(changes), spy);
    expect(queries.some((q) => 'mentorAgreementTargetGroup' in q)).toBe(false);
  });

  it('splits at the start of a mentor window that begins inside the period', () => {
    const mentor = course({
      offerKind: 'mentor',
      cost: { kind: 'mentor' },
      amountOere: 300,
      activityFrom: '2019-08-01',
      activityTo: '2019-08-03',
      mentorAgreementPeriod: { from: '2019-08-03', to: '2019-12-31' },
    });
    const segs = allocate(mentor, timelineAsOf([change('c1', 'jobafklaring', '2019-01-01')]), fakeDecide);
    expect(segs.map((s) => [s.activityFrom, s.activityTo, s.ruleId, s.amountOere])).toEqual([
      ['2019-08-01', '2019-08-02', 'R7-mentor-outside', 200],
      ['2019-08-03', '2019-08-03', 'R7', 100],
    ]);
  });

  it('sends months into the unemployment spell and asks again at each monthly anniversary', () => {
    const queries: RefundQuery[] = [];
    const spy = (q: RefundQuery): RefundDecision => (queries.push(q), fakeDecide(q));
    const spell = {
      ...change('c1', 'jobafklaring', '2018-01-01'),
      attributes: { unemploymentSpellStart: '2018-11-30' },
    };
    allocate(course({ activityFrom: '2019-01-20', activityTo: '2019-03-05' }), timelineAsOf([spell]), spy);
    expect(queries.map((q) => [q.date, q.monthsUnemployed])).toEqual([
      ['2019-01-20', 1],
      ['2019-01-30', 2],
      ['2019-02-28', 3], // 30 Nov + 3 months = 28 Feb (clamped)
    ]);
    expect(queries.some((q) => q.attributes !== undefined)).toBe(false); // the spell start itself is not a rulebook attribute
    expect(monthsElapsed('2019-01-31', '2019-02-27')).toBe(0);
    expect(monthsElapsed('2019-01-31', '2019-02-28')).toBe(1);
  });

  it('uses the timeline as known at an earlier instant', () => {
    const changes = [
      change('c1', 'sygedagpenge', '2019-01-01'),
      change('c2', 'jobafklaring', '2019-03-11', '2019-05-15T09:00:00Z'),
    ];
    expect(allocate(course(), timelineAsOf(changes, '2019-04-01T00:00:00Z'), fakeDecide).map(brief)).toEqual([
      ['2019-03-01', '2019-03-30', 'sygedagpenge', '092', 1_000_000, 5000, 500_000, 'R6-50'],
    ]);
    expect(allocate(course(), timelineAsOf(changes), fakeDecide)).toHaveLength(2);
  });

  it('makes progress even when a rulebook returns a validTo before the date asked', () => {
    const broken = (q: RefundQuery): RefundDecision => ({ ...fakeDecide(q), validTo: '2000-01-01' });
    const segs = allocate(
      course({ activityTo: '2019-03-03' }),
      timelineAsOf([change('c1', 'jobafklaring', '2019-01-01')]),
      broken,
    );
    expect(segs.map((s) => [s.activityFrom, s.activityTo])).toEqual([['2019-03-01', '2019-03-03']]); // joined again: identical
  });

  it('rejects non-integer amounts and inverted periods', () => {
    expect(() => allocate(course({ amountOere: 10.5 }), timelineAsOf([]), fakeDecide)).toThrow(RangeError);
    expect(() => allocate(course({ activityFrom: '2019-04-01' }), timelineAsOf([]), fakeDecide)).toThrow(
      RangeError,
    );
  });
});
