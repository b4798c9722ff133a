// Rulebook 2026.12-4 through the municipality ledger: resultattilskud recorded apart and never netted, and the
// corrections that reach a ledger built under 2026.12-3 by adoption (the unresolved lines now name the input that
// resolves them). Every figure: the amount × the rate of the cited passage.
import { givenEvents, ledgerEvents } from '../testing/given-ledger-events';

const l = ledgerEvents();
const june2025 = l.at('2025-06-02T09:00:00Z');
const adoptedDecember2026 = l.at('2026-12-01T06:00:00Z', { eventId: 'adoption-4', commandId: 'adoption-4' });
const ydelsesmodtager = june2025.targetGroupChanged('p1', 'integration_programme', '2025-01-01', {
  attributes: { selfSupporting: false },
});
const course = june2025.expenseRecorded('p1', 'o1', 'e1', '10000.00', '2025-05-01', '2025-05-31');
const withRule = (p: {
  ruleId: string | null;
  refundOere: number | null;
  unresolved: { outcome: string; reason: string } | null;
}) => [p.ruleId, p.refundOere, p.unresolved?.reason.slice(0, 24) ?? null];

describe('resultattilskud (IL § 45, stk. 9; Bilag 1 L1597-L1598: "skal ikke modregnes")', () => {
  it('a course of 10.000,00 kr in May 2025 for a ydelsesmodtager: 10.000,00 × 50 % = 5.000,00 kr on 001 (L1523-L1526, L1541-L1544); a resultattilskud of 15.000,00 kr recorded on the offer leaves it 5.000,00 kr', () => {
    const { postings } = givenEvents([ydelsesmodtager], { rulebook: '2026.12-4' }).when(
      course,
      june2025.expenseRecorded('p1', 'o1', 'e2', '-15000.00', '2025-05-01', '2025-05-31', {
        expenseType: 'result_grant',
      }),
    );
    expect(postings.map(withRule)).toEqual([
      ['INT-PROG-OFFER', 500000, null],
      [null, null, 'Resultattilskud is not n'],
    ]);
    expect(postings[0]).toMatchObject({ account: { function: '5.46.60', grouping: '001' } });
    expect(postings[1]).toMatchObject({
      amountOere: -1_500_000,
      refundOere: null,
      account: null,
      refundAccount: null,
      cap: null,
      ruleId: null,
      rulebookVersion: '2026.12-4',
      unresolved: { outcome: 'no_rule', reason: expect.stringContaining('skal ikke modregnes') },
    });
  });

  it('the same 15.000,00 kr recorded as operating income would net: −15.000,00 × 50 % = −7.500,00 kr off the refund', () => {
    givenEvents([ydelsesmodtager, course])
      .when(
        june2025.expenseRecorded('p1', 'o1', 'e2', '-15000.00', '2025-05-01', '2025-05-31', {
          expenseType: 'operating_income',
        }),
      )
      .thenPostings([
        [
          'original',
          'integration_programme',
          '2025-05-01',
          '2025-05-31',
          '-15000.00',
          '50',
          '-7500.00',
          '2025-06',
        ],
      ]);
  });
});

describe('adopting 2026.12-4 over a ledger built under 2026.12-3', () => {
  const built = [
    // no selfSupporting: Bilag 1 L1541-L1566 has no default grouping
    june2025.targetGroupChanged('p1', 'integration_programme', '2025-01-01'),
    course,
    // a jobparat kontanthjælpsmodtager in 2016 with no unemployment spell: the 9-month rule cannot be read (003 L1638-L1641)
    june2025.targetGroupChanged('p2', 'kontanthjaelp', '2016-01-01', {
      attributes: { readiness: 'jobparat' },
    }),
    june2025.expenseRecorded('p2', 'o2', 'e3', '6100.00', '2016-09-01', '2016-10-31'),
    // decided alike under both: 4.000,00 × 50 % = 2.000,00 kr (Bilag 3)
    june2025.targetGroupChanged('p3', 'jobafklaring', '2025-01-01'),
    june2025.expenseRecorded('p3', 'o3', 'e4', '4000.00', '2025-03-01', '2025-03-31'),
  ];

  it('re-posts the two unresolved lines in 2026-12 with reasons that name the attribute to send, caused by the adoption; the jobafklaring course stands', () => {
    const before = givenEvents([], { rulebook: '2026.12-3' }).when(...built).postings;
    expect(before.map(withRule)).toEqual([
      [null, null, 'Bilag 1 books programme '],
      [null, null, 'The 9-month rule needs m'],
      ['JA-OPS', 200000, null],
    ]);
    const postings = givenEvents(built, { rulebook: '2026.12-3' })
      .when(adoptedDecember2026.rulebookAdopted('2026.12-4'))
      .thenPostings([
        ['reversal', 'integration_programme', '2025-05-01', '2025-05-31', '-10000.00', null, null, '2026-12'],
        ['rebooking', 'integration_programme', '2025-05-01', '2025-05-31', '10000.00', null, null, '2026-12'],
        ['reversal', 'kontanthjaelp', '2016-09-01', '2016-10-31', '-6100.00', null, null, '2026-12'],
        ['rebooking', 'kontanthjaelp', '2016-09-01', '2016-10-31', '6100.00', null, null, '2026-12'],
      ]);
    expect(
      postings.map((p) => [p.reverses === null ? p.rulebookVersion : 'reverses', p.causedBy.eventId]),
    ).toEqual([
      ['reverses', 'adoption-4'],
      ['2026.12-4', 'adoption-4'],
      ['reverses', 'adoption-4'],
      ['2026.12-4', 'adoption-4'],
    ]);
    expect(postings[1].unresolved?.reason).toMatch(/send attributes\.selfSupporting/);
    expect(postings[3].unresolved?.reason).toMatch(/send attributes\.unemploymentSpellStart/);
  });

  it('after the adoption the jobcentre sends the spell start 2016-01-15: 44 days at 0 % (grp 013), from 2016-10-15 17 of 61 days = 1.700,00 × 50 % = 850,00 kr (003 L1638-L1641)', () => {
    const december = l.at('2026-12-02T09:00:00Z');
    const postings = givenEvents([...built, adoptedDecember2026.rulebookAdopted('2026.12-4')], {
      rulebook: '2026.12-3',
    })
      .when(
        december.targetGroupChanged('p2', 'kontanthjaelp', '2016-01-01', {
          attributes: { readiness: 'jobparat', unemploymentSpellStart: '2016-01-15' },
        }),
      )
      .thenPostings([
        ['reversal', 'kontanthjaelp', '2016-09-01', '2016-10-31', '-6100.00', null, null, '2026-12'],
        ['rebooking', 'kontanthjaelp', '2016-09-01', '2016-10-14', '4400.00', '0', '0.00', '2026-12'],
        ['rebooking', 'kontanthjaelp', '2016-10-15', '2016-10-31', '1700.00', '50', '850.00', '2026-12'],
      ]);
    expect(postings.map((p) => p.ruleId)).toEqual([null, 'KTH-ORD-JP-LT9', 'KTH-ORD-JP-GE9']);
  });
});
