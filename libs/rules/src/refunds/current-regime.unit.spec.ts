// The current regime (000_140518b2c182b2de.txt = VEJ 9584/2025): mentor only for jobafklaring, with no time limit while
// the person is in jobafklaring and at most 6 months after a move into a job or education (2 A), § 97 a 80 % with its dates (2 A), integration rådighedsloft (2 B, Bilag 1), igu 100 % (2 B),
// persons outside every target group.
import { costAccountOf, decide, expenseQuery, mentorQuery, summary } from './refund-query.test-helper';

const NOW = '2025-09-01';

describe('mentor (2 A, LAB § 197, nr. 1: 50 % only for § 6, nr. 7)', () => {
  it.each([true, false, undefined])(
    'jobafklaring, window %s → 50 % on grp 098: no time limit while the person is in jobafklaring (L132-L134)',
    (withinMentorWindow) => {
      const decision = decide(mentorQuery(NOW, 'jobafklaring', { withinMentorWindow }));
      expect([summary(decision), costAccountOf(decision), decision.ruleId]).toEqual([
        'rule:5000',
        '5.68.90/1/098',
        'JA-MENTOR',
      ]);
    },
  );

  it.each([
    'dagpenge',
    'kontanthjaelp',
    'ung_kontanthjaelp',
    'sygedagpenge',
    'ledighedsydelse',
    'revalidering',
    'foertidspension',
    'selvforsoergende',
    'ung_under_18',
    'none',
  ] as const)(
    '%s → 0 % even inside the window ("Der ydes ikke refusion for mentorudgifter til øvrige ydelsesmodtagere eller personer i ordinær beskæftigelse")',
    (targetGroup) => {
      expect(summary(decide(mentorQuery(NOW, targetGroup, { withinMentorWindow: true })))).toBe('rule:0');
    },
  );

  describe('in the transition into a job or education (L137-L140: "Hvis kommunen lader en mentor følge en person, der deltager i jobafklaringsforløb, videre i overgangen til beskæftigelse eller uddannelse, kan kommunen fortsat få refusion ...")', () => {
    it.each<[string, boolean | undefined, string, string, string]>([
      [
        'inside the agreement → 50 % (grp 098)',
        true,
        'rule:5000',
        '5.68.90/1/098',
        'NONE-MENTOR-JA-TRANSITION',
      ],
      [
        'after the agreement expired → 0 % (grp 106)',
        false,
        'rule:0',
        '5.68.90/1/106',
        'NONE-MENTOR-JA-EXPIRED',
      ],
      ['window not given → explicit no_rule', undefined, 'no_rule', '', 'NONE-MENTOR-JA-WINDOW'],
    ])(
      'none, agreement made during jobafklaring, %s',
      (_label, withinMentorWindow, expected, account, ruleId) => {
        const decision = decide(
          mentorQuery(NOW, 'none', { withinMentorWindow, mentorAgreementTargetGroup: 'jobafklaring' }),
        );
        expect([summary(decision), costAccountOf(decision), decision.ruleId]).toEqual([
          expected,
          account,
          ruleId,
        ]);
      },
    );

    it('the 50 % books and refunds like jobafklaring mentor (098 → dranst 2 grp 004, no cap)', () => {
      expect(
        decide(
          mentorQuery(NOW, 'none', { withinMentorWindow: true, mentorAgreementTargetGroup: 'jobafklaring' }),
        ),
      ).toMatchObject({
        outcome: 'rule',
        cap: null,
        refundAccount: { function: '5.68.90', dranst: '2', grouping: '004' },
        validFrom: '2019-01-01',
        validTo: '9999-12-31',
      });
    });

    it.each(['kontanthjaelp', 'sygedagpenge', 'none'] as const)(
      'none, agreement made while %s → 0 % as before ("personer i ordinær beskæftigelse/uddannelse")',
      (agreement) => {
        expect(
          decide(
            mentorQuery(NOW, 'none', { withinMentorWindow: true, mentorAgreementTargetGroup: agreement }),
          ),
        ).toMatchObject({ outcome: 'rule', rateBasisPoints: 0, ruleId: 'NONE-MENTOR-2019' });
      },
    );

    it('without the agreement target group, none stays 0 % (unchanged for callers that do not pass it)', () => {
      expect(decide(mentorQuery(NOW, 'none', { withinMentorWindow: true }))).toMatchObject({
        outcome: 'rule',
        rateBasisPoints: 0,
        ruleId: 'NONE-MENTOR-2019',
      });
    });

    it('a move from jobafklaring into another benefit group is decided by that group ("øvrige ydelsesmodtagere"): the agreement group does not carry over', () => {
      for (const targetGroup of ['kontanthjaelp', 'sygedagpenge', 'ressourceforloeb'] as const) {
        expect(
          summary(
            decide(
              mentorQuery(NOW, targetGroup, {
                withinMentorWindow: true,
                mentorAgreementTargetGroup: 'jobafklaring',
              }),
            ),
          ),
        ).toBe('rule:0');
      }
    });

    it('only mentor costs: an offer expense of a person in no target group is unaffected', () => {
      const plain = decide(expenseQuery(NOW, 'none', 'guidance_upskilling', 'course_fee'));
      expect(
        decide(
          expenseQuery(NOW, 'none', 'guidance_upskilling', 'course_fee', {
            mentorAgreementTargetGroup: 'jobafklaring',
          }),
        ),
      ).toBe(plain);
    });

    it('before 2019 the transition rule does not apply (the window rule for jobafklaring mentor starts 2019-01-01)', () => {
      expect(
        decide(
          mentorQuery('2018-12-31', 'none', {
            withinMentorWindow: true,
            mentorAgreementTargetGroup: 'jobafklaring',
          }),
        ),
      ).toMatchObject({ ruleId: 'NONE-MENTOR-2014', rateBasisPoints: 0 });
      expect(
        decide(
          mentorQuery('2019-01-01', 'none', {
            withinMentorWindow: true,
            mentorAgreementTargetGroup: 'jobafklaring',
          }),
        ),
      ).toMatchObject({ ruleId: 'NONE-MENTOR-JA-TRANSITION', validFrom: '2019-01-01' });
    });

    it('rejects an unknown agreement target group', () => {
      expect(() =>
        decide(mentorQuery(NOW, 'none', { mentorAgreementTargetGroup: 'nobody' as never })),
      ).toThrow(RangeError);
    });
  });

  it('mentor training bought for a mentor (course fee on a mentor offer) is a mentor cost; rent of a mentor offer is not', () => {
    expect(
      summary(
        decide(expenseQuery(NOW, 'jobafklaring', 'mentor', 'course_fee', { withinMentorWindow: true })),
      ),
    ).toBe('rule:5000');
    expect(decide(expenseQuery(NOW, 'jobafklaring', 'mentor', 'rent'))).toMatchObject({
      outcome: 'no_rule',
      ruleId: 'OUT-MENTOR-INDIRECT',
    });
  });
});

