// Administrative carve-outs of overlapping periods (VEJ 9584, 000_140518b2c182b2de.txt 3.1 L440-L451: each taken out
// of the hovedkonto 5 costs before the refund claim; 4 L706: on 6.45.53 with no refund) come out of the costs in the
// order recorded, each from what the earlier ones left of the days it shares with them (carve-outs-in-order.ts of
// @app/domain): a cost spread over its days by cumulative rounding, a carve-out taking from what still stands in its
// days in proportion, d = round(X × K_through / K) − round(X × K_before / K). What a later change leaves a carve-out
// no cost for is posted unresolved, caused by that change — never carved twice out of the same øre.
import { givenEvents, ledgerEvents } from '../testing/given-ledger-events';

const l = ledgerEvents();
const april = l.at('2025-04-10T09:00:00Z');
const may = l.at('2025-05-02T09:00:00Z');
const EXCESS =
  'the administrative share exceeds the hovedkonto 5 costs of its period: the excess cannot be carved out of them';

describe('carve-outs of an offer outside a project, partly overlapping', () => {
  // The offer of offer-carve-outs.unit.spec.ts: ordinary education 1 March–30 April 2025 of a person in jobafklaring,
  // 50 % (JA-OPS, 000_… Bilag 3); e1 3100.00 for March (31 days), e2 4880.00 for 1 March–30 April (61 days, 80.00 a
  // day). as1: 4.00 h × 451.00 (the DUT standard, 2025-pl, L466-L469) = 1804.00 for March, deducted as there:
  // 1002.22 from e1, 801.78 from e2. as2: 1.00 h × 2000.00 = 2000.00 for 16 March–15 April.
  const o1 = { offerId: 'o1', personId: 'p1' };
  const history = [
    april.targetGroupChanged('p1', 'jobafklaring', '2025-01-01'),
    april.offerRegistered('p1', 'o1', '2025-03-01', '2025-04-30'),
    april.expenseRecorded('p1', 'o1', 'e1', '3100.00', '2025-03-01', '2025-03-31'),
    april.expenseRecorded('p1', 'o1', 'e2', '4880.00', '2025-03-01', '2025-04-30'),
    may.administrativeShareRecorded(o1, 'as1', '2025-03-01', '2025-03-31', {
      hours: '4.00',
      hourlyCost: '451.00',
      amount: '1804.00',
    }),
  ];
  const as2 = may.administrativeShareRecorded(o1, 'as2', '2025-03-16', '2025-04-15', {
    hours: '1.00',
    hourlyCost: '2000.00',
    amount: '2000.00',
  });

  it('the later one takes from what the earlier left of 16–31 March', () => {
    // 1–15 March: e1 round(310,000 × 15 / 31) = 150,000, e2 15 × 8,000 = 120,000; 16–31 March: e1 160,000, e2 128,000.
    // as1 (K = 558,000) took from 16–31 March round(180,400 × 310,000 / 558,000) − round(180,400 × 150,000 / 558,000)
    // = 100,222 − 48,495 = 51,727 of e1 and 180,400 − round(180,400 × 430,000 / 558,000) = 180,400 − 139,018 =
    // 41,382 of e2. as2 finds e1 160,000 − 51,727 = 108,273 and e2 128,000 − 41,382 + 120,000 (1–15 April) =
    // 206,618: K = 314,891, d1 = round(200,000 × 108,273 / 314,891) = round(68,768.8) = 68,769, d2 = 131,231.
    givenEvents(history)
      .when(as2)
      .thenPostings([
        ['original', 'jobafklaring', '2025-03-16', '2025-03-31', '-687.69', '50', '-343.85', '2025-05'],
        ['original', 'jobafklaring', '2025-03-16', '2025-04-15', '-1312.31', '50', '-656.16', '2025-05'],
        ['original', null, '2025-03-16', '2025-04-15', '2000.00', '0', '0.00', '2025-05'],
      ]);
  });

  it('an expense reversed after both: each again from what the earlier left, the rest unresolved', () => {
    // e1 reversed: as1 comes out of e2's March 248,000 alone, −1804.00 (round(180,400 × 120,000 / 248,000) = 87,290
    // of 1–15 March, 93,110 of 16–31 March). as2 finds e2's 128,000 − 93,110 + 120,000 = 154,890 øre: 1548.90 is
    // carved, 2000.00 − 1548.90 = 451.10 is unresolved. (Each limited by the costs alone, as1 1804.00 and as2
    // 2000.00 would both come out of e2's 3600.00 of 1 March–15 April: 3804.00, more than it carries.)
    const reversal = l
      .at('2025-06-02T09:00:00Z', { eventId: 'reversal-of-e1' })
      .expenseReversed('p1', 'o1', 'e1', '3100.00', '2025-03-01', '2025-03-31');
    const reversed = givenEvents([...history, as2]).when(reversal);
    reversed.thenPostings([
      ['reversal', 'jobafklaring', '2025-03-01', '2025-03-31', '-3100.00', '50', '-1550.00', '2025-06'],
      ['reversal', 'jobafklaring', '2025-03-01', '2025-03-31', '1002.22', '50', '501.11', '2025-06'],
      ['reversal', 'jobafklaring', '2025-03-01', '2025-03-31', '801.78', '50', '400.89', '2025-06'],
      ['rebooking', 'jobafklaring', '2025-03-01', '2025-03-31', '-1804.00', '50', '-902.00', '2025-06'],
      ['reversal', 'jobafklaring', '2025-03-16', '2025-03-31', '687.69', '50', '343.85', '2025-06'],
      ['reversal', 'jobafklaring', '2025-03-16', '2025-04-15', '1312.31', '50', '656.16', '2025-06'],
      ['rebooking', 'jobafklaring', '2025-03-16', '2025-04-15', '-1548.90', '50', '-774.45', '2025-06'],
      ['reversal', null, '2025-03-16', '2025-04-15', '-2000.00', '0', '0.00', '2025-06'],
      ['rebooking', null, '2025-03-16', '2025-04-15', '1548.90', '0', '0.00', '2025-06'],
      ['original', null, '2025-03-16', '2025-04-15', '451.10', null, null, '2025-06'],
    ]);
    const excess = reversed.postings[9];
    expect(excess).toMatchObject({
      costItemId: 'admin-offer:o1:as2:excess',
      personId: 'p1',
      offerId: 'o1',
      account: null,
      unresolved: { outcome: 'no_rule', reason: `${EXCESS} (offer o1)` },
      causedBy: { eventId: 'reversal-of-e1' },
    });
    // What is deducted from e2 is what it carries in 1 March–15 April no more than once: 1804.00 + 1548.90.
    const [as1Now, as2Now] = reversed.ledger.persons.get('p1')!.offerCarveOuts;
    expect([as1Now.carvedOere, as2Now.costsOere, as2Now.carvedOere]).toEqual([180400, 154890, 154890]);
  });
});

