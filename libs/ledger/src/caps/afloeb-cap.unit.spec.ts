// Afløb of the 2014-2018 driftslofter: costs of activity in 2018 booked in 2019 count against the booking year's cap,
// whose allowance the chart names as that of 2018 (kontant- og uddannelseshjælp) or of 1. halvår 2019 (dagpenge)
// (001 L1967-L1995). The sources give no amounts, so finance sets the booking year's parameters to it; until then the
// refund before the cap stands and the computation says why. Refund within the cap: 50 % of min(eligible, allowance)
// (003 §2.1, L273-L291).
import { computeCap } from './cap';
import { givenEvents, ledgerEvents } from '../testing/given-ledger-events';

const l = ledgerEvents();
const february2019 = l.at('2019-02-04T09:00:00Z');
const cap = 'driftsloft_dagpenge_kontanthjaelp';
const afloeb = [
  february2019.targetGroupChanged('p1', 'kontanthjaelp', '2018-01-01', {
    attributes: { readiness: 'aktivitetsparat' },
  }),
  february2019.expenseRecorded('p1', 'o1', 'e1', '10000.00', '2018-12-01', '2018-12-31', {
    offerKind: 'guidance_upskilling',
  }),
];

describe('afløb of the driftsloft booked in 2019 (001 L1967-L1995)', () => {
  it('a 10.000,00 kr course of December 2018 booked in February 2019: 10.000,00 × 50 % = 5.000,00 kr, counted in 2019, uncapped while 2019 has no parameters, and the computation names the allowance the chart ties it to', () => {
    const { ledger, postings } = givenEvents([]).when(...afloeb);
    expect(postings.map((p) => [p.bookingPeriod, p.refundOere, p.cap])).toEqual([['2019-02', 500_000, cap]]);
    const capYear = ledger.books.caps.get(`2019/${cap}`)!;
    const computation = computeCap(capYear);
    expect(computation).toMatchObject({ status: 'no_parameters', cappedRefundOere: 500_000n, deltaOere: 0n });
    expect(computation.formula).toContain('allowance of 2018 (kontant- og uddannelseshjælp');
    expect(computation.formula).toContain('001 L1967-L1995');
  });

  it("finance sets 2019's parameters to the 2018 allowance (say 2.000,00 kr × 2 full-year persons = 4.000,00 kr): 50 % × min(10.000,00, 4.000,00) = 2.000,00 kr, an adjustment of −3.000,00 kr", () => {
    const { postings } = givenEvents(afloeb).when(
      l.at('2019-03-01T09:00:00Z').capParametersSet(2019, cap, '2000.00', '2'),
    );
    expect(postings.map((p) => [p.kind, p.bookingPeriod, p.refundOere])).toEqual([
      ['cap_adjustment', '2019-03', -300_000],
    ]);
  });

  it('in a year of the driftsloft itself the computation says only that no parameters are set', () => {
    const { ledger } = givenEvents([]).when(
      l.at('2018-12-10T09:00:00Z').targetGroupChanged('p1', 'kontanthjaelp', '2018-01-01', {
        attributes: { readiness: 'aktivitetsparat' },
      }),
      l.at('2018-12-10T09:00:00Z').expenseRecorded('p1', 'o1', 'e1', '10000.00', '2018-11-01', '2018-11-30', {
        offerKind: 'guidance_upskilling',
      }),
    );
    expect(computeCap(ledger.books.caps.get(`2018/${cap}`)!).formula).toMatch(
      /^no cap parameters for this year: the refund before the cap stands;/,
    );
  });
});
