// Scenarios with the real rulebook: a cost item allocated over a person's timeline, the postings' amounts and refunds
// in exact øre, each expected figure worked out from the cited line of shared/seeds.
import { decideRefund } from '@app/rules';
import type { TargetGroup, TargetGroupAttributes } from '@app/domain';
import { allocate } from './allocate';
import type { CostItem } from './posting.types';
import { timelineAsOf } from './timeline';

const item = (over: Partial<CostItem>): CostItem => ({
  costItemId: 'item-1',
  personId: 'p-1',
  offerId: 'o-1',
  municipality: '101',
  offerKind: 'guidance_upskilling',
  cost: { kind: 'expense', expenseType: 'course_fee' },
  amountOere: 1_200_000,
  activityFrom: '2025-03-01',
  activityTo: '2025-03-31',
  ...over,
});

const personIn = (targetGroup: TargetGroup, effectiveFrom: string, attributes?: TargetGroupAttributes) =>
  timelineAsOf([
    {
      changeCommandId: 'c-1',
      targetGroup,
      effectiveFrom,
      recordedAt: '2014-01-01T00:00:00Z',
      ...(attributes && { attributes }),
    },
  ]);

const posted = (segments: ReturnType<typeof allocate>) =>
  segments.map((s) => ({
    from: s.activityFrom,
    to: s.activityTo,
    account: s.account && `${s.account.function}/${s.account.dranst}/${s.account.grouping}`,
    amount: s.amountOere,
    rate: s.refundRateBasisPoints,
    refund: s.refundOere,
    cap: s.cap,
    rule: s.ruleId,
  }));

describe('introduktionsforløb (000 L317-L319: "Fra 2018 gælder der ikke et rådighedsloft ... 50 pct.")', () => {
  it('a 12 000,00 kr course in March 2025: refund 12 000,00 × 50 % = 6 000,00 kr, outside every cap', () => {
    const segments = allocate(item({}), personIn('integration_introduction', '2024-06-01'), decideRefund);
    expect(posted(segments)).toEqual([
      {
        from: '2025-03-01',
        to: '2025-03-31',
        account: '5.46.60/1/-',
        amount: 1_200_000,
        rate: 5000,
        refund: 600_000,
        cap: null,
        rule: 'INT-INTRO-OFFER',
      },
    ]);
  });

  it('virksomhedspraktik in the introduktionsforløb (§ 24 f): 3 100,00 kr → 1 550,00 kr', () => {
    const segments = allocate(
      item({
        offerKind: 'company_internship',
        cost: { kind: 'expense', expenseType: 'other_operating' },
        amountOere: 310_000,
      }),
      personIn('integration_introduction', '2024-06-01'),
      decideRefund,
    );
    expect(posted(segments)).toEqual([
      {
        from: '2025-03-01',
        to: '2025-03-31',
        account: '5.46.60/1/-',
        amount: 310_000,
        rate: 5000,
        refund: 155_000,
        cap: null,
        rule: 'INT-INTRO-OFFER',
      },
    ]);
  });
});

