// The 2014-2018 regime (003_ba212cd929ee8ae7.txt Tabel 2.1 L210-L262, Bilag 4 tabel 1-4; 001_fcfd66b91da6fb8d.txt
// run-off groupings 001-019 of 5.68.90 with dranst 2 groupings 001/002): 50 % within two driftslofter, the 9-month rule
// for ordinær uddannelse, the 24-month rule for øvrig vejledning (2014-2015), mentor rules.
import {
  CAP_A,
  CAP_B,
  costAccountOf,
  decide,
  expenseQuery,
  mentorQuery,
  summary,
} from './refund-query.test-helper';
import type { Readiness } from '@app/domain';

const D2017 = '2017-03-01';
const D2014 = '2014-09-01';

describe('9-month rule for ordinær uddannelse (seed 003 L1638-L1641, Tabel 2.1)', () => {
  it.each<[string, 'kontanthjaelp' | 'ung_kontanthjaelp', Readiness, number | undefined, string, string]>([
    ['jobparat KTH, 8 months → 0 % (grp 013)', 'kontanthjaelp', 'jobparat', 8, 'rule:0', '5.68.90/1/013'],
    ['jobparat KTH, 8.99 months → 0 %', 'kontanthjaelp', 'jobparat', 8.99, 'rule:0', '5.68.90/1/013'],
    [
      'jobparat KTH, 9 months → 50 % within the cap (grp 003)',
      'kontanthjaelp',
      'jobparat',
      9,
      'rule:5000',
      '5.68.90/1/003',
    ],
    ['jobparat KTH, 30 months → 50 %', 'kontanthjaelp', 'jobparat', 30, 'rule:5000', '5.68.90/1/003'],
    ['jobparat KTH, months unknown → no_rule', 'kontanthjaelp', 'jobparat', undefined, 'no_rule', ''],
    [
      'aktivitetsparat KTH, 2 months → 50 % (no 9-month rule)',
      'kontanthjaelp',
      'aktivitetsparat',
      2,
      'rule:5000',
      '5.68.90/1/003',
    ],
    [
      'åbenlyst uddannelsesparat UDH, 3 months → 0 %',
      'ung_kontanthjaelp',
      'aabenlyst_uddannelsesparat',
      3,
      'rule:0',
      '5.68.90/1/013',
    ],
    [
      'åbenlyst uddannelsesparat UDH, 10 months → 50 % (grp 011)',
      'ung_kontanthjaelp',
      'aabenlyst_uddannelsesparat',
      10,
      'rule:5000',
      '5.68.90/1/011',
    ],
    [
      'uddannelsesparat UDH, 1 month → 50 %',
      'ung_kontanthjaelp',
      'uddannelsesparat',
      1,
      'rule:5000',
      '5.68.90/1/011',
    ],
    [
      'aktivitetsparat UDH, months unknown → 50 %',
      'ung_kontanthjaelp',
      'aktivitetsparat',
      undefined,
      'rule:5000',
      '5.68.90/1/011',
    ],
  ])('%s', (_label, targetGroup, readiness, monthsUnemployed, expected, account) => {
    const decision = decide(
      expenseQuery(D2017, targetGroup, 'ordinary_education', 'course_fee', {
        attributes: { readiness },
        monthsUnemployed,
      }),
    );
    expect([summary(decision), costAccountOf(decision)]).toEqual([expected, account]);
    if (expected === 'rule:5000') expect(decision).toHaveProperty('cap', CAP_A);
  });

  it('readiness missing for kontanthjælp → explicit no_rule naming the attribute', () => {
    const decision = decide(
      expenseQuery(D2017, 'kontanthjaelp', 'ordinary_education', 'course_fee', { monthsUnemployed: 12 }),
    );
    expect(decision).toMatchObject({ outcome: 'no_rule', ruleId: 'KTH-READINESS-2014' });
  });
});

