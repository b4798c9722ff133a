// Every cut-off date on both sides: the day before and the day of. Sources:
// - 000_140518b2c182b2de.txt 2 A: "Fra 1. januar 2019, dog 1. juli 2019 for dagpenge- og sygedagpengemodtagere,
//   og 1. januar 2022 for personer i ressourceforløb er der ikke refusion ..."; § 97 a from 1/8-2020, H2 2023, 2024.
// - 001_fcfd66b91da6fb8d.txt 5.68.90 groupings 001-019 (afløb), 101-111 (from 1/1-19 and 1/7-19), 5.68.98 106-109 (budget 2020).
// - 003_ba212cd929ee8ae7.txt: 2015 (dagpenge øvrig vejledning, sygedagpenge kategorier), 2016 (jobparat, mentor into the cap), jobafklaring 1/7-2014.
import {
  CAP_A,
  CAP_B,
  costAccountOf,
  decide,
  expenseQuery,
  mentorQuery,
  summary,
} from './refund-query.test-helper';
import type { RefundQuery } from '../rulebook.types';

type Side = [summary: string, account: string, cap?: string | null];
interface CutOff {
  label: string;
  dayBefore: string;
  dayOf: string;
  query: (date: string) => RefundQuery;
  before: Side;
  after: Side;
}