describe('§ 97 a education, 80 % (2 A: from 1/8-2020, extended to 31/12-2022, 2nd half 2023, permanent from 1/1-2024)', () => {
  it.each<[string, string]>([
    ['2020-07-31', 'no_rule'],
    ['2020-08-01', 'rule:8000'],
    ['2022-12-31', 'rule:8000'],
    ['2023-01-01', 'ambiguous'],
    ['2023-03-15', 'ambiguous'],
    ['2023-06-30', 'ambiguous'],
    ['2023-07-01', 'rule:8000'],
    ['2024-01-01', 'rule:8000'],
    ['2030-01-01', 'rule:8000'],
  ])('dagpenge, %s → %s', (date, expected) => {
    expect(summary(decide(expenseQuery(date, 'dagpenge', 'education_97a', 'course_fee')))).toBe(expected);
  });

  it('a continued § 97 a offer after a change of target group keeps 80 % (§ 55, stk. 4)', () => {
    expect(decide(expenseQuery(NOW, 'sygedagpenge', 'education_97a', 'course_fee'))).toMatchObject({
      outcome: 'rule',
      rateBasisPoints: 8000,
      costAccount: { function: '5.68.98', grouping: '113' },
      refundAccount: { function: '5.68.98', dranst: '2', grouping: '013' },
    });
  });

  it('the H1-2023 decision names the contradiction and both candidate rules', () => {
    expect(decide(expenseQuery('2023-02-01', 'dagpenge', 'education_97a', 'course_fee'))).toMatchObject({
      outcome: 'ambiguous',
      validFrom: '2023-01-01',
      validTo: '2023-06-30',
      candidates: ['97A-2020', '97A-2023H2'],
    });
  });
});

