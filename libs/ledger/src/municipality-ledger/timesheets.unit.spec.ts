// A Bilag 2 timesheet in the ledger (VEJ 9584, 000_140518b2c182b2de.txt 6.4 B L1068-L1073 and Bilag 2 L1614-L1815):
// the week's salary cost split by hours with cumulative rounding, C(h) = round(S × h / H) (timesheet-split.ts); a
// project's part shared by its participants' days like a project expense (003_ba212cd929ee8ae7.txt L4210-L4213); an
// offer's part a cost of its participant; administration on 6.45.53 with no refund (000_… L706).
//
// Rates of ordinary education in March 2025 (libs/rules/src/data/refund-rules.json): jobafklaring 50 % (JA-OPS,
// 000_… Bilag 3), dagpenge 0 % (DP-OPS-2019H2, 000_… 2 A).
import type { StaffTimesheetRecorded } from '@app/domain';
import { givenEvents, ledgerEvents } from '../testing/given-ledger-events';

const l = ledgerEvents();
const april = l.at('2025-04-10T09:00:00Z');
const P = { projectId: 'P' };
const Q = { projectId: 'Q' };
const history = [
  april.targetGroupChanged('p1', 'jobafklaring', '2025-01-01'),
  april.targetGroupChanged('p2', 'dagpenge', '2025-01-01'),
  april.targetGroupChanged('p4', 'jobafklaring', '2025-01-01'),
  april.targetGroupChanged('p9', 'jobafklaring', '2025-01-01'),
  april.projectRegistered('P', '2025-03-01', '2025-03-31'),
  april.projectRegistered('Q', '2025-03-01', '2025-03-31'),
  april.offerRegistered('p1', 'o1', '2025-03-01', '2025-03-31', P),
  april.offerRegistered('p2', 'o2', '2025-03-01', '2025-03-31', P),
  april.offerRegistered('p4', 'o4', '2025-03-01', '2025-03-31', Q),
  april.offerRegistered('p9', 'o9', '2025-03-01', '2025-03-31'),
];
const week = { staffId: 'S1', timesheetId: 'T1', week: '2025-W10', weekFrom: '2025-03-03' };
type OfferHours = { projectId?: string; offerId?: string; hours: string }[];
/** A day of the timesheet: the hours worked, those on offers and projects, and those on administration. */
const day = (date: string, hoursWorked: string, offerHours: OfferHours, administrationHours = '0.00') => ({
  date,
  hoursWorked,
  offerHours,
  administrationHours,
});
/** The offer outside a project that timesheets name. */
const o9 = { offerId: 'o9', personId: 'p9', offerKind: 'ordinary_education' as const, fundingFrame: null };
/** 800.00 kr for 7 March: 2 h on o9 and 6 h on P. */
const o9AndP = (recordedAt: string, timesheetId: string) =>
  l.at(recordedAt).staffTimesheetRecorded(
    { ...week, timesheetId, revision: 1 },
    '800.00',
    [
      day('2025-03-07', '8.00', [
        { offerId: 'o9', hours: '2.00' },
        { projectId: 'P', hours: '6.00' },
      ]),
    ],
    { offers: [o9] },
  );
// Monday 5 h on P and 2.5 h administration; Tuesday 3 h on P, 3.25 h on Q, 1 h administration; Wednesday 7.5 h on Q:
// H = 22.25 h, P 8 h, Q 10.75 h, administration 3.5 h.
const revision1 = l.at('2025-04-11T09:00:00Z').staffTimesheetRecorded({ ...week, revision: 1 }, '9000.00', [
  day('2025-03-03', '7.50', [{ projectId: 'P', hours: '5.00' }], '2.50'),
  day(
    '2025-03-04',
    '7.25',
    [
      { projectId: 'P', hours: '3.00' },
      { projectId: 'Q', hours: '3.25' },
    ],
    '1.00',
  ),
  day('2025-03-05', '7.50', [{ projectId: 'Q', hours: '7.50' }]),
]);

it('a timesheet split over two projects and administration, to the øre', () => {
  // S = 900,000 øre over H = 2225 hundredths: C(800) = round(323,595.51) = 323,596 → P 3235.96;
  // C(1875) = round(758,426.97) = 758,427 → Q 4348.31; administration 900,000 − 758,427 = 1415.73.
  // P over 3-4 March: o1 and o2 two participant-days each, round(323,596 × 2/4) = 161,798 each, 50 % and 0 %;
  // Q over 4-5 March: o4 alone, 4348.31 at 50 % = 2174.155 → 2174.16 (half away from zero).
  const recorded = givenEvents(history).when(revision1);
  recorded.thenPostings([
    ['original', 'jobafklaring', '2025-03-03', '2025-03-04', '1617.98', '50', '808.99', '2025-04'],
    ['original', 'dagpenge', '2025-03-03', '2025-03-04', '1617.98', '0', '0.00', '2025-04'],
    ['original', 'jobafklaring', '2025-03-04', '2025-03-05', '4348.31', '50', '2174.16', '2025-04'],
    ['original', null, '2025-03-03', '2025-03-04', '1415.73', '0', '0.00', '2025-04'],
  ]);
  expect(recorded.postings[3].account).toEqual({ function: '6.45.53', dranst: '1', grouping: '-' });
  const timesheet = recorded.ledger.timesheets.get('S1', 'T1')!;
  // Bilag 2's report form: the percentages of the week's hours (L1718-L1728).
  expect(timesheet.parts.map((p) => [p.target.kind, p.hours, p.percentBasisPoints, p.amountOere])).toEqual([
    ['project', 800, 3596, 323596],
    ['project', 1075, 4831, 434831],
    ['administration', 350, 1573, 141573],
  ]);
});