describe('carve-outs of a project, one within the other, and a participant cancelled', () => {
  // The project of project-carve-outs.unit.spec.ts: 10000.00 for March shared 3734.94 (p1, jobafklaring, 50 %),
  // 3734.94 (p2, dagpenge, 0 %), 2530.12 (p3, under 18 from 11 March, 50 %: 000_… Bilag 3). as1: 4.00 h × 451.00 =
  // 1804.00 for March (673.78, 673.79, 456.43 off the shares). as2: 1.00 h × 1900.00 = 1900.00 for 1–10 March.
  const P = { projectId: 'P' };
  const project = [
    april.targetGroupChanged('p1', 'jobafklaring', '2025-01-01'),
    april.targetGroupChanged('p2', 'dagpenge', '2025-01-01'),
    april.targetGroupChanged('p3', 'ung_under_18', '2025-01-01'),
    april.projectRegistered('P', '2025-03-01', '2025-03-31'),
    april.offerRegistered('p1', 'o1', '2025-03-01', '2025-03-31', P),
    april.offerRegistered('p2', 'o2', '2025-03-01', '2025-03-31', P),
    april.offerRegistered('p3', 'o3', '2025-03-11', '2025-03-31', P),
    april.projectExpenseRecorded('P', 'inv1', '10000.00', '2025-03-01', '2025-03-31'),
    may.administrativeShareRecorded('P', 'as1', '2025-03-01', '2025-03-31', {
      hours: '4.00',
      hourlyCost: '451.00',
      amount: '1804.00',
    }),
  ];
  const as2 = may.administrativeShareRecorded('P', 'as2', '2025-03-01', '2025-03-10', {
    hours: '1.00',
    hourlyCost: '1900.00',
    amount: '1900.00',
  });

  it('the inner one takes from what the outer left of 1–10 March', () => {
    // o1's and o2's 1–10 March: round(373,494 × 10 / 31) = 120,482 each; as1 took round(180,400 × 120,482 /
    // 1,000,000) = round(21,734.95) = 21,735 of o1's and round(180,400 × 493,976 / 1,000,000) −
    // round(180,400 × 373,494 / 1,000,000) = 89,113 − 67,378 = 21,735 of o2's: 98,747 each is left, K = 197,494,
    // and 1900.00 comes off them half and half.
    givenEvents(project)
      .when(as2)
      .thenPostings([
        ['original', 'jobafklaring', '2025-03-01', '2025-03-10', '-950.00', '50', '-475.00', '2025-05'],
        ['original', 'dagpenge', '2025-03-01', '2025-03-10', '-950.00', '0', '0.00', '2025-05'],
        ['original', null, '2025-03-01', '2025-03-10', '1900.00', '0', '0.00', '2025-05'],
      ]);
  });

  it('a participant cancelled after both: the shares move, both carve-outs again in order, the rest unresolved', () => {
    // o1 cancelled: o2 bears round(1,000,000 × 31 / 52) = 596,154, o3 403,846 (participant-days 31 and 21).
    // as1 takes 107,546 and 72,854. o2's 1–10 March: round(596,154 × 10 / 31) = 192,308, less as1's
    // round(180,400 × 192,308 / 1,000,000) = round(34,692.36) = 34,692: 157,616 stand for as2, so 1576.16 is carved
    // and 1900.00 − 1576.16 = 323.84 is unresolved. (Limited by o2's 1–10 March alone, as2 would have carved
    // 1900.00 of the 1923.08 that as1 had already taken 346.92 of.)
    const cancelled = givenEvents([...project, as2]).when(
      l
        .at('2025-06-02T09:00:00Z', { eventId: 'o1-cancelled' })
        .offerCancelled('p1', 'o1', '2025-03-01', '2025-03-31', 'never took place', P),
    );
    cancelled.thenPostings([
      ['reversal', 'dagpenge', '2025-03-01', '2025-03-31', '673.79', '0', '0.00', '2025-06'],
      ['rebooking', 'dagpenge', '2025-03-01', '2025-03-31', '-1075.46', '0', '0.00', '2025-06'],
      ['reversal', 'dagpenge', '2025-03-01', '2025-03-10', '950.00', '0', '0.00', '2025-06'],
      ['rebooking', 'dagpenge', '2025-03-01', '2025-03-10', '-1576.16', '0', '0.00', '2025-06'],
      ['reversal', 'dagpenge', '2025-03-01', '2025-03-31', '-3734.94', '0', '0.00', '2025-06'],
      ['rebooking', 'dagpenge', '2025-03-01', '2025-03-31', '5961.54', '0', '0.00', '2025-06'],
      ['reversal', 'ung_under_18', '2025-03-11', '2025-03-31', '456.43', '50', '228.22', '2025-06'],
      ['rebooking', 'ung_under_18', '2025-03-11', '2025-03-31', '-728.54', '50', '-364.27', '2025-06'],
      ['reversal', 'ung_under_18', '2025-03-11', '2025-03-31', '-2530.12', '50', '-1265.06', '2025-06'],
      ['rebooking', 'ung_under_18', '2025-03-11', '2025-03-31', '4038.46', '50', '2019.23', '2025-06'],
      ['reversal', 'jobafklaring', '2025-03-01', '2025-03-31', '673.78', '50', '336.89', '2025-06'],
      ['reversal', 'jobafklaring', '2025-03-01', '2025-03-10', '950.00', '50', '475.00', '2025-06'],
      ['reversal', 'jobafklaring', '2025-03-01', '2025-03-31', '-3734.94', '50', '-1867.47', '2025-06'],
      ['reversal', null, '2025-03-01', '2025-03-10', '-1900.00', '0', '0.00', '2025-06'],
      ['rebooking', null, '2025-03-01', '2025-03-10', '1576.16', '0', '0.00', '2025-06'],
      ['original', null, '2025-03-01', '2025-03-10', '323.84', null, null, '2025-06'],
    ]);
    expect(cancelled.postings[15]).toMatchObject({
      costItemId: 'admin:P:as2:excess',
      unresolved: { outcome: 'no_rule', reason: `${EXCESS} (project P)` },
      causedBy: { eventId: 'o1-cancelled' },
    });
  });
});
