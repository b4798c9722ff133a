// How a person's costs are posted and regrouped, on the real rulebook (libs/rules/src/data cites
// the seeds): given events, then exactly these postings.
import { givenEvents, ledgerEvents } from '../testing/given-ledger-events';

const l = ledgerEvents();
const april = l.at('2025-04-10T09:00:00Z');

describe('posting a cost over the timeline', () => {
  it('a jobafklaring course in 2025 is refunded at 50 % (rule JA-OPS, grouping 097; seed000 Bilag 3)', () => {
    const [p] = givenEvents([april.targetGroupChanged('p1', 'jobafklaring', '2025-01-01')])
      .when(april.expenseRecorded('p1', 'o1', 'e1', '10000.00', '2025-03-01', '2025-03-31'))
      .thenPostings([
        ['original', 'jobafklaring', '2025-03-01', '2025-03-31', '10000.00', '50', '5000.00', '2025-04'],
      ]);
    expect([p.ruleId, p.account?.grouping, p.entryId.endsWith(':expense:e1:1')]).toEqual([
      'JA-OPS',
      '097',
      true,
    ]);
  });

  it('the same course for a dagpenge recipient is refunded at 0 % (no refund from 1/7-2019; seed000 §2-3)', () => {
    givenEvents([april.targetGroupChanged('p1', 'dagpenge', '2025-01-01')])
      .when(april.expenseRecorded('p1', 'o1', 'e1', '10000.00', '2025-03-01', '2025-03-31'))
      .thenPostings([
        ['original', 'dagpenge', '2025-03-01', '2025-03-31', '10000.00', '0', '0.00', '2025-04'],
      ]);
  });

  it('a sygedagpenge course spanning 1/7-2019 is split at the cut-off: 30 + 31 days, 50 % until 30/6-19, then 0 %', () => {
    givenEvents([
      april.targetGroupChanged('p1', 'sygedagpenge', '2019-01-01', { attributes: { sickPayCategory: 2 } }),
    ])
      .when(april.expenseRecorded('p1', 'o1', 'e1', '6100.00', '2019-06-01', '2019-07-31'))
      .thenPostings([
        ['original', 'sygedagpenge', '2019-06-01', '2019-06-30', '3000.00', '50', '1500.00', '2025-04'],
        ['original', 'sygedagpenge', '2019-07-01', '2019-07-31', '3100.00', '0', '0.00', '2025-04'],
      ]);
  });

  it('a cost no rule covers is posted with its amount, no refund and the reason (the rulebook starts 2014-01-01)', () => {
    const [p] = givenEvents([april.targetGroupChanged('p1', 'dagpenge', '2013-01-01')])
      .when(april.expenseRecorded('p1', 'o1', 'e1', '1234.56', '2013-06-01', '2013-06-30'))
      .thenPostings([['original', 'dagpenge', '2013-06-01', '2013-06-30', '1234.56', null, null, '2025-04']]);
    expect(p.unresolved?.outcome).toBe('no_rule');
  });

  it('odd øre are split by days with cumulative rounding, so the parts add up exactly (100.01 kr over 15 + 15 days)', () => {
    givenEvents([
      april.targetGroupChanged('p1', 'sygedagpenge', '2025-01-01', { attributes: { sickPayCategory: 2 } }),
      april.targetGroupChanged('p1', 'jobafklaring', '2025-03-16'),
    ])
      .when(april.expenseRecorded('p1', 'o1', 'e1', '100.01', '2025-03-01', '2025-03-30'))
      .thenPostings([
        ['original', 'sygedagpenge', '2025-03-01', '2025-03-15', '50.01', '0', '0.00', '2025-04'],
        ['original', 'jobafklaring', '2025-03-16', '2025-03-30', '50.00', '50', '25.00', '2025-04'],
      ]);
  });
});

describe('a retroactive regrouping', () => {
  const history = [
    april.targetGroupChanged('p1', 'sygedagpenge', '2025-01-01', { attributes: { sickPayCategory: 2 } }),
    april.expenseRecorded('p1', 'o1', 'e1', '9000.00', '2025-03-01', '2025-03-30'),
  ];
  const lateMove = l
    .at('2025-06-12T09:00:00Z')
    .targetGroupChanged('p1', 'jobafklaring', '2025-03-16', { changeCommandId: 'late-move' });

  it('registered two months late, effective in the past: reversal and rebookings in the booking period of the change (June)', () => {
    const { postings } = givenEvents(history).when(lateMove);
    expect(
      postings.map((p) => [
        p.kind,
        p.targetGroup,
        p.activityFrom,
        p.activityTo,
        p.amountOere,
        p.refundOere,
        p.bookingPeriod,
      ]),
    ).toEqual([
      ['reversal', 'sygedagpenge', '2025-03-01', '2025-03-30', -900000, 0, '2025-06'],
      ['rebooking', 'sygedagpenge', '2025-03-01', '2025-03-15', 450000, 0, '2025-06'],
      ['rebooking', 'jobafklaring', '2025-03-16', '2025-03-30', 450000, 225000, '2025-06'],
    ]);
  });

  it('the reversal points at the posting it reverses', () => {
    const given = givenEvents(history);
    const [reversal] = given.when(lateMove).postings;
    expect(reversal.reverses).toBe(given.ledger.persons.get('p1')!.postings[0].entryId);
  });

  it('retracting the change restores the first allocation, posted in the period of the retraction (July)', () => {
    givenEvents([...history, lateMove])
      .when(
        l
          .at('2025-07-02T09:00:00Z')
          .targetGroupChangeRetracted('p1', 'late-move', 'jobafklaring', '2025-03-16'),
      )
      .thenPostings([
        ['reversal', 'sygedagpenge', '2025-03-01', '2025-03-15', '-4500.00', '0', '0.00', '2025-07'],
        ['reversal', 'jobafklaring', '2025-03-16', '2025-03-30', '-4500.00', '50', '-2250.00', '2025-07'],
        ['rebooking', 'sygedagpenge', '2025-03-01', '2025-03-30', '9000.00', '0', '0.00', '2025-07'],
      ]);
  });

  it('a change that alters no allocation posts nothing (the same group again)', () => {
    givenEvents(history)
      .when(
        l
          .at('2025-06-12T09:00:00Z')
          .targetGroupChanged('p1', 'sygedagpenge', '2025-02-01', { attributes: { sickPayCategory: 2 } }),
      )
      .thenPostings([]);
  });

  it('a change after the activity period posts nothing', () => {
    givenEvents(history)
      .when(l.at('2025-06-12T09:00:00Z').targetGroupChanged('p1', 'jobafklaring', '2025-04-01'))
      .thenPostings([]);
  });
});
