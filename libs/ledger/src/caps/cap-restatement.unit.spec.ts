// The cap stage over the municipality ledger, on the real rulebook: integration rådighedsloft
// 2025, 50 % within 43,363 kr per full-year participant (seed000.md Bilag 1, rule INT-PROG-OFFER for a
// ydelsesmodtager);
// the capped refund is min(Σ refunds, round(min(eligible, allowance) × 50 %)) (cap.ts).
import { formatOere } from '@app/domain';
import type { LedgerEvent } from '../municipality-ledger/apply-to-ledger';
import { givenEvents, ledgerEvents } from '../testing/given-ledger-events';

const l = ledgerEvents();
const april = l.at('2025-04-10T09:00:00Z');
const cap = 'integration_raadighedsloft';
const adjustmentsOf = (postings: { kind: string; bookingPeriod: string; refundOere: number | null }[]) =>
  postings
    .filter((p) => p.kind === 'cap_adjustment')
    .map((p) => [p.bookingPeriod, formatOere(p.refundOere!)]);
const course = (personId: string, expenseId: string, amount: string, at = april): LedgerEvent[] => [
  at.targetGroupChanged(personId, 'integration_programme', '2025-01-01', {
    attributes: { selfSupporting: false },
  }),
  at.expenseRecorded(personId, `o-${expenseId}`, expenseId, amount, '2025-03-01', '2025-03-31'),
];

describe('cap restatement', () => {
  it('without parameters nothing is capped: the capped postings count, no adjustment is posted', () => {
    const { ledger, postings } = givenEvents([]).when(...course('p1', 'e1', '100000.00'));
    expect(adjustmentsOf(postings)).toEqual([]);
    expect(ledger.books.caps.get(`2025/${cap}`)).toMatchObject({
      eligibleCostsOere: 10_000_000n,
      refundBeforeCapOere: 5_000_000n,
      rateBasisPoints: 5000,
      adjustmentsOere: 0n,
    });
  });

  it('parameters under the costs: the refund is 50 % of the allowance (2 × 43,363.00 = 86,726.00 → 43,363.00; −6,637.00 in May)', () => {
    const { outcomes, postings } = givenEvents(course('p1', 'e1', '100000.00')).when(
      l.at('2025-05-05T09:00:00Z').capParametersSet(2025, cap, '43363.00', '2'),
    );
    expect(adjustmentsOf(postings)).toEqual([['2025-05', '-6637.00']]);
    expect(outcomes[0].facts.find((f) => f.type === 'cap_restated')).toMatchObject({
      computation: {
        status: 'allowance_exceeded',
        allowanceOere: 8_672_600n,
        limitOere: 4_336_300n,
        deltaOere: -663_700n,
      },
    });
  });

  it('new parameters and more costs restate the year by the difference, caused by the event that changed the figures', () => {
    const given = [
      ...course('p1', 'e1', '100000.00'),
      l.at('2025-05-05T09:00:00Z').capParametersSet(2025, cap, '43363.00', '2'),
    ];
    const june = l.at('2025-06-10T09:00:00Z');
    // 2.10 persons: allowance 91,062.30, refund 45,531.15 → +2,168.15; 10,000.00 more costs over the allowance: their 5,000.00 taken back
    const { postings } = givenEvents(given).when(
      june.capParametersSet(2025, cap, '43363.00', '2.1'),
      ...course('p2', 'e2', '10000.00', june),
    );
    expect(adjustmentsOf(postings)).toEqual([
      ['2025-06', '2168.15'],
      ['2025-06', '-5000.00'],
    ]);
  });

  it('within the allowance every posting keeps its own refund (60,000.00 costs, 86,726.00 allowance)', () => {
    const { outcomes } = givenEvents(course('p1', 'e1', '60000.00')).when(
      l.at('2025-05-05T09:00:00Z').capParametersSet(2025, cap, '43363.00', '2'),
    );
    expect(outcomes[0].postings).toEqual([]);
    expect(outcomes[0].facts.find((f) => f.type === 'cap_year_changed')).toMatchObject({
      capYear: { parameters: { amountPerFullYearPersonOere: 4_336_300, fullYearPersonsHundredths: 200 } },
    });
  });

  it('a closed year is not restated: parameters set after the close change nothing', () => {
    const closed = [
      ...course('p1', 'e1', '100000.00'),
      l.at('2026-01-20T09:00:00Z').accountingYearClosed(2025),
    ];
    const { outcomes } = givenEvents(closed).when(
      l.at('2026-02-01T09:00:00Z').capParametersSet(2025, cap, '43363.00', '2'),
    );
    expect(outcomes[0].postings).toEqual([]);
    expect(outcomes[0].facts.map((f) => f.type)).toEqual(['cap_parameters_set']);
  });
});

describe('closing a year', () => {
  it('a correction caused after the close lands in the first open period, marked as relating to the closed year', () => {
    const given = [...course('p1', 'e1', '3100.00'), l.at('2026-01-20T09:00:00Z').accountingYearClosed(2025)];
    const { outcomes } = givenEvents(given).when(
      l.at('2026-01-25T09:00:00Z').expenseReversed('p1', 'o-e1', 'e1', '3100.00', '2025-03-01', '2025-03-31'),
    );
    expect(
      outcomes[0].postings.map(({ posting: p, relatesToClosedYear }) => [
        p.kind,
        p.bookingPeriod,
        formatOere(p.amountOere),
        formatOere(p.refundOere!),
        relatesToClosedYear,
      ]),
    ).toEqual([['reversal', '2026-01', '-3100.00', '-1550.00', 2025]]);
  });

  it('a posting caused in a closed year is booked in January of the next open year', () => {
    const given = [
      l.at('2025-12-01T09:00:00Z').accountingYearClosed(2025),
      l.at('2025-12-01T09:00:00Z').accountingYearClosed(2026),
    ];
    const { postings } = givenEvents(given).when(
      ...course('p1', 'e1', '100.00', l.at('2025-12-10T09:00:00Z')),
    );
    expect(postings.map((p) => p.bookingPeriod)).toEqual(['2027-01']);
  });
});