it('a corrected timesheet replaces the earlier revision and posts exactly the differences', () => {
  // Revision 2 moves Wednesday's 7.5 h on Q to 4 h on P and 3.5 h administration: P 12 h (3-5 March), Q 3.25 h
  // (4 March), administration 7 h. C(1200) = round(485,393.26) = 485,393 → P 4853.93; C(1525) = round(616,853.93) =
  // 616,854 → Q 1314.61; administration 2831.46. P's shares over 3 + 3 participant-days: round(242,696.5) = 242,697
  // and 242,696; 2426.97 at 50 % = 1213.485 → 1213.49; Q 1314.61 at 50 % = 657.305 → 657.31.
  const revision2 = l
    .at('2025-05-02T09:00:00Z')
    .staffTimesheetRecorded(
      { ...week, revision: 2 },
      '9000.00',
      [
        ...(revision1.event as StaffTimesheetRecorded).data.days.slice(0, 2),
        day('2025-03-05', '7.50', [{ projectId: 'P', hours: '4.00' }], '3.50'),
      ],
      { replaces: { revision: 1, projectIds: ['P', 'Q'], offers: [] } },
    );
  givenEvents([...history, revision1])
    .when(revision2)
    .thenPostings([
      ['reversal', 'jobafklaring', '2025-03-03', '2025-03-04', '-1617.98', '50', '-808.99', '2025-05'],
      ['rebooking', 'jobafklaring', '2025-03-03', '2025-03-05', '2426.97', '50', '1213.49', '2025-05'],
      ['reversal', 'dagpenge', '2025-03-03', '2025-03-04', '-1617.98', '0', '0.00', '2025-05'],
      ['rebooking', 'dagpenge', '2025-03-03', '2025-03-05', '2426.96', '0', '0.00', '2025-05'],
      ['reversal', 'jobafklaring', '2025-03-04', '2025-03-05', '-4348.31', '50', '-2174.16', '2025-05'],
      ['rebooking', 'jobafklaring', '2025-03-04', '2025-03-04', '1314.61', '50', '657.31', '2025-05'],
      ['reversal', null, '2025-03-03', '2025-03-04', '-1415.73', '0', '0.00', '2025-05'],
      ['rebooking', null, '2025-03-03', '2025-03-05', '2831.46', '0', '0.00', '2025-05'],
    ]);
});

it('an offer outside a project takes its part; a revision that no longer names it reverses it, and a project it drops is withdrawn', () => {
  // Revision 1: 4 h on o9 and 4 h on P of H = 8 h, 1000.00 kr: 500.00 each (P: 250.00 to each participant).
  // Revision 2: all 8 h on Q (p4 alone): 1000.00, o9's and P's parts reversed, nothing left unshared.
  const sixthOfMarch = (offerHours: OfferHours) => [day('2025-03-06', '8.00', offerHours)];
  const first = april.staffTimesheetRecorded(
    { ...week, timesheetId: 'T2', revision: 1 },
    '1000.00',
    sixthOfMarch([
      { offerId: 'o9', hours: '4.00' },
      { projectId: 'P', hours: '4.00' },
    ]),
    { offers: [o9] },
  );
  givenEvents(history)
    .when(first)
    .thenPostings([
      ['original', 'jobafklaring', '2025-03-06', '2025-03-06', '250.00', '50', '125.00', '2025-04'],
      ['original', 'dagpenge', '2025-03-06', '2025-03-06', '250.00', '0', '0.00', '2025-04'],
      ['original', 'jobafklaring', '2025-03-06', '2025-03-06', '500.00', '50', '250.00', '2025-04'],
    ]);
  const second = l
    .at('2025-05-02T09:00:00Z')
    .staffTimesheetRecorded(
      { ...week, timesheetId: 'T2', revision: 2 },
      '1000.00',
      sixthOfMarch([{ projectId: 'Q', hours: '8.00' }]),
      {
        replaces: { revision: 1, projectIds: ['P'], offers: [{ offerId: 'o9', personId: 'p9' }] },
      },
    );
  const corrected = givenEvents([...history, first]).when(second);
  corrected.thenPostings([
    ['original', 'jobafklaring', '2025-03-06', '2025-03-06', '1000.00', '50', '500.00', '2025-05'],
    ['reversal', 'jobafklaring', '2025-03-06', '2025-03-06', '-250.00', '50', '-125.00', '2025-05'],
    ['reversal', 'dagpenge', '2025-03-06', '2025-03-06', '-250.00', '0', '0.00', '2025-05'],
    ['reversal', 'jobafklaring', '2025-03-06', '2025-03-06', '-500.00', '50', '-250.00', '2025-05'],
  ]);
  expect(corrected.ledger.projects.get('P')!.expenses).toEqual([]);
});

