// Integration-law inputs, the 9-month rule's exception and costs the sources treat apart, through the municipality
// ledger on the rulebook this code adopts. Every figure: the amount × the rate of the cited passage.
import { givenEvents, ledgerEvents } from '../testing/given-ledger-events';

const l = ledgerEvents();
const june = l.at('2025-06-02T09:00:00Z');
const inProgramme = (attributes: { selfSupporting?: boolean; programmeExpired?: boolean }) =>
  june.targetGroupChanged('p1', 'integration_programme', '2025-01-01', { attributes });
const brief = (p: {
  amountOere: number;
  refundOere: number | null;
  account: { function: string; grouping: string } | null;
  cap: string | null;
  ruleId: string | null;
}) => [
  p.amountOere,
  p.refundOere,
  p.account && `${p.account.function}/${p.account.grouping}`,
  p.cap,
  p.ruleId,
];

describe('integration law (VEJ 9584 2 B, Bilag 1)', () => {
  it('danskuddannelse in the programme: 3.000,00 × 50 % (L1523-L1529) = 1.500,00 kr within the rådighedsloft, grouping 010 for a ydelsesmodtager and 011 for a selvforsørgende (L1570-L1579)', () => {
    for (const [selfSupporting, grouping, rule] of [
      [false, '010', 'INT-PROG-DANISH'],
      [true, '011', 'INT-PROG-DANISH-SELF'],
    ] as const) {
      const { postings } = givenEvents([inProgramme({ selfSupporting })]).when(
        june.expenseRecorded('p1', 'o1', `e-${grouping}`, '3000.00', '2025-05-01', '2025-05-31', {
          offerKind: 'danish_education',
        }),
      );
      expect(postings.map(brief)).toEqual([
        [300000, 150000, `5.46.60/${grouping}`, 'integration_raadighedsloft', rule],
      ]);
    }
  });

  it('danskuddannelse of an S-kursist in the introduktionsforløb: no refund from 2018 (L264-L266, L329-L330), 3.000,00 × 0 % = 0,00 kr', () => {
    const { postings } = givenEvents([
      june.targetGroupChanged('p1', 'integration_introduction', '2025-01-01'),
    ]).when(
      june.expenseRecorded('p1', 'o1', 'e1', '3000.00', '2025-05-01', '2025-05-31', {
        offerKind: 'danish_education',
      }),
    );
    expect(postings.map(brief)).toEqual([[300000, 0, '5.46.60/-', null, 'INT-INTRO-DANISH']]);
  });

  it('opkvalificering og introduktion (IL § 24 a): 4.000,00 × 50 % (L1522-L1526) = 2.000,00 kr within the rådighedsloft on grouping 009 (L1567-L1569)', () => {
    const { postings } = givenEvents([inProgramme({})]).when(
      june.expenseRecorded('p1', 'o1', 'e1', '4000.00', '2025-05-01', '2025-05-31', {
        offerKind: 'integration_upskilling_24a',
      }),
    );
    expect(postings.map(brief)).toEqual([
      [400000, 200000, '5.46.60/009', 'integration_raadighedsloft', 'INT-PROG-24A'],
    ]);
  });

  it('an offer after the programme has run out (IL § 16, stk. 7) is outside the rådighedsloft (L1531-L1532): posted unresolved, uncapped, with the reason', () => {
    const { postings } = givenEvents([inProgramme({ selfSupporting: false, programmeExpired: true })]).when(
      june.expenseRecorded('p1', 'o1', 'e1', '3000.00', '2025-05-01', '2025-05-31'),
    );
    expect(postings.map(brief)).toEqual([[300000, null, null, null, null]]);
    expect(postings[0].unresolved?.reason).toMatch(/outside the rådighedsloft/);
  });

  it('igu offer: the allowance during school teaching, 2.500,00 × 100 % (L372-L382) = 2.500,00 kr, outside the rådighedsloft', () => {
    const { postings } = givenEvents([inProgramme({ selfSupporting: false })]).when(
      june.expenseRecorded('p1', 'o1', 'e1', '2500.00', '2025-05-01', '2025-05-31', {
        offerKind: 'igu',
        expenseType: 'extra_cost_allowance',
      }),
    );
    expect(postings.map(brief)).toEqual([[250000, 250000, '5.46.60/-', null, 'IGU-ALLOWANCE']]);
  });
});

describe('the 9-month rule and its exception (seed 003 L1638-L1641; 001 L1452-L1460)', () => {
  const jobparat2016 = l.at('2016-04-04T09:00:00Z').targetGroupChanged('p1', 'kontanthjaelp', '2016-01-01', {
    attributes: { readiness: 'jobparat', unemploymentSpellStart: '2016-01-01' },
  });
  const march2016 = (offerKind: 'ordinary_education' | 'basic_skills_course') =>
    l
      .at('2016-04-04T09:00:00Z')
      .expenseRecorded('p1', 'o1', `e-${offerKind}`, '6000.00', '2016-03-01', '2016-03-31', {
        offerKind,
      });

  it('ordinary education in the spell’s third month: 6.000,00 × 0 % = 0,00 kr; a reading, writing or arithmetic course then: 6.000,00 × 50 % = 3.000,00 kr', () => {
    const { postings } = givenEvents([jobparat2016]).when(
      march2016('ordinary_education'),
      march2016('basic_skills_course'),
    );
    expect(postings.map((p) => [p.amountOere, p.refundOere, p.ruleId])).toEqual([
      [600000, 0, 'KTH-ORD-JP-LT9'],
      [600000, 300000, 'KTH-ORD-JP-BASIC-SKILLS'],
    ]);
  });
});

describe('costs the sources treat apart (VEJ 9584 6.4-6.5)', () => {
  it('unused places paid under the counting rules (L1115-L1116) are the course’s cost: 1.000,00 × 50 % = 500,00 kr for a person in jobafklaring', () => {
    const { postings } = givenEvents([june.targetGroupChanged('p1', 'jobafklaring', '2025-01-01')]).when(
      june.expenseRecorded('p1', 'o1', 'e1', '1000.00', '2025-05-01', '2025-05-31', {
        expenseType: 'unused_places_counting_rules',
      }),
    );
    expect(postings.map((p) => [p.amountOere, p.refundOere])).toEqual([[100000, 50000]]);
  });

  it('training bought for a company or education mentor (L1267-L1270) is a mentor cost: 2.000,00 × 50 % = 1.000,00 kr in jobafklaring', () => {
    const { postings } = givenEvents([june.targetGroupChanged('p1', 'jobafklaring', '2025-01-01')]).when(
      june.expenseRecorded('p1', 'o1', 'e1', '2000.00', '2025-05-01', '2025-05-31', {
        offerKind: 'mentor',
        expenseType: 'mentor_training',
      }),
    );
    expect(postings.map((p) => [p.amountOere, p.refundOere, p.ruleId])).toEqual([
      [200000, 100000, 'JA-MENTOR'],
    ]);
  });
});