describe('integration (2 B, Bilag 1)', () => {
  const benefit = { attributes: { selfSupporting: false } };
  const selfSupporting = { attributes: { selfSupporting: true } };
  it.each<[string, Parameters<typeof expenseQuery>[2], string, string]>([
    ['§ 23 a vejledning og opkvalificering → 5.46.60 grp 001 / 005', 'guidance_upskilling', '001', '005'],
    ['§ 23 b virksomhedspraktik → grp 002 / 006', 'company_internship', '002', '006'],
    [
      '§ 23 g særligt tilrettelagt nytteindsats → grp 107 (one grouping for both)',
      'utility_work',
      '107',
      '107',
    ],
  ])(
    'programme, %s (ydelsesmodtager / selvforsørgende, 000 L1541-L1566): 50 % within the rådighedsloft',
    (_label, offerKind, ofBenefit, ofSelf) => {
      for (const [options, grouping] of [
        [benefit, ofBenefit],
        [selfSupporting, ofSelf],
      ] as const) {
        const decision = decide(expenseQuery(NOW, 'integration_programme', offerKind, 'course_fee', options));
        expect(decision).toMatchObject({
          outcome: 'rule',
          rateBasisPoints: 5000,
          cap: 'integration_raadighedsloft',
          refundAccount: null,
        });
        expect(costAccountOf(decision)).toBe(`5.46.60/1/${grouping}`);
      }
    },
  );

  it('programme mentor (§ 23 d) → 50 % within the rådighedsloft, grp 004 for ydelsesmodtagere, 008 for selvforsørgende', () => {
    for (const [options, grouping] of [
      [benefit, '004'],
      [selfSupporting, '008'],
    ] as const)
      expect(decide(mentorQuery(NOW, 'integration_programme', options))).toMatchObject({
        outcome: 'rule',
        rateBasisPoints: 5000,
        cap: 'integration_raadighedsloft',
        costAccount: { grouping },
      });
  });

  it('programme, not stated whether ydelsesmodtager or selvforsørgende: no_rule, 50 % indicated (the grouping depends on it)', () => {
    expect(
      decide(expenseQuery(NOW, 'integration_programme', 'guidance_upskilling', 'course_fee')),
    ).toMatchObject({
      outcome: 'no_rule',
      ruleId: 'INT-PROG-SUPPORT-UNKNOWN',
      indicatedRateBasisPoints: 5000,
      indicatedCap: 'integration_raadighedsloft',
    });
  });

  it('løntilskud to førtidspensionister: 50 % under LAB § 199 (2 A, L250-L252), named but not postable (no grouping in the sources)', () => {
    expect(decide(expenseQuery(NOW, 'foertidspension', 'wage_subsidy', 'other_operating'))).toMatchObject({
      outcome: 'no_rule',
      ruleId: 'OUT-WAGE-SUBSIDY-FTP',
      indicatedRateBasisPoints: 5000,
      costAccount: null,
    });
  });

  it('programme løntilskud (§ 23 c) is outside the loft and this rulebook (trapperefusion)', () => {
    expect(
      decide(expenseQuery(NOW, 'integration_programme', 'wage_subsidy', 'other_operating')),
    ).toMatchObject({ outcome: 'no_rule', ruleId: 'OUT-WAGE-SUBSIDY' });
  });

  it.each(['ordinary_education', 'guidance_upskilling', 'partnership', 'company_internship'] as const)(
    'introduktionsforløb, %s (IL § 24 f, § 24 g): 50 %, no rådighedsloft from 2018 (L317-L319); Bilag 1 grp 009 is § 24 a (L1567-L1569), not these',
    (offerKind) => {
      expect(decide(expenseQuery(NOW, 'integration_introduction', offerKind, 'course_fee'))).toMatchObject({
        outcome: 'rule',
        ruleId: 'INT-INTRO-OFFER',
        rateBasisPoints: 5000,
        cap: null,
        costAccount: { function: '5.46.60', dranst: '1', grouping: '-' },
        refundAccount: null,
      });
    },
  );

  it('igu allowance during school teaching and its transport: 100 %, outside the rådighedsloft (L380-L381)', () => {
    for (const expenseType of ['extra_cost_allowance', 'transport_allowance'] as const) {
      expect(
        decide(expenseQuery(NOW, 'integration_programme', 'other', expenseType, { scheme: 'igu' })),
      ).toMatchObject({
        outcome: 'rule',
        ruleId: 'IGU-ALLOWANCE',
        rateBasisPoints: 10000,
        cap: null,
        costAccount: { function: '5.46.60', grouping: '-' },
      });
    }
    expect(
      decide(expenseQuery(NOW, 'integration_programme', 'other', 'course_fee', { scheme: 'igu' })),
    ).toMatchObject({ outcome: 'no_rule', ruleId: 'IGU-OTHER' });
  });
});

describe('no target group ("none")', () => {
  it('operating costs of offers → explicit no_rule (Bilag 3 covers persons under LAB § 6)', () => {
    expect(decide(expenseQuery(NOW, 'none', 'guidance_upskilling', 'course_fee'))).toMatchObject({
      outcome: 'no_rule',
      ruleId: 'OUT-NONE',
    });
  });

  it('virksomhedspraktik coordination for LAB groups is administration on 6.45.53, 0 % (4.6)', () => {
    expect(decide(expenseQuery(NOW, 'kontanthjaelp', 'company_internship', 'other_operating'))).toMatchObject(
      {
        outcome: 'rule',
        rateBasisPoints: 0,
        costAccount: { function: '6.45.53', dranst: '1' },
        refundAccount: null,
      },
    );
  });
});