describe('øvrig vejledning (seed 003 L1799-L1809, Tabel 2.1)', () => {
  it.each<[string, string, string, Readiness | undefined, number | undefined, string]>([
    ['2014: jobparat KTH first 24 months → 0 % (grp 014)', D2014, 'kontanthjaelp', 'jobparat', 23, 'rule:0'],
    ['2014: jobparat KTH after 24 months → 50 %', D2014, 'kontanthjaelp', 'jobparat', 24, 'rule:5000'],
    ['2017: jobparat KTH → 0 % regardless of months', D2017, 'kontanthjaelp', 'jobparat', 40, 'rule:0'],
    [
      '2017: aktivitetsparat KTH → 50 % within the cap',
      D2017,
      'kontanthjaelp',
      'aktivitetsparat',
      undefined,
      'rule:5000',
    ],
    [
      '2017: åbenlyst uddannelsesparat UDH → 0 %',
      D2017,
      'ung_kontanthjaelp',
      'aabenlyst_uddannelsesparat',
      40,
      'rule:0',
    ],
    [
      '2017: uddannelsesparat UDH → 50 %',
      D2017,
      'ung_kontanthjaelp',
      'uddannelsesparat',
      undefined,
      'rule:5000',
    ],
    ['2014: dagpenge → 50 % (removed from 2015)', D2014, 'dagpenge', undefined, undefined, 'rule:5000'],
    ['2017: dagpenge → 0 % (grp 016)', D2017, 'dagpenge', undefined, undefined, 'rule:0'],
    ['2017: revalidering → 50 % within cap B', D2017, 'revalidering', undefined, undefined, 'rule:5000'],
    [
      '2017: ressourceforløb → 50 % without cap',
      D2017,
      'ressourceforloeb',
      undefined,
      undefined,
      'rule:5000',
    ],
  ])('%s', (_label, date, targetGroup, readiness, monthsUnemployed, expected) => {
    const query = expenseQuery(date, targetGroup as never, 'guidance_upskilling', 'course_fee', {
      attributes: readiness && { readiness },
      monthsUnemployed,
    });
    expect(summary(decide(query))).toBe(expected);
  });

  it('the caps: dagpenge/kontanthjælp/uddannelseshjælp under cap A, sygedagpenge/revalidering/ledighedsydelse under cap B, ressourceforløb/jobafklaring uncapped (seed 003 L1459-L1491)', () => {
    const capOf = (targetGroup: string) => {
      const d = decide(
        expenseQuery(D2017, targetGroup as never, 'partnership', 'other_operating', {
          attributes: { readiness: 'aktivitetsparat', sickPayCategory: 2 },
        }),
      );
      return d.outcome === 'rule' ? d.cap : d.outcome;
    };
    expect(['dagpenge', 'kontanthjaelp', 'ung_kontanthjaelp', 'selvforsoergende'].map(capOf)).toEqual([
      CAP_A,
      CAP_A,
      CAP_A,
      CAP_A,
    ]);
    expect(['sygedagpenge', 'revalidering', 'ledighedsydelse'].map(capOf)).toEqual([CAP_B, CAP_B, CAP_B]);
    expect(['ressourceforloeb', 'jobafklaring'].map(capOf)).toEqual([null, null]);
  });
});

describe('mentor 2014-2018 (seed 003 L1955-L1990, Tabel 2.1; BRS grp 017/018/019)', () => {
  it.each<[string, string, string, Readiness | 1 | 2 | undefined, string, string | null]>([
    ['dagpenge → 0 % from 2014 (grp 018)', D2017, 'dagpenge', undefined, 'rule:0', null],
    ['jobparat KTH → 0 %', D2017, 'kontanthjaelp', 'jobparat', 'rule:0', null],
    [
      'aktivitetsparat KTH 2017 → 50 % within cap A (grp 017)',
      D2017,
      'kontanthjaelp',
      'aktivitetsparat',
      'rule:5000',
      CAP_A,
    ],
    [
      'aktivitetsparat KTH 2015 → 50 % within the mentorramme',
      '2015-05-01',
      'kontanthjaelp',
      'aktivitetsparat',
      'rule:5000',
      'mentorramme',
    ],
    [
      'aktivitetsparat KTH 2014 → ambiguous (mentorramme 2014 vs 2015)',
      D2014,
      'kontanthjaelp',
      'aktivitetsparat',
      'ambiguous',
      null,
    ],
    [
      'åbenlyst uddannelsesparat UDH → ambiguous (Tabel 2.1 50 % vs Bilag 4 tabel 3 0 %)',
      D2017,
      'ung_kontanthjaelp',
      'aabenlyst_uddannelsesparat',
      'ambiguous',
      null,
    ],
    [
      'sygedagpenge 2014 → 50 % within the mentorramme (grp 019)',
      D2014,
      'sygedagpenge',
      undefined,
      'rule:5000',
      'mentorramme',
    ],
    ['sygedagpenge kategori 2, 2017 → 50 % within cap B', D2017, 'sygedagpenge', 2, 'rule:5000', CAP_B],
    [
      'sygedagpenge kategori 1, 2017 → 0 % on run-off grouping 018 (seed 003 L6338: "kun refusion for kategori 2 og 3 (2015)")',
      D2017,
      'sygedagpenge',
      1,
      'rule:0',
      null,
    ],
    [
      'sygedagpenge without kategori, 2017 → no_rule (the kategori decides from 2015)',
      D2017,
      'sygedagpenge',
      undefined,
      'no_rule',
      null,
    ],
    [
      'førtidspension 2017 → 50 % within cap B (grp 019)',
      D2017,
      'foertidspension',
      undefined,
      'rule:5000',
      CAP_B,
    ],
    ['jobafklaring 2017 → 50 % uncapped (grp 098)', D2017, 'jobafklaring', undefined, 'rule:5000', null],
    [
      'ressourceforløb 2017 → 50 % uncapped (grp 095)',
      D2017,
      'ressourceforloeb',
      undefined,
      'rule:5000',
      null,
    ],
  ])('%s', (_label, date, targetGroup, readiness, expected, cap) => {
    const attributes =
      readiness === undefined
        ? undefined
        : typeof readiness === 'number'
          ? { sickPayCategory: readiness }
          : { readiness };
    const decision = decide(mentorQuery(date, targetGroup as never, { attributes }));
    expect(summary(decision)).toBe(expected);
    if (decision.outcome === 'rule') expect(decision.cap).toBe(cap);
  });

  it('the ambiguous 2014 mentor decision names the contradicting rules', () => {
    expect(
      decide(mentorQuery(D2014, 'kontanthjaelp', { attributes: { readiness: 'aktivitetsparat' } })),
    ).toMatchObject({
      outcome: 'ambiguous',
      candidates: ['KTH-AP-MENTOR-2015', 'KTH-AP-MENTOR-2016'],
    });
  });
});