const aktivitetsparat = { attributes: { readiness: 'aktivitetsparat' as const } };
const CUT_OFFS: CutOff[] = [
  {
    label: '1/1-2019 kontanthjælp (aktivitetsparat) øvrig vejledning',
    dayBefore: '2018-12-31',
    dayOf: '2019-01-01',
    query: (d) => expenseQuery(d, 'kontanthjaelp', 'guidance_upskilling', 'course_fee', aktivitetsparat),
    before: ['rule:5000', '5.68.90/1/004', CAP_A],
    after: ['rule:0', '5.68.90/1/101', null],
  },
  {
    label: '1/1-2019 uddannelseshjælp (uddannelsesparat) ordinær uddannelse',
    dayBefore: '2018-12-31',
    dayOf: '2019-01-01',
    query: (d) =>
      expenseQuery(d, 'ung_kontanthjaelp', 'ordinary_education', 'course_fee', {
        attributes: { readiness: 'uddannelsesparat' },
      }),
    before: ['rule:5000', '5.68.90/1/011', CAP_A],
    after: ['rule:0', '5.68.90/1/102', null],
  },
  {
    label: '1/1-2019 revalidering ordinær uddannelse',
    dayBefore: '2018-12-31',
    dayOf: '2019-01-01',
    query: (d) => expenseQuery(d, 'revalidering', 'ordinary_education', 'course_fee'),
    before: ['rule:5000', '5.68.90/1/005', CAP_B],
    after: ['rule:0', '5.68.90/1/104', null],
  },
  {
    label: '1/1-2019 ledighedsydelse øvrig vejledning',
    dayBefore: '2018-12-31',
    dayOf: '2019-01-01',
    query: (d) => expenseQuery(d, 'ledighedsydelse', 'guidance_upskilling', 'course_fee'),
    before: ['rule:5000', '5.68.90/1/009', CAP_B],
    after: ['rule:0', '5.68.90/1/105', null],
  },
  {
    label: '1/1-2019 selvforsørgende ordinær uddannelse',
    dayBefore: '2018-12-31',
    dayOf: '2019-01-01',
    query: (d) => expenseQuery(d, 'selvforsoergende', 'ordinary_education', 'course_fee'),
    before: ['rule:5000', '5.68.90/1/003', CAP_A],
    after: ['rule:0', '5.68.90/1/101', null],
  },
  {
    label: '1/1-2019 kontanthjælp merudgiftsgodtgørelse',
    dayBefore: '2018-12-31',
    dayOf: '2019-01-01',
    query: (d) => expenseQuery(d, 'kontanthjaelp', 'guidance_upskilling', 'extra_cost_allowance'),
    before: ['rule:5000', '5.68.90/1/015', CAP_A],
    after: ['rule:0', '5.68.90/1/103', null],
  },
  {
    label: '1/1-2019 mentor aktivitetsparat kontanthjælp',
    dayBefore: '2018-12-31',
    dayOf: '2019-01-01',
    query: (d) => mentorQuery(d, 'kontanthjaelp', aktivitetsparat),
    before: ['rule:5000', '5.68.90/1/017', CAP_A],
    after: ['rule:0', '5.68.90/1/106', null],
  },
  {
    label: '1/1-2019 mentor dagpenge (018 → 107)',
    dayBefore: '2018-12-31',
    dayOf: '2019-01-01',
    query: (d) => mentorQuery(d, 'dagpenge'),
    before: ['rule:0', '5.68.90/1/018', null],
    after: ['rule:0', '5.68.90/1/107', null],
  },
  {
    label: '1/1-2019 mentor sygedagpenge (019 → 108, still 50 %)',
    dayBefore: '2018-12-31',
    dayOf: '2019-01-01',
    query: (d) => mentorQuery(d, 'sygedagpenge', { attributes: { sickPayCategory: 2 } }),
    before: ['rule:5000', '5.68.90/1/019', CAP_B],
    after: ['rule:5000', '5.68.90/1/108', CAP_B],
  },
  {
    label: '1/1-2019 mentor sygedagpenge kategori 1 (018 → 106, still 0 %)',
    dayBefore: '2018-12-31',
    dayOf: '2019-01-01',
    query: (d) => mentorQuery(d, 'sygedagpenge', { attributes: { sickPayCategory: 1 } }),
    before: ['rule:0', '5.68.90/1/018', null],
    after: ['rule:0', '5.68.90/1/106', null],
  },
  {
    label: '1/1-2015 mentor sygedagpenge kategori 1 (seed 003 L6338: refund only for kategori 2 and 3)',
    dayBefore: '2014-12-31',
    dayOf: '2015-01-01',
    query: (d) => mentorQuery(d, 'sygedagpenge', { attributes: { sickPayCategory: 1 } }),
    before: ['rule:5000', '5.68.90/1/019', 'mentorramme'],
    after: ['rule:0', '5.68.90/1/018', null],
  },
  {
    label: '1/7-2019 dagpenge ordinær uddannelse',
    dayBefore: '2019-06-30',
    dayOf: '2019-07-01',
    query: (d) => expenseQuery(d, 'dagpenge', 'ordinary_education', 'course_fee'),
    before: ['rule:5000', '5.68.90/1/001', CAP_A],
    after: ['rule:0', '5.68.90/1/109', null],
  },
  {
    label: '1/7-2019 dagpenge seks ugers jobrettet uddannelse',
    dayBefore: '2019-06-30',
    dayOf: '2019-07-01',
    query: (d) => expenseQuery(d, 'dagpenge', 'six_weeks_job_education', 'course_fee'),
    before: ['rule:5000', '5.68.90/1/010', CAP_A],
    after: ['rule:0', '5.68.90/1/110', null],
  },
  {
    label: '1/7-2019 sygedagpenge kategori 2 øvrig vejledning',
    dayBefore: '2019-06-30',
    dayOf: '2019-07-01',
    query: (d) =>
      expenseQuery(d, 'sygedagpenge', 'guidance_upskilling', 'course_fee', {
        attributes: { sickPayCategory: 2 },
      }),
    before: ['rule:5000', '5.68.90/1/008', CAP_B],
    after: ['rule:0', '5.68.90/1/111', null],
  },
  {
    label: '1/7-2019 sygedagpenge mentor (108 → 106)',
    dayBefore: '2019-06-30',
    dayOf: '2019-07-01',
    query: (d) => mentorQuery(d, 'sygedagpenge', { attributes: { sickPayCategory: 3 } }),
    before: ['rule:5000', '5.68.90/1/108', CAP_B],
    after: ['rule:0', '5.68.90/1/106', null],
  },
  {
    label: '1/7-2019 dagpenge mentor (107 → 106)',
    dayBefore: '2019-06-30',
    dayOf: '2019-07-01',
    query: (d) => mentorQuery(d, 'dagpenge'),
    before: ['rule:0', '5.68.90/1/107', null],
    after: ['rule:0', '5.68.90/1/106', null],
  },
  {
    label: '1/1-2022 ressourceforløb øvrig vejledning',
    dayBefore: '2021-12-31',
    dayOf: '2022-01-01',
    query: (d) => expenseQuery(d, 'ressourceforloeb', 'guidance_upskilling', 'course_fee'),
    before: ['rule:5000', '5.68.90/1/093', null],
    after: ['no_rule', ''],
  },
  {
    label: '1/1-2022 ressourceforløb mentor (095 → the general no-refund mentor grouping 106)',
    dayBefore: '2021-12-31',
    dayOf: '2022-01-01',
    query: (d) => mentorQuery(d, 'ressourceforloeb'),
    before: ['rule:5000', '5.68.90/1/095', null],
    after: ['rule:0', '5.68.90/1/106', null],
  },
  {
    label: '1/7-2014 jobafklaringsforløb starts',
    dayBefore: '2014-06-30',
    dayOf: '2014-07-01',
    query: (d) => expenseQuery(d, 'jobafklaring', 'guidance_upskilling', 'course_fee'),
    before: ['no_rule', ''],
    after: ['rule:5000', '5.68.90/1/097', null],
  },
  {
    label: '1/1-2015 dagpenge øvrig vejledning',
    dayBefore: '2014-12-31',
    dayOf: '2015-01-01',
    query: (d) => expenseQuery(d, 'dagpenge', 'guidance_upskilling', 'course_fee'),
    before: ['rule:5000', '5.68.90/1/002', CAP_A],
    after: ['rule:0', '5.68.90/1/016', null],
  },
  {
    label: '1/1-2015 sygedagpenge kategori 1',
    dayBefore: '2014-12-31',
    dayOf: '2015-01-01',
    query: (d) =>
      expenseQuery(d, 'sygedagpenge', 'guidance_upskilling', 'course_fee', {
        attributes: { sickPayCategory: 1 },
      }),
    before: ['rule:5000', '5.68.90/1/008', CAP_B],
    after: ['no_rule', ''],
  },
  {
    label: '1/1-2015 mentor aktivitetsparat kontanthjælp: 2014 ambiguous → mentorramme',
    dayBefore: '2014-12-31',
    dayOf: '2015-01-01',
    query: (d) => mentorQuery(d, 'kontanthjaelp', aktivitetsparat),
    before: ['ambiguous', ''],
    after: ['rule:5000', '5.68.90/1/017', 'mentorramme'],
  },
  {
    label: '1/1-2016 mentor aktivitetsparat kontanthjælp: mentorramme → driftsloft',
    dayBefore: '2015-12-31',
    dayOf: '2016-01-01',
    query: (d) => mentorQuery(d, 'kontanthjaelp', aktivitetsparat),
    before: ['rule:5000', '5.68.90/1/017', 'mentorramme'],
    after: ['rule:5000', '5.68.90/1/017', CAP_A],
  },
  {
    label: '1/1-2016 mentor sygedagpenge: mentorramme → driftsloft',
    dayBefore: '2015-12-31',
    dayOf: '2016-01-01',
    query: (d) => mentorQuery(d, 'sygedagpenge', { attributes: { sickPayCategory: 2 } }),
    before: ['rule:5000', '5.68.90/1/019', 'mentorramme'],
    after: ['rule:5000', '5.68.90/1/019', CAP_B],
  },
  {
    label: '1/1-2016 jobparat kontanthjælp øvrig vejledning after 24 months',
    dayBefore: '2015-12-31',
    dayOf: '2016-01-01',
    query: (d) =>
      expenseQuery(d, 'kontanthjaelp', 'guidance_upskilling', 'course_fee', {
        attributes: { readiness: 'jobparat' },
        monthsUnemployed: 30,
      }),
    before: ['rule:5000', '5.68.90/1/004', CAP_A],
    after: ['rule:0', '5.68.90/1/014', null],
  },
  {
    label: '1/1-2020 aids for kontanthjælp (accounts from budget 2020)',
    dayBefore: '2019-12-31',
    dayOf: '2020-01-01',
    query: (d) => expenseQuery(d, 'kontanthjaelp', 'guidance_upskilling', 'work_tools'),
    before: ['no_rule', ''],
    after: ['rule:5000', '5.68.98/1/106', null],
  },
  {
    label: '1/1-2020 work tools for dagpenge (no source before the 2020 chart, like every other group)',
    dayBefore: '2019-12-31',
    dayOf: '2020-01-01',
    query: (d) => expenseQuery(d, 'dagpenge', 'guidance_upskilling', 'work_tools'),
    before: ['no_rule', ''],
    after: ['rule:5000', '5.68.91/1/006', null],
  },
  {
    label: '1/8-2020 § 97 a starts',
    dayBefore: '2020-07-31',
    dayOf: '2020-08-01',
    query: (d) => expenseQuery(d, 'dagpenge', 'education_97a', 'course_fee'),
    before: ['no_rule', ''],
    after: ['rule:8000', '5.68.98/1/113', null],
  },
  {
    label: '1/1-2023 § 97 a: H1 2023 gap',
    dayBefore: '2022-12-31',
    dayOf: '2023-01-01',
    query: (d) => expenseQuery(d, 'dagpenge', 'education_97a', 'course_fee'),
    before: ['rule:8000', '5.68.98/1/113', null],
    after: ['ambiguous', ''],
  },
  {
    label: '1/7-2023 § 97 a: 2nd half 2023 and permanent',
    dayBefore: '2023-06-30',
    dayOf: '2023-07-01',
    query: (d) => expenseQuery(d, 'dagpenge', 'education_97a', 'course_fee'),
    before: ['ambiguous', ''],
    after: ['rule:8000', '5.68.98/1/113', null],
  },
  {
    label: '1/1-2025 integration programme (rådighedsloft 2025)',
    dayBefore: '2024-12-31',
    dayOf: '2025-01-01',
    query: (d) =>
      expenseQuery(d, 'integration_programme', 'guidance_upskilling', 'course_fee', {
        attributes: { selfSupporting: false },
      }),
    before: ['no_rule', ''],
    after: ['rule:5000', '5.46.60/1/001', 'integration_raadighedsloft'],
  },
  {
    label: '1/1-2018 introduktionsforløb (no loft from 2018)',
    dayBefore: '2017-12-31',
    dayOf: '2018-01-01',
    query: (d) => expenseQuery(d, 'integration_introduction', 'guidance_upskilling', 'course_fee'),
    before: ['no_rule', ''],
    after: ['rule:5000', '5.46.60/1/-', null],
  },
];