describe('sygedagpenge mentor from 2015 (003 L6338: "kun refusion for kategori 2 og 3 (2015)")', () => {
  const mentorHours = item({
    offerKind: 'mentor',
    cost: { kind: 'mentor' },
    amountOere: 400_000,
    activityFrom: '2017-05-01',
    activityTo: '2017-05-31',
  });

  it('kategori 2: 4 000,00 kr × 50 % = 2 000,00 kr within the sygedagpenge driftsloft (grp 019)', () => {
    expect(
      posted(
        allocate(mentorHours, personIn('sygedagpenge', '2017-01-01', { sickPayCategory: 2 }), decideRefund),
      ),
    ).toEqual([
      {
        from: '2017-05-01',
        to: '2017-05-31',
        account: '5.68.90/1/019',
        amount: 400_000,
        rate: 5000,
        refund: 200_000,
        cap: 'driftsloft_sygedagpenge_revalidering',
        rule: 'SDP-MENTOR-2016',
      },
    ]);
  });

  it('kategori 1: 4 000,00 kr × 0 % = 0,00 kr on the non-refundable run-off grouping 018', () => {
    expect(
      posted(
        allocate(mentorHours, personIn('sygedagpenge', '2017-01-01', { sickPayCategory: 1 }), decideRefund),
      ),
    ).toEqual([
      {
        from: '2017-05-01',
        to: '2017-05-31',
        account: '5.68.90/1/018',
        amount: 400_000,
        rate: 0,
        refund: 0,
        cap: null,
        rule: 'SDP-K1-MENTOR-2015',
      },
    ]);
  });

  it('kategori 1 mentor hours spanning New Year 2014/15: 31 of 62 days at 50 % in the mentorramme, the rest 0 %', () => {
    // 6 200,00 kr over 2014-12-01..2015-01-31 (62 days): 3 100,00 kr per half; 3 100,00 × 50 % = 1 550,00 kr in 2014
    const hours = item({
      offerKind: 'mentor',
      cost: { kind: 'mentor' },
      amountOere: 620_000,
      activityFrom: '2014-12-01',
      activityTo: '2015-01-31',
    });
    expect(
      posted(allocate(hours, personIn('sygedagpenge', '2014-01-01', { sickPayCategory: 1 }), decideRefund)),
    ).toEqual([
      {
        from: '2014-12-01',
        to: '2014-12-31',
        account: '5.68.90/1/019',
        amount: 310_000,
        rate: 5000,
        refund: 155_000,
        cap: 'mentorramme',
        rule: 'SDP-MENTOR-2014',
      },
      {
        from: '2015-01-01',
        to: '2015-01-31',
        account: '5.68.90/1/018',
        amount: 310_000,
        rate: 0,
        refund: 0,
        cap: null,
        rule: 'SDP-K1-MENTOR-2015',
      },
    ]);
  });
});

describe('dagpenge work tools (no source before the 2020 chart; 001 5.68.91 grp 006 from Regnskab 2020)', () => {
  it('2 000,00 kr over Dec 2019 - Jan 2020: the December half is unresolved, the January half 1 000,00 × 50 % = 500,00 kr', () => {
    const tools = item({
      cost: { kind: 'expense', expenseType: 'work_tools' },
      amountOere: 200_000,
      activityFrom: '2019-12-01',
      activityTo: '2020-01-31',
    });
    const segments = allocate(tools, personIn('dagpenge', '2019-01-01'), decideRefund);
    expect(segments[0].unresolved).toMatchObject({
      outcome: 'no_rule',
      reason: expect.stringContaining('before the 2020 chart'),
    });
    expect(posted(segments)).toEqual([
      {
        from: '2019-12-01',
        to: '2019-12-31',
        account: null,
        amount: 100_000,
        rate: null,
        refund: null,
        cap: null,
        rule: null,
      },
      {
        from: '2020-01-01',
        to: '2020-01-31',
        account: '5.68.91/1/006',
        amount: 100_000,
        rate: 5000,
        refund: 50_000,
        cap: null,
        rule: 'AIDS-WORK-TOOLS-DP',
      },
    ]);
  });
});

