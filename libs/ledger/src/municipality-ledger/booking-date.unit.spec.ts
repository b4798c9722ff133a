// The municipality's booking date (RecordOfferExpense.bookingDate, API.md (2)): a January invoice
// for December activity is booked into the old year's last period while that year is open — the
// supplementary period, seed 001 L4151-L4154 ("regnskabsføringen i supplementsperioden": amounts
// settled then belong to "regnskabet for foregående regnskabsår") — and, once finance has closed
// the year, into the first open period, marked as relating to the closed year (DOMAIN.md L76-L77).
//
// Figures: p1 is in jobafklaring from 2025-01-01; an ordinary-education course fee of 3100.00 for
// December 2025 (31 days), one segment, refunded at 50 % under JA-OPS (seed 000 Bilag 3, LAB § 195:
// jobafklaring operating costs 50 % without cap) = 1550.00. A retroactive regrouping into dagpenge
// from 2025-12-17 splits it 16/31 and 15/31 days: 3100.00 × 16/31 = 1600.00 at 50 % = 800.00, and
// 1500.00 in dagpenge at 0 % (no refund of dagpenge recipients' course costs from 1/7-2019, seed 000 §2-3).
import { bookingDateOf } from '../reconcile';
import { givenEvents, ledgerEvents } from '../testing/given-ledger-events';

const l = ledgerEvents();
const history = [
  l.at('2025-11-20T09:00:00Z').targetGroupChanged('p1', 'jobafklaring', '2025-01-01'),
  l.at('2025-11-20T09:00:00Z').offerRegistered('p1', 'o1', '2025-12-01', '2025-12-31'),
];
const januaryInvoice = l
  .at('2026-01-12T10:00:00Z')
  .expenseRecorded('p1', 'o1', 'e1', '3100.00', '2025-12-01', '2025-12-31', { bookingDate: '2025-12-31' });

