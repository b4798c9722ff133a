// Afløb of the 2014-2018 driftslofter: costs of activity before 2019 booked later. The chart refunds the afløb of
// kontant- og uddannelseshjælp (5.68.90 groupings 003-004, 011-012, 015, 017, 090-091) "inden for et rådighedsbeløb
// for 2018" and that of dagpenge "inden for rådighedsbeløbet for 1. halvår 2019", each "hvis der er plads til
// refusion" (001 L1971-L1995; revalidering and sygedagpenge likewise, L1997-L2021). From rulebook 2026.12-6 such a
// posting counts against that cap year (afloebCapYears); before it, against its booking year, whose parameters
// finance was to set to that allowance. Refund within the cap: 50 % of min(eligible, allowance) (003 §2.1,
// L273-L291). The sources give no amounts: the 2018 allowance is finance's cap parameters of 2018, here
// 2.000,00 kr × 2 full-year persons = 4.000,00 kr, so at most 50 % × 4.000,00 = 2.000,00 kr of refund.
import { computeCap } from './cap';
import { givenEvents, ledgerEvents } from '../testing/given-ledger-events';

const l = ledgerEvents();
const cap = 'driftsloft_dagpenge_kontanthjaelp';
const aktivitetsparat = { attributes: { readiness: 'aktivitetsparat' as const } };
const guidance = { offerKind: 'guidance_upskilling' as const };
// 2018: a 2.000,00 kr course of November 2018 booked then (refund 1.000,00 kr, room for 1.000,00 kr more).
const year2018 = [
  l.at('2018-11-01T09:00:00Z').targetGroupChanged('p1', 'kontanthjaelp', '2018-01-01', aktivitetsparat),
  l
    .at('2018-12-10T09:00:00Z')
    .expenseRecorded('p1', 'o1', 'e1', '2000.00', '2018-11-01', '2018-11-30', guidance),
  l.at('2018-12-11T09:00:00Z').capParametersSet(2018, cap, '2000.00', '2'),
];
// The afløb: a 10.000,00 kr course of December 2018 booked in February 2019 (refund before the cap 5.000,00 kr).
const afloeb = l
  .at('2019-02-04T09:00:00Z', { eventId: 'afloeb' })
  .expenseRecorded('p1', 'o1', 'e2', '10000.00', '2018-12-01', '2018-12-31', guidance);
const closed2018 = l.at('2019-01-31T09:00:00Z').accountingYearClosed(2018);

describe('afløb of kontanthjælp booked in 2019 counts against the 2018 allowance (001 L1987-L1995)', () => {
  it('2018 closed: the 5.000,00 kr afløb refund gets the 1.000,00 kr of room left — 50 % × min(12.000,00, 4.000,00) = 2.000,00 kr less the 1.000,00 kr refunded in 2018; the −4.000,00 kr adjustment is booked with it in 2019-02', () => {
    const { ledger, postings, outcomes } = givenEvents([...year2018, closed2018]).when(afloeb);
    expect(postings.map((p) => [p.kind, p.bookingPeriod, p.refundOere, p.cap])).toEqual([
      ['original', '2019-02', 500_000, cap],
      ['cap_adjustment', '2019-02', -400_000, cap],
    ]);
    expect(postings[1].costItemId).toBe(`cap:2018:${cap}`);
    expect(outcomes[0].postings[1].relatesToClosedYear).toBe(2018);
    expect(ledger.books.caps.has(`2019/${cap}`)).toBe(false);
    expect(computeCap(ledger.books.caps.get(`2018/${cap}`)!)).toMatchObject({
      eligibleCostsOere: 1_200_000n,
      refundBeforeCapOere: 600_000n,
      limitOere: 200_000n,
      deltaOere: 0n,
    });
  });

  it('2018 still open (the supplementary period): the same −4.000,00 kr, booked in 2018-12 as every adjustment of the year', () => {
    const { postings } = givenEvents(year2018).when(afloeb);
    expect(postings.map((p) => [p.kind, p.bookingPeriod, p.refundOere])).toEqual([
      ['original', '2019-02', 500_000],
      ['cap_adjustment', '2018-12', -400_000],
    ]);
  });

  it('afløb of a dagpenge course in 1. halvår 2019 (DP-ORD-2014, grouping 001) booked in 2020 counts against the cap year 2019 (001 L1971-L1985)', () => {
    const { ledger } = givenEvents([]).when(
      l.at('2020-02-03T09:00:00Z').targetGroupChanged('p2', 'dagpenge', '2019-01-01'),
      l.at('2020-02-03T09:00:00Z').expenseRecorded('p2', 'o2', 'e3', '1000.00', '2019-05-01', '2019-05-31'),
    );
    expect([...ledger.books.caps.keys()]).toEqual([`2019/${cap}`]);
  });
});

describe('under 2026.12-5 the afløb counted against its booking year', () => {
  it('a 10.000,00 kr course of December 2018 booked in February 2019: 10.000,00 × 50 % = 5.000,00 kr, counted in 2019, uncapped while 2019 has no parameters, and the computation names the allowance the chart ties it to', () => {
    const { ledger, postings } = givenEvents([], { rulebook: '2026.12-5' }).when(year2018[0], afloeb);
    expect(postings.map((p) => [p.bookingPeriod, p.refundOere, p.cap])).toEqual([['2019-02', 500_000, cap]]);
    const computation = computeCap(ledger.books.caps.get(`2019/${cap}`)!);
    expect(computation).toMatchObject({ status: 'no_parameters', cappedRefundOere: 500_000n, deltaOere: 0n });
    expect(computation.formula).toContain('allowance of 2018 (kontant- og uddannelseshjælp');
    expect(computation.formula).toContain('001 L1967-L2021');
  });

  it('adopting 2026.12-6 in December 2026 moves it into the 2018 cap year: the −4.000,00 kr adjustment there (2018 open: in 2018-12), caused by the adoption; 2019 has nothing left to cap', () => {
    const built = [...year2018, afloeb];
    const { ledger, postings } = givenEvents(built, { rulebook: '2026.12-5' }).when(
      l.at('2026-12-01T06:00:00Z', { eventId: 'adoption' }).rulebookAdopted('2026.12-6'),
    );
    expect(
      postings.map((p) => [p.kind, p.costItemId, p.bookingPeriod, p.refundOere, p.rulebookVersion]),
    ).toEqual([['cap_adjustment', `cap:2018:${cap}`, '2018-12', -400_000, '2026.12-6']]);
    expect(ledger.books.caps.get(`2019/${cap}`)).toMatchObject({
      eligibleCostsOere: 0n,
      refundBeforeCapOere: 0n,
    });
  });

  it('in a year of the driftsloft itself the computation says only that no parameters are set', () => {
    const { ledger } = givenEvents([]).when(
      l.at('2018-12-10T09:00:00Z').targetGroupChanged('p1', 'kontanthjaelp', '2018-01-01', aktivitetsparat),
      l
        .at('2018-12-10T09:00:00Z')
        .expenseRecorded('p1', 'o1', 'e1', '10000.00', '2018-11-01', '2018-11-30', guidance),
    );
    expect(computeCap(ledger.books.caps.get(`2018/${cap}`)!).formula).toMatch(
      /^no cap parameters for this year: the refund before the cap stands;/,
    );
  });
});