describe("the offer's bevillingsramme in the refund (seed 002 section 4)", () => {
  it('frame 17 is the § 97 a scheme: a 40 000,00 kr education in Feb 2025 → 40 000,00 × 80 % = 32 000,00 kr on 5.68.98 grp 113 (000 L178-L179, 001 L3382-L3395)', () => {
    const education = item({
      offerKind: 'ordinary_education',
      amountOere: 4_000_000,
      activityFrom: '2025-02-01',
      activityTo: '2025-02-28',
      fundingFrame: '17',
    });
    expect(posted(allocate(education, personIn('dagpenge', '2024-01-01'), decideRefund))).toEqual([
      {
        from: '2025-02-01',
        to: '2025-02-28',
        account: '5.68.98/1/113',
        amount: 4_000_000,
        rate: 8000,
        refund: 3_200_000,
        cap: null,
        rule: '97A-2023H2',
      },
    ]);
    // the same education without the frame is an ordinary education of a dagpengemodtager: 0 % on grp 109 (000 L189-L197)
    expect(
      posted(
        allocate({ ...education, fundingFrame: null }, personIn('dagpenge', '2024-01-01'), decideRefund),
      ),
    ).toEqual([
      {
        from: '2025-02-01',
        to: '2025-02-28',
        account: '5.68.90/1/109',
        amount: 4_000_000,
        rate: 0,
        refund: 0,
        cap: null,
        rule: 'DP-OPS-2019H2',
      },
    ]);
  });

  it('frame 14 "Aktiviteter uden refusion": a 5 000,00 kr social activity for a person in jobafklaring gets no refund (002 L628-L650)', () => {
    const activity = item({ offerKind: 'other', amountOere: 500_000, fundingFrame: '14' });
    const segments = allocate(activity, personIn('jobafklaring', '2024-01-01'), decideRefund);
    expect(segments.map((s) => [s.amountOere, s.refundOere, s.unresolved?.outcome])).toEqual([
      [500_000, null, 'no_rule'],
    ]);
    expect(segments[0].unresolved?.reason).toMatch(
      /bevillingsramme 14 "Aktiviteter uden refusion".*rate is 0 %/,
    );
  });

  it('frame 5, the regional uddannelsespulje, 2016: 10 000,00 kr × 80 % = 8 000,00 kr on 5.68.98 grp 100 outside the driftsloft (001 L2989; 003 L5667-L5669), not 50 % within it', () => {
    const course = item({
      amountOere: 1_000_000,
      activityFrom: '2016-03-01',
      activityTo: '2016-03-31',
      fundingFrame: '5',
    });
    expect(posted(allocate(course, personIn('dagpenge', '2015-01-01'), decideRefund))).toEqual([
      {
        from: '2016-03-01',
        to: '2016-03-31',
        account: '5.68.98/1/100',
        amount: 1_000_000,
        rate: 8000,
        refund: 800_000,
        cap: null,
        rule: 'REGIONAL-POOL-DP',
      },
    ]);
  });

  it('frame 6, the pulje til uddannelsesløft, across 1/7-2017: 100 % for June, 80 % for July (001 L3044-L3046)', () => {
    // 6 100,00 kr over 2017-06-01..2017-07-31 (61 days): June 30/61 = 3 000,00 kr × 100 %; July 3 100,00 kr × 80 % = 2 480,00 kr
    const education = item({
      offerKind: 'ordinary_education',
      amountOere: 610_000,
      activityFrom: '2017-06-01',
      activityTo: '2017-07-31',
      fundingFrame: '6',
    });
    expect(posted(allocate(education, personIn('dagpenge', '2016-01-01'), decideRefund))).toEqual([
      {
        from: '2017-06-01',
        to: '2017-06-30',
        account: '5.68.98/1/101',
        amount: 300_000,
        rate: 10000,
        refund: 300_000,
        cap: null,
        rule: 'UDL-POOL-DP-2015',
      },
      {
        from: '2017-07-01',
        to: '2017-07-31',
        account: '5.68.98/1/101',
        amount: 310_000,
        rate: 8000,
        refund: 248_000,
        cap: null,
        rule: 'UDL-POOL-DP-2017',
      },
    ]);
  });
});

