// Booking dates over HTTP against the real stack, with the event log given by the caller: the same
// scenarios run on PostgreSQL (booking-dates.e2e.spec.ts) and on EventStoreDB
// (booking-dates.esdb.e2e.spec.ts). A booking date books an expense's or a carve-out's postings in
// its period while the accounting year is open (the supplementsperiode, seed 001 L4151-L4154), else
// in the first open period; without one, postings are booked in the month recorded in Copenhagen.
// Each scenario uses a municipality of its own. Figures are traced to the rulebook rows
// (libs/rules/src/data, citing the seeds).
import { randomUUID } from 'node:crypto';
import type { EventStore } from '@app/event-store';
import { startTestSystem, type TestSystem } from '../../support/test-system';
import { financeClient, type Entry } from './finance-client';

/** Registers the booking-date scenarios on a whole system whose event log `openStore` opens. */
export function describeBookingDateScenarios(
  name: string,
  openStore: (databaseUrl: string) => Promise<EventStore>,
): void {
  describe(`booking dates and the supplementary period (${name})`, () => {
    let system: TestSystem;
    let now = new Date('2025-11-20T09:00:00Z');
    beforeAll(async () => {
      process.env.LOG_REQUESTS = '0';
      system = await startTestSystem({ clock: () => now, openStore });
    });
    afterAll(async () => {
      await system.close();
    });
    const { sendAs, send, get, statement, person, courseExpense, entries } = financeClient(() => system);

    it('a January invoice is booked into the old year until finance closes it, then into the first open period', async () => {
      const m = '306';
      now = new Date('2025-11-20T09:00:00Z');
      const p = await person(m, 'jobafklaring', '2025-01-01');
      // recorded 12 January 2026 with the municipality's booking date 31 December 2025: JA-OPS 50 % of 3,100.00 = 1,550.00
      now = new Date('2026-01-12T10:00:00Z');
      const { commandId, offerId } = await courseExpense(
        m,
        p,
        '2025-12-01',
        '2025-12-31',
        '3100.00',
        '2025-12-31',
      );
      const [inOldYear] = await entries(m);
      expect([inOldYear.bookingPeriod, inOldYear.bookingDate, inOldYear.relatesToClosedYear]).toEqual([
        '2025-12',
        '2025-12-31',
        null,
      ]);
      expect((await statement(m, 2025)).totals).toMatchObject({ cost: '3100.00', refund: '1550.00' });
      const changes = (
        await get(m, '/ledger/changes', { from: '2026-01-12T00:00:00Z', to: '2026-01-13T00:00:00Z' })
      ).body;
      expect(changes.commands.map((c: { commandId: string }) => c.commandId)).toEqual([commandId]);
      expect(changes.commands[0].postings.map((e: Entry) => [e.bookingPeriod, e.bookingDate])).toEqual([
        ['2025-12', '2025-12-31'],
      ]);

      // a booking date after today (in Denmark) is refused and appends nothing
      const future = await sendAs('jobcentre', m, 'RecordOfferExpense', {
        expenseId: `e-${randomUUID()}`,
        offerId,
        expenseType: 'course_fee',
        amount: '10.00',
        activityFrom: '2025-12-01',
        activityTo: '2025-12-31',
        bookingDate: '2026-01-13',
      });
      expect([future.status, future.body.code]).toEqual([422, 'expense.booking_in_future']);

      // finance closes 2025; an invoice booked on 31 December after that lands in 2026-01, relating to 2025
      now = new Date('2026-01-20T09:00:00Z');
      await send(m, 'CloseAccountingYear', { year: 2025 });
      now = new Date('2026-01-22T09:00:00Z');
      await courseExpense(m, p, '2025-12-01', '2025-12-31', '620.00', '2025-12-31'); // JA-OPS 50 %: 310.00
      const late = (await entries(m)).find((e) => e.amount === '620.00')!;
      expect([late.bookingPeriod, late.bookingDate, late.refundAmount, late.relatesToClosedYear]).toEqual([
        '2026-01',
        '2025-12-31',
        '310.00',
        2025,
      ]);
      expect((await statement(m, 2025)).totals).toMatchObject({ cost: '3100.00', refund: '1550.00' });
      expect((await statement(m, 2026)).totals).toMatchObject({
        afloebCost: '620.00',
        afloebRefund: '310.00',
      });
    });

    it('a carve-out with a booking date is booked in that period, and after the close in the first open one', async () => {
      const m = '307';
      now = new Date('2025-11-20T09:00:00Z');
      const p = await person(m, 'jobafklaring', '2025-01-01');
      const projectId = `P-${randomUUID()}`;
      const december = { startDate: '2025-12-01', endDate: '2025-12-31' };
      await send(m, 'RegisterProject', {
        projectId,
        name: 'Lager',
        offerKind: 'ordinary_education',
        ...december,
      });
      await send(m, 'RegisterOffer', {
        offerId: `o-${randomUUID()}`,
        personId: p,
        offerKind: 'ordinary_education',
        projectId,
        ...december,
      });
      // One participant bears the whole invoice: 3,100.00 at 50 % (JA-OPS) = 1,550.00, booked in 2025-12.
      now = new Date('2026-01-12T10:00:00Z');
      const period = { activityFrom: '2025-12-01', activityTo: '2025-12-31' };
      await send(m, 'RecordProjectExpense', {
        expenseId: `e-${randomUUID()}`,
        projectId,
        expenseType: 'course_fee',
        amount: '3100.00',
        bookingDate: '2025-12-31',
        ...period,
      });
      // Time registration (VEJ 9584 3.1 L479-L482) at the DUT standard of 451 kr per hour, 2025-pl (L466-L469,
      // given in the command): 2.00 h × 451.00 = 902.00 on 6.45.53 at 0 %, deducted from the share: −902.00 at 50 %.
      const carveOut = (shareId: string, hours: string, bookingDate: string) =>
        sendAs('jobcentre', m, 'RecordAdministrativeShare', {
          shareId,
          projectId,
          method: 'time_registration',
          hours,
          hourlyCost: '451.00',
          priceLevelYear: 2025,
          methodReference: 'Metode 2, notat 2025-01-15',
          bookingDate,
          ...period,
        });
      const first = await carveOut('as1', '2.00', '2025-12-31');
      expect(first.status).toBe(201);
      const ofCommand = async (commandId: string) =>
        (await entries(m)).filter((e) => e.causedBy.commandId === commandId);
      const brief = (e: Entry) => [
        e.account?.function ?? null,
        e.amount,
        e.refundAmount,
        e.bookingPeriod,
        e.bookingDate,
      ];
      expect((await ofCommand(first.body.commandId)).map(brief)).toEqual([
        ['5.68.90', '-902.00', '-451.00', '2025-12', '2025-12-31'],
        ['6.45.53', '902.00', '0.00', '2025-12', '2025-12-31'],
      ]);
      const changes = (
        await get(m, '/ledger/changes', { from: '2026-01-12T00:00:00Z', to: '2026-01-13T00:00:00Z' })
      ).body;
      const carved = changes.commands.find(
        (c: { commandId: string }) => c.commandId === first.body.commandId,
      );
      expect(carved.postings.map((e: Entry) => [e.bookingPeriod, e.bookingDate])).toEqual([
        ['2025-12', '2025-12-31'],
        ['2025-12', '2025-12-31'],
      ]);
      expect((await statement(m, 2025)).totals).toMatchObject({ refund: '1099.00' }); // 1,550.00 − 451.00

      const future = await carveOut('as-future', '1.00', '2026-01-13');
      expect([future.status, future.body.code]).toEqual([422, 'expense.booking_in_future']);

      // After the close a carve-out booked on 31 December lands in 2026-01, relating to 2025: 1.00 h × 451.00.
      now = new Date('2026-01-20T09:00:00Z');
      await send(m, 'CloseAccountingYear', { year: 2025 });
      now = new Date('2026-01-22T09:00:00Z');
      const late = await carveOut('as2', '1.00', '2025-12-31');
      expect((await ofCommand(late.body.commandId)).map((e) => [...brief(e), e.relatesToClosedYear])).toEqual(
        [
          ['5.68.90', '-451.00', '-225.50', '2026-01', '2025-12-31', 2025],
          ['6.45.53', '451.00', '0.00', '2026-01', '2025-12-31', 2025],
        ],
      );
      expect((await statement(m, 2025)).totals).toMatchObject({ refund: '1099.00' });
    });

    it('without a booking date a posting is booked in the month it was recorded in Copenhagen', async () => {
      // 2026-01-31T23:30Z is 00:30 on 1 February in Copenhagen (API.md Conventions): JA-OPS 50 % of 1,000.00.
      const m = '308';
      now = new Date('2026-01-31T23:30:00Z');
      const p = await person(m, 'jobafklaring', '2026-01-01');
      await courseExpense(m, p, '2026-01-01', '2026-01-31', '1000.00');
      expect(
        (await entries(m)).map((e) => [e.amount, e.refundAmount, e.bookingPeriod, e.bookingDate]),
      ).toEqual([['1000.00', '500.00', '2026-02', '2026-02-01']]);
      // A person with no target group: the cost is posted unresolved, and the statement's line shows the same day.
      await courseExpense(m, `p-${randomUUID()}`, '2026-01-01', '2026-01-31', '200.00');
      const { unresolved } = await statement(m, 2026);
      expect(unresolved.map((u: Entry) => [u.amount, u.bookingPeriod, u.bookingDate])).toEqual([
        ['200.00', '2026-02', '2026-02-01'],
      ]);
    });
  });
}