describe('booking dates and the supplementary period', () => {
  it('a January invoice with a December booking date is booked in 2025-12 while 2025 is open', () => {
    const booked = givenEvents(history).when(januaryInvoice);
    const [posting] = booked.thenPostings([
      ['original', 'jobafklaring', '2025-12-01', '2025-12-31', '3100.00', '50', '1550.00', '2025-12'],
    ]);
    expect(posting.bookingDate).toBe('2025-12-31');
    expect(booked.outcomes[0].postings[0].relatesToClosedYear).toBeNull();
  });

  it('after finance closed 2025 the same invoice lands in 2026-01, marked as relating to 2025', () => {
    const booked = givenEvents([...history, l.at('2026-01-10T08:00:00Z').accountingYearClosed(2025)]).when(
      januaryInvoice,
    );
    const [posting] = booked.thenPostings([
      ['original', 'jobafklaring', '2025-12-01', '2025-12-31', '3100.00', '50', '1550.00', '2026-01'],
    ]);
    expect(posting.bookingDate).toBe('2025-12-31');
    expect(booked.outcomes[0].postings[0].relatesToClosedYear).toBe(2025);
  });

  it('a later correction without a booking date of its own is booked when recorded', () => {
    givenEvents([...history, januaryInvoice])
      .when(l.at('2026-02-03T10:00:00Z').targetGroupChanged('p1', 'dagpenge', '2025-12-17'))
      .thenPostings([
        ['reversal', 'jobafklaring', '2025-12-01', '2025-12-31', '-3100.00', '50', '-1550.00', '2026-02'],
        ['rebooking', 'jobafklaring', '2025-12-01', '2025-12-16', '1600.00', '50', '800.00', '2026-02'],
        ['rebooking', 'dagpenge', '2025-12-17', '2025-12-31', '1500.00', '0', '0.00', '2026-02'],
      ])
      .forEach((p) => expect(p.bookingDate).toBeUndefined());
  });

  it('an expense without a booking date is booked in the month it is recorded, as before', () => {
    givenEvents(history)
      .when(
        l.at('2026-01-12T10:00:00Z').expenseRecorded('p1', 'o1', 'e1', '3100.00', '2025-12-01', '2025-12-31'),
      )
      .thenPostings([
        ['original', 'jobafklaring', '2025-12-01', '2025-12-31', '3100.00', '50', '1550.00', '2026-01'],
      ]);
  });

  it('a project invoice is shared in its booking date’s period, and after the close in the first open one', () => {
    // Two participants, all of December each: D = 62 participant-days, C(31) = round(3,100.00 × 31/62) = 1,550.00
    // each (003 L4210-L4213); p1 jobafklaring 50 % (JA-OPS) = 775.00, p2 dagpenge 0 % (seed 000 §2-3).
    const P = { projectId: 'P' };
    const november = l.at('2025-11-20T09:00:00Z');
    const project = [
      ...history,
      november.targetGroupChanged('p2', 'dagpenge', '2025-01-01'),
      november.projectRegistered('P', '2025-12-01', '2025-12-31'),
      november.offerRegistered('p1', 'o2', '2025-12-01', '2025-12-31', P),
      november.offerRegistered('p2', 'o3', '2025-12-01', '2025-12-31', P),
    ];
    const invoice = l
      .at('2026-01-12T10:00:00Z')
      .projectExpenseRecorded('P', 'inv1', '3100.00', '2025-12-01', '2025-12-31', {
        bookingDate: '2025-12-31',
      });
    givenEvents(project)
      .when(invoice)
      .thenPostings([
        ['original', 'jobafklaring', '2025-12-01', '2025-12-31', '1550.00', '50', '775.00', '2025-12'],
        ['original', 'dagpenge', '2025-12-01', '2025-12-31', '1550.00', '0', '0.00', '2025-12'],
      ]);
    const closed = givenEvents([...project, l.at('2026-01-10T08:00:00Z').accountingYearClosed(2025)]).when(
      invoice,
    );
    closed.thenPostings([
      ['original', 'jobafklaring', '2025-12-01', '2025-12-31', '1550.00', '50', '775.00', '2026-01'],
      ['original', 'dagpenge', '2025-12-01', '2025-12-31', '1550.00', '0', '0.00', '2026-01'],
    ]);
    expect(closed.outcomes[0].postings.map((p) => [p.relatesToClosedYear, p.posting.bookingDate])).toEqual([
      [2025, '2025-12-31'],
      [2025, '2025-12-31'],
    ]);
  });

  it('a carve-out is booked in its booking date’s period like an expense, and after the close in the first open one', () => {
    // The project's December as above, its invoice booked in 2025-12. A carve-out of 2.00 h × 451.00 kr = 902.00
    // (time registration, VEJ 9584 3.1 L479-L482; DUT 451 kr at 2025-pl, L466-L469, given in the command)
    // recorded in January with booking date 2025-12-31: on 6.45.53 at 0 % and deducted in proportion to the
    // two shares of 1,550.00 (K = 310,000 øre): d1 = round(90,200 × 155,000 / 310,000) = 45,100, d2 = 45,100;
    // p1's deduction at 50 % (JA-OPS) = −225.50, p2's at 0 %.
    const P = { projectId: 'P' };
    const november = l.at('2025-11-20T09:00:00Z');
    const project = [
      ...history,
      november.targetGroupChanged('p2', 'dagpenge', '2025-01-01'),
      november.projectRegistered('P', '2025-12-01', '2025-12-31'),
      november.offerRegistered('p1', 'o2', '2025-12-01', '2025-12-31', P),
      november.offerRegistered('p2', 'o3', '2025-12-01', '2025-12-31', P),
      l
        .at('2026-01-05T10:00:00Z')
        .projectExpenseRecorded('P', 'inv1', '3100.00', '2025-12-01', '2025-12-31', {
          bookingDate: '2025-12-31',
        }),
    ];
    const carveOut = l
      .at('2026-01-12T10:00:00Z')
      .administrativeShareRecorded(
        'P',
        'as1',
        '2025-12-01',
        '2025-12-31',
        { hours: '2.00', hourlyCost: '451.00', amount: '902.00' },
        { bookingDate: '2025-12-31' },
      );
    const open = givenEvents(project).when(carveOut);
    open.thenPostings([
      ['original', 'jobafklaring', '2025-12-01', '2025-12-31', '-451.00', '50', '-225.50', '2025-12'],
      ['original', 'dagpenge', '2025-12-01', '2025-12-31', '-451.00', '0', '0.00', '2025-12'],
      ['original', null, '2025-12-01', '2025-12-31', '902.00', '0', '0.00', '2025-12'],
    ]);
    expect(open.postings.map((p) => p.bookingDate)).toEqual(['2025-12-31', '2025-12-31', '2025-12-31']);
    expect(open.postings[2].account).toEqual({ function: '6.45.53', dranst: '1', grouping: '-' });
    const closed = givenEvents([...project, l.at('2026-01-10T08:00:00Z').accountingYearClosed(2025)]).when(
      carveOut,
    );
    closed.thenPostings([
      ['original', 'jobafklaring', '2025-12-01', '2025-12-31', '-451.00', '50', '-225.50', '2026-01'],
      ['original', 'dagpenge', '2025-12-01', '2025-12-31', '-451.00', '0', '0.00', '2026-01'],
      ['original', null, '2025-12-01', '2025-12-31', '902.00', '0', '0.00', '2026-01'],
    ]);
    expect(closed.outcomes[0].postings.map((p) => [p.relatesToClosedYear, p.posting.bookingDate])).toEqual([
      [2025, '2025-12-31'],
      [2025, '2025-12-31'],
      [2025, '2025-12-31'],
    ]);
  });

  it('a posting recorded late on a month’s last evening is booked in the next month, as in Copenhagen', () => {
    // 2026-01-31T23:30Z is 00:30 on 1 February in Copenhagen (API.md Conventions: booking periods are Danish).
    const [posting] = givenEvents(history)
      .when(
        l.at('2026-01-31T23:30:00Z').expenseRecorded('p1', 'o1', 'e1', '3100.00', '2025-12-01', '2025-12-31'),
      )
      .thenPostings([
        ['original', 'jobafklaring', '2025-12-01', '2025-12-31', '3100.00', '50', '1550.00', '2026-02'],
      ]);
    expect(bookingDateOf(posting)).toBe('2026-02-01');
  });
});