describe('2014-2018 mentor: the target group when the agreement was made (001 groupings 017/019, L1526-L1540, L1594-L1600)', () => {
  const hours = item({
    offerKind: 'mentor',
    cost: { kind: 'mentor' },
    amountOere: 400_000,
    activityFrom: '2017-05-01',
    activityTo: '2017-05-31',
    mentorAgreementStartDate: '2016-10-01',
  });
  const history = (after: TargetGroup) =>
    timelineAsOf([
      {
        changeCommandId: 'c-1',
        targetGroup: 'sygedagpenge',
        attributes: { sickPayCategory: 2 },
        effectiveFrom: '2016-01-01',
        recordedAt: '2016-01-02T00:00:00Z',
      },
      {
        changeCommandId: 'c-2',
        targetGroup: after,
        effectiveFrom: '2017-03-01',
        recordedAt: '2017-03-02T00:00:00Z',
      },
    ]);

  it('agreement made in sygedagpenge kategori 2, mentor follows the person into a job: 4 000,00 kr × 50 % = 2 000,00 kr on grp 019 within the sygedagpenge driftsloft', () => {
    const segments = allocate(hours, history('none'), decideRefund);
    expect(posted(segments)).toEqual([
      {
        from: '2017-05-01',
        to: '2017-05-31',
        account: '5.68.90/1/019',
        amount: 400_000,
        rate: 5000,
        refund: 200_000,
        cap: 'driftsloft_sygedagpenge_revalidering',
        rule: 'SDP-MENTOR-2016',
      },
    ]);
    expect(segments[0].citations).toContainEqual(
      expect.objectContaining({
        section: expect.stringMatching(/^funktion 5\.68\.90, dranst 1, gruppering 017/),
        note: expect.stringMatching(/no target group on the activity date/),
      }),
    );
  });

  it('agreement made in sygedagpenge, the person now on dagpenge: the chart (019, 50 %) and seed 003 L194-L195 (the group on the date: 018, 0 %) disagree → ambiguous, refund withheld', () => {
    const [segment] = allocate(hours, history('dagpenge'), decideRefund);
    expect([segment.amountOere, segment.refundOere, segment.unresolved]).toEqual([
      400_000,
      null,
      {
        outcome: 'ambiguous',
        reason: expect.stringMatching(/ved indgåelse af aftale om mentor/),
        candidates: ['DP-MENTOR-2014', 'SDP-MENTOR-2016'],
      },
    ]);
  });

  it('agreement made in jobafklaring (grp 098 speaks of "aktiviteter og tilbud" only, not employment): into a job before 2019 stays 0 % on 018', () => {
    const changes = timelineAsOf([
      {
        changeCommandId: 'c-1',
        targetGroup: 'jobafklaring',
        effectiveFrom: '2016-01-01',
        recordedAt: '2016-01-02T00:00:00Z',
      },
      {
        changeCommandId: 'c-2',
        targetGroup: 'none',
        effectiveFrom: '2017-03-01',
        recordedAt: '2017-03-02T00:00:00Z',
      },
    ]);
    expect(posted(allocate(hours, changes, decideRefund))).toEqual([
      {
        from: '2017-05-01',
        to: '2017-05-31',
        account: '5.68.90/1/018',
        amount: 400_000,
        rate: 0,
        refund: 0,
        cap: null,
        rule: 'NONE-MENTOR-2014',
      },
    ]);
  });

  it('from 2019 the agreement reading ends: the same person in a job gets 0 % on grp 106 (000 L141-L142)', () => {
    const later = { ...hours, activityFrom: '2019-01-01', activityTo: '2019-01-31' };
    expect(posted(allocate(later, history('none'), decideRefund))).toEqual([
      {
        from: '2019-01-01',
        to: '2019-01-31',
        account: '5.68.90/1/106',
        amount: 400_000,
        rate: 0,
        refund: 0,
        cap: null,
        rule: 'NONE-MENTOR-2019',
      },
    ]);
  });
});

