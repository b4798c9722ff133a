// Mentor hours are judged by the agreement's refundable window (VEJ 9584 2 A; seed000 L137-L140):
// company and education mentors at most 6 months from the agreement's start, social mentors while it runs.
import { givenEvents, ledgerEvents } from '../testing/given-ledger-events';
import { mentorRefundWindow } from './cost-items';

const l = ledgerEvents();
const april = l.at('2025-04-10T09:00:00Z');
const twoHours = { contactHours: '2.00', hourlyCost: '350.00', cost: '700.00' };

it('the window of a company mentor ends the day before 6 months from the start; a social mentor’s with the agreement', () => {
  expect(mentorRefundWindow({ mentorType: 'company', agreementStartDate: '2025-01-01', agreementEndDate: '2025-12-31' })).toEqual({ from: '2025-01-01', to: '2025-06-30' });
  expect(mentorRefundWindow({ mentorType: 'education', agreementStartDate: '2025-01-01', agreementEndDate: '2025-03-31' })).toEqual({ from: '2025-01-01', to: '2025-03-31' });
  expect(mentorRefundWindow({ mentorType: 'social', agreementStartDate: '2025-01-01', agreementEndDate: '2025-12-31' })).toEqual({ from: '2025-01-01', to: '2025-12-31' });
});

it('hours inside the window get 50 % for jobafklaring (JA-MENTOR), after it 0 % (JA-MENTOR-EXPIRED)', () => {
  const agreement = { agreementId: 'a1', mentorType: 'company' as const, startDate: '2025-01-01', endDate: '2025-12-31' };
  const { postings } = givenEvents([april.targetGroupChanged('p1', 'jobafklaring', '2025-01-01')]).when(
    april.mentorHoursRecorded('p1', agreement, '2025-03-10', twoHours),
    april.mentorHoursRecorded('p1', agreement, '2025-08-01', twoHours),
  );
  expect(postings.map((p) => [p.activityFrom, p.amountOere, p.refundRateBasisPoints, p.refundOere, p.ruleId])).toEqual([
    ['2025-03-10', 70000, 5000, 35000, 'JA-MENTOR'],
    ['2025-08-01', 70000, 0, 0, 'JA-MENTOR-EXPIRED'],
  ]);
});

it('hours of a person the mentor follows from jobafklaring into a job keep 50 % inside the window (NONE-MENTOR-JA-TRANSITION)', () => {
  const agreement = { agreementId: 'a1', mentorType: 'company' as const, startDate: '2025-01-15', endDate: '2025-12-31' };
  const { postings } = givenEvents([april.targetGroupChanged('p1', 'jobafklaring', '2025-01-01'), april.mentorHoursRecorded('p1', agreement, '2025-03-10', twoHours)])
    // the move into a job, registered later and effective before the hours: the item is regrouped
    .when(l.at('2025-05-05T09:00:00Z').targetGroupChanged('p1', 'none', '2025-03-01'));
  expect(postings.map((p) => [p.kind, p.targetGroup, p.amountOere, p.refundOere, p.bookingPeriod, p.ruleId])).toEqual([
    ['reversal', 'jobafklaring', -70000, -35000, '2025-05', 'JA-MENTOR'],
    ['rebooking', 'none', 70000, 35000, '2025-05', 'NONE-MENTOR-JA-TRANSITION'],
  ]);
});