describe('cut-off dates, day before and day of', () => {
  it.each(CUT_OFFS)('$label', ({ dayBefore, dayOf, query, before, after }) => {
    const [b, a] = [decide(query(dayBefore)), decide(query(dayOf))];
    expect([summary(b), costAccountOf(b)]).toEqual(before.slice(0, 2));
    expect([summary(a), costAccountOf(a)]).toEqual(after.slice(0, 2));
    if (before[2] !== undefined) expect(b).toHaveProperty('cap', before[2]);
    if (after[2] !== undefined) expect(a).toHaveProperty('cap', after[2]);
    expect(b.validTo).toBe(dayBefore);
    expect(a.validFrom).toBe(dayOf);
  });

  it('a sygedagpenge decision for 2019-06-15 ends 2019-06-30 (the ledger splits the cost period there)', () => {
    const decision = decide(
      expenseQuery('2019-06-15', 'sygedagpenge', 'guidance_upskilling', 'course_fee', {
        attributes: { sickPayCategory: 3 },
      }),
    );
    expect(decision).toMatchObject({ outcome: 'rule', validFrom: '2014-01-01', validTo: '2019-06-30' });
  });

  it('1/7-2019 sygedagpenge without a kategori: the rate becomes 0 % for every kategori, the account still depends on it (000 2 A and kap. 3; 001 grp 111 "visiteret til gruppe 2 eller 3")', () => {
    const ask = (date: string, sickPayCategory?: 1 | 2 | 3) =>
      decide(
        expenseQuery(
          date,
          'sygedagpenge',
          'ordinary_education',
          'course_fee',
          sickPayCategory === undefined ? {} : { attributes: { sickPayCategory } },
        ),
      );
    expect(ask('2019-06-30')).toMatchObject({
      outcome: 'no_rule',
      ruleId: 'SDP-NOCAT-2015',
      validTo: '2019-06-30',
    });
    expect(ask('2019-06-30')).not.toHaveProperty('indicatedRateBasisPoints');
    expect(ask('2019-07-01')).toMatchObject({
      outcome: 'no_rule',
      ruleId: 'SDP-NOCAT-2019H2',
      validFrom: '2019-07-01',
      validTo: '9999-12-31',
      indicatedRateBasisPoints: 0,
      costAccount: null,
    });
    // kategori 1 stays off the authorised groupings after 1/7-2019 too; kategori 2 and 3 go to 111
    expect(ask('2025-07-01', 1)).toMatchObject({
      outcome: 'no_rule',
      ruleId: 'SDP-K1-2015',
      indicatedRateBasisPoints: 0,
      costAccount: null,
    });
    expect((ask('2025-07-01', 1) as { reason: string }).reason).toMatch(/gruppe 2 eller 3.*unauthorised/);
    for (const category of [2, 3] as const)
      expect(costAccountOf(ask('2025-07-01', category))).toBe('5.68.90/1/111');
  });

  it('1/1-2022 ressourceforløb operating costs and § 176: 0 % indicated, but no grouping in the sources (093/094/096 are "med 50 pct. refusion")', () => {
    for (const expenseType of ['course_fee', 'extra_cost_allowance'] as const) {
      expect(
        decide(expenseQuery('2022-01-01', 'ressourceforloeb', 'guidance_upskilling', expenseType)),
      ).toMatchObject({
        outcome: 'no_rule',
        ruleId: 'RF-2022',
        indicatedRateBasisPoints: 0,
        costAccount: null,
        validFrom: '2022-01-01',
      });
    }
  });

  it('a date before the rulebook (2013) is an explicit no_rule ending 2013-12-31', () => {
    expect(decide(expenseQuery('2013-12-31', 'dagpenge', 'ordinary_education', 'course_fee'))).toMatchObject({
      outcome: 'no_rule',
      validTo: '2013-12-31',
      costAccount: null,
    });
  });
});