describe('the 9-month rule (003 L1638-L1641: no refund of ordinær uddannelse for jobparate kontanthjælpsmodtagere "i de første 9 måneder")', () => {
  const spellFromJanuary2016 = timelineAsOf([
    {
      changeCommandId: 'c-1',
      targetGroup: 'kontanthjaelp',
      attributes: { readiness: 'jobparat', unemploymentSpellStart: '2016-01-15' },
      effectiveFrom: '2016-01-15',
      recordedAt: '2016-01-16T00:00:00Z',
    },
  ]);

  it('spell from 2016-01-15, education 2016-09-01..10-31 (61 days, 6 100,00 kr): 44 days 0 % on 013, from 2016-10-15 17 days = 1 700,00 × 50 % = 850,00 kr within cap A on 003', () => {
    const timeline = spellFromJanuary2016;
    const education = item({
      offerKind: 'ordinary_education',
      amountOere: 610_000,
      activityFrom: '2016-09-01',
      activityTo: '2016-10-31',
    });
    expect(posted(allocate(education, timeline, decideRefund))).toEqual([
      {
        from: '2016-09-01',
        to: '2016-10-14',
        account: '5.68.90/1/013',
        amount: 440_000,
        rate: 0,
        refund: 0,
        cap: null,
        rule: 'KTH-ORD-JP-LT9',
      },
      {
        from: '2016-10-15',
        to: '2016-10-31',
        account: '5.68.90/1/003',
        amount: 170_000,
        rate: 5000,
        refund: 85_000,
        cap: 'driftsloft_dagpenge_kontanthjaelp',
        rule: 'KTH-ORD-JP-GE9',
      },
    ]);
  });

  describe("the months read on the offer's start date instead (unemploymentMonthsAt 'offer_start'; the sources leave it open, 003 L4216-L4219)", () => {
    const timeline = spellFromJanuary2016;
    const education = (activityFrom: string, activityTo: string, unemploymentMonthsOn: string) =>
      item({
        offerKind: 'ordinary_education',
        amountOere: 610_000,
        activityFrom,
        activityTo,
        unemploymentMonthsOn,
      });

    it('the same education starting 2016-09-01, 7 months into the spell: all 6 100,00 kr × 0 % on 013, not split at 2016-10-15', () => {
      expect(
        posted(allocate(education('2016-09-01', '2016-10-31', '2016-09-01'), timeline, decideRefund)),
      ).toEqual([
        {
          from: '2016-09-01',
          to: '2016-10-31',
          account: '5.68.90/1/013',
          amount: 610_000,
          rate: 0,
          refund: 0,
          cap: null,
          rule: 'KTH-ORD-JP-LT9',
        },
      ]);
    });

    it('an offer starting 2016-10-15, 9 months into the spell: 6 100,00 × 50 % = 3 050,00 kr within cap A on 003', () => {
      expect(
        posted(allocate(education('2016-10-15', '2016-12-14', '2016-10-15'), timeline, decideRefund)),
      ).toEqual([
        {
          from: '2016-10-15',
          to: '2016-12-14',
          account: '5.68.90/1/003',
          amount: 610_000,
          rate: 5000,
          refund: 305_000,
          cap: 'driftsloft_dagpenge_kontanthjaelp',
          rule: 'KTH-ORD-JP-GE9',
        },
      ]);
    });

    it('an offer that started before the spell: the months on its start are not known (no_rule), the refund is withheld', () => {
      const [segment] = allocate(education('2016-09-01', '2016-10-31', '2016-01-10'), timeline, decideRefund);
      expect(segment.unresolved?.outcome).toBe('no_rule');
    });
  });

  it('without the spell start the months are unknown: the rulebook says so (no_rule), the refund is withheld', () => {
    const timeline = timelineAsOf([
      {
        changeCommandId: 'c-1',
        targetGroup: 'kontanthjaelp',
        attributes: { readiness: 'jobparat' },
        effectiveFrom: '2016-01-15',
        recordedAt: '2016-01-16T00:00:00Z',
      },
    ]);
    const [segment] = allocate(
      item({ offerKind: 'ordinary_education', activityFrom: '2016-09-01', activityTo: '2016-10-31' }),
      timeline,
      decideRefund,
    );
    expect(segment.unresolved?.outcome).toBe('no_rule');
  });
});