it('a timesheet with a booking date is booked in that date’s period', () => {
  const booked = april.staffTimesheetRecorded(
    { ...week, timesheetId: 'T3', revision: 1 },
    '100.00',
    [day('2025-03-07', '1.00', [], '1.00')],
    { bookingDate: '2025-03-31' },
  );
  givenEvents(history)
    .when(booked)
    .thenPostings([['original', null, '2025-03-07', '2025-03-07', '100.00', '0', '0.00', '2025-03']]);
});

it('an offer cancelled after a timesheet named it has its part reversed, as its other costs', () => {
  // 2 h of 8 on o9 of 800.00 kr: 200.00 at 50 % (JA-OPS); the cancellation reverses it (VEJ 9584: no refund for an
  // offer that did not take place); P's 600.00 stays with its participants.
  const recorded = o9AndP('2025-04-10T09:00:00Z', 'T4');
  givenEvents([...history, recorded])
    .when(l.at('2025-05-02T09:00:00Z').offerCancelled('p9', 'o9', '2025-03-01', '2025-03-31'))
    .thenPostings([
      ['reversal', 'jobafklaring', '2025-03-07', '2025-03-07', '-200.00', '50', '-100.00', '2025-05'],
    ]);
});

it('a timesheet decided before the offer’s cancellation and logged after it posts what the other order leaves', () => {
  // The race: the timesheet's command read o9 active, then CancelOffer was appended, then the timesheet. Either order
  // ends with o9's 200.00 (2 h of 8 of 800.00 kr) not posted and P's 600.00 (6 h of 8) with its participants, one
  // participant-day each on 7 March: 300.00 to o1 at 50 % (JA-OPS) and 300.00 to o2 at 0 % (DP-OPS-2019H2).
  const timesheet = o9AndP('2025-05-02T09:05:00Z', 'T6');
  const cancelled = l.at('2025-05-02T09:00:00Z').offerCancelled('p9', 'o9', '2025-03-01', '2025-03-31');
  const racy = givenEvents([...history, cancelled]).when(timesheet);
  racy.thenPostings([
    ['original', 'jobafklaring', '2025-03-07', '2025-03-07', '300.00', '50', '150.00', '2025-05'],
    ['original', 'dagpenge', '2025-03-07', '2025-03-07', '300.00', '0', '0.00', '2025-05'],
  ]);
  expect(racy.outcomes[0].facts.filter((f) => f.type === 'timesheet_item_set')).toMatchObject([
    {
      item: { offerId: 'o9', amountOere: 20000, reversed: true },
      reversalReason: 'offer cancelled: never took place',
    },
  ]);
  // The other order: the part posted, then reversed by the cancellation; o9 nets to nothing either way.
  const ordered = givenEvents([...history, timesheet]).when(cancelled);
  const o9Net = [...ordered.ledger.persons.get('p9')!.postings].reduce((sum, p) => sum + p.amountOere, 0);
  expect(o9Net).toBe(0);
  expect(racy.ledger.persons.get('p9')!.postings).toEqual([]);
});

it('a carve-out of the project does not come out of a timesheet’s part: its administration is registered apart', () => {
  // March's invoice of 1000.00 is the period's only hovedkonto 5 cost a carve-out comes out of (the timesheet's 400.00
  // part is time registered already): 100.00 carved, 50.00 from each participant's 500.00 share.
  const invoice = april.projectExpenseRecorded('P', 'inv', '1000.00', '2025-03-01', '2025-03-31');
  const timesheet = april.staffTimesheetRecorded({ ...week, timesheetId: 'T5', revision: 1 }, '400.00', [
    day('2025-03-10', '4.00', [{ projectId: 'P', hours: '4.00' }]),
  ]);
  givenEvents([...history, invoice, timesheet])
    .when(
      l.at('2025-05-02T09:00:00Z').administrativeShareRecorded('P', 'as1', '2025-03-01', '2025-03-31', {
        lines: [
          { activity: 'job_interview', count: 1, hoursEach: '1.00', hourlyRate: '100.00', amount: '100.00' },
        ],
      }),
    )
    .thenPostings([
      ['original', 'jobafklaring', '2025-03-01', '2025-03-31', '-50.00', '50', '-25.00', '2025-05'],
      ['original', 'dagpenge', '2025-03-01', '2025-03-31', '-50.00', '0', '0.00', '2025-05'],
      ['original', null, '2025-03-01', '2025-03-31', '100.00', '0', '0.00', '2025-05'],
    ]);
});