describe('mentor 2014-2018 and the target group when the agreement was made (001 grp 017/019 "ved indgåelse af aftale om mentor" vs 003 L194-L195)', () => {
  const agreedIn = (targetGroup: 'sygedagpenge' | 'kontanthjaelp' | 'jobafklaring', attributes: object) => ({
    mentorAgreementTargetGroup: targetGroup,
    mentorAgreementAttributes: attributes,
  });

  it('a person now in a job follows the agreement group: aktivitetsparat kontanthjælp → 50 % within cap A on 017', () => {
    expect(
      decide(mentorQuery(D2017, 'none', agreedIn('kontanthjaelp', { readiness: 'aktivitetsparat' }))),
    ).toMatchObject({
      outcome: 'rule',
      ruleId: 'KTH-AP-MENTOR-2016',
      rateBasisPoints: 5000,
      cap: CAP_A,
      costAccount: { grouping: '017' },
      validFrom: '2016-01-01',
      validTo: '2018-12-31',
    });
  });

  it('a person now in a job whose agreement readiness is not known: the agreement group cannot decide → no_rule', () => {
    expect(decide(mentorQuery(D2017, 'none', { mentorAgreementTargetGroup: 'kontanthjaelp' }))).toMatchObject(
      { outcome: 'no_rule', ruleId: 'KTH-READINESS-2014' },
    );
  });

  it("two benefit groups posting alike agree: revalidering now, agreement in sygedagpenge kategori 2 → 50 % within cap B on 019 (the date group's row)", () => {
    expect(
      decide(mentorQuery(D2017, 'revalidering', agreedIn('sygedagpenge', { sickPayCategory: 2 }))),
    ).toMatchObject({ outcome: 'rule', ruleId: 'CAPB-MENTOR-2016' });
  });

  it('two benefit groups posting differently: jobafklaring now (098, uncapped), agreement in sygedagpenge (019, cap B) → ambiguous with both candidates', () => {
    expect(
      decide(mentorQuery(D2017, 'jobafklaring', agreedIn('sygedagpenge', { sickPayCategory: 3 }))),
    ).toMatchObject({
      outcome: 'ambiguous',
      ruleId: 'MENTOR-2014-AGREEMENT-GROUP',
      candidates: ['JA-MENTOR-2014', 'SDP-MENTOR-2016'],
      costAccount: null,
      validFrom: '2016-01-01',
      validTo: '2018-12-31',
    });
  });

  it('an agreement group outside 017/019 (jobafklaring, grp 098) does not carry over: a person now in a job → 0 % on 018', () => {
    expect(decide(mentorQuery(D2017, 'none', agreedIn('jobafklaring', {})))).toMatchObject({
      outcome: 'rule',
      ruleId: 'NONE-MENTOR-2014',
      rateBasisPoints: 0,
    });
  });

  it('the reading ends 2018-12-31: the decision for 2019 starts 2019-01-01', () => {
    expect(
      decide(
        mentorQuery('2019-03-01', 'jobafklaring', {
          withinMentorWindow: true,
          ...agreedIn('sygedagpenge', { sickPayCategory: 3 }),
        }),
      ),
    ).toMatchObject({ ruleId: 'JA-MENTOR', validFrom: '2019-01-01' });
  });
});

describe('sygedagpenge categories (seed 003 L2176: from 2015 refund only for kategori 2 and 3)', () => {
  it.each<[1 | 2 | 3 | undefined, string]>([
    [1, 'no_rule'],
    [2, 'rule:5000'],
    [3, 'rule:5000'],
    [undefined, 'no_rule'],
  ])('2017, kategori %s → %s', (sickPayCategory, expected) => {
    const attributes = sickPayCategory === undefined ? undefined : { sickPayCategory };
    expect(
      summary(
        decide(expenseQuery(D2017, 'sygedagpenge', 'ordinary_education', 'course_fee', { attributes })),
      ),
    ).toBe(expected);
  });

  it('kategori 1 says the indicated rate is 0 % (no refund, unauthorised grouping)', () => {
    expect(
      decide(
        expenseQuery(D2017, 'sygedagpenge', 'ordinary_education', 'course_fee', {
          attributes: { sickPayCategory: 1 },
        }),
      ),
    ).toMatchObject({
      outcome: 'no_rule',
      indicatedRateBasisPoints: 0,
      costAccount: null,
    });
  });
});
