// Mentor hours and the refundable window (VEJ 9584/2025 2 A, 000 L132-L142, L1223-L1224): 50 % with no time limit
// while the person is in jobafklaring; when the mentor follows the person into a job or education, at most 6 months
// from that transition, for every mentor type; after it no refund. 2 contact hours × 350,00 kr = 700,00 kr an entry.
import { givenEvents, ledgerEvents } from '../testing/given-ledger-events';

const l = ledgerEvents();
const april = l.at('2025-04-10T09:00:00Z');
const twoHours = { contactHours: '2.00', hourlyCost: '350.00', cost: '700.00' };
const brief = (
  postings: {
    activityFrom: string;
    targetGroup: string | null;
    amountOere: number;
    refundOere: number | null;
    ruleId: string | null;
  }[],
) => postings.map((p) => [p.activityFrom, p.targetGroup, p.amountOere, p.refundOere, p.ruleId]);

it('a person still in jobafklaring with a 12-month company-mentor agreement keeps 700,00 × 50 % = 350,00 kr after 6 months (L132-L134)', () => {
  const agreement = {
    agreementId: 'a1',
    mentorType: 'company' as const,
    startDate: '2025-01-01',
    endDate: '2025-12-31',
  };
  const { postings } = givenEvents([april.targetGroupChanged('p1', 'jobafklaring', '2025-01-01')]).when(
    april.mentorHoursRecorded('p1', agreement, '2025-03-10', twoHours),
    april.mentorHoursRecorded('p1', agreement, '2025-08-01', twoHours),
  );
  expect(brief(postings)).toEqual([
    ['2025-03-10', 'jobafklaring', 70000, 35000, 'JA-MENTOR'],
    ['2025-08-01', 'jobafklaring', 70000, 35000, 'JA-MENTOR'],
  ]);
});

it('a social mentor following the person into a job: 350,00 kr up to 6 months after the move (2025-03-01 → 2025-08-31), 0 kr after (L138-L142)', () => {
  const agreement = {
    agreementId: 'a1',
    mentorType: 'social' as const,
    startDate: '2025-01-15',
    endDate: '2026-06-30',
  };
  const { postings } = givenEvents([
    april.targetGroupChanged('p1', 'jobafklaring', '2025-01-01'),
    april.targetGroupChanged('p1', 'none', '2025-03-01'),
  ]).when(
    april.mentorHoursRecorded('p1', agreement, '2025-08-31', twoHours),
    april.mentorHoursRecorded('p1', agreement, '2025-09-01', twoHours),
  );
  expect(brief(postings)).toEqual([
    ['2025-08-31', 'none', 70000, 35000, 'NONE-MENTOR-JA-TRANSITION'],
    ['2025-09-01', 'none', 70000, 0, 'NONE-MENTOR-JA-EXPIRED'],
  ]);
});

it('the move into a job registered late and effective before the hours: regrouped from JA-MENTOR to the transition rule, still 350,00 kr', () => {
  const agreement = {
    agreementId: 'a1',
    mentorType: 'company' as const,
    startDate: '2025-01-15',
    endDate: '2025-12-31',
  };
  const { postings } = givenEvents([
    april.targetGroupChanged('p1', 'jobafklaring', '2025-01-01'),
    april.mentorHoursRecorded('p1', agreement, '2025-03-10', twoHours),
  ]).when(l.at('2025-05-05T09:00:00Z').targetGroupChanged('p1', 'none', '2025-03-01'));
  expect(
    postings.map((p) => [p.kind, p.targetGroup, p.amountOere, p.refundOere, p.bookingPeriod, p.ruleId]),
  ).toEqual([
    ['reversal', 'jobafklaring', -70000, -35000, '2025-05', 'JA-MENTOR'],
    ['rebooking', 'none', 70000, 35000, '2025-05', 'NONE-MENTOR-JA-TRANSITION'],
  ]);
});

it('an agreement that begins on the first day of the job did not follow a person in jobafklaring: 0 kr (NONE-MENTOR-2019)', () => {
  const agreement = {
    agreementId: 'a1',
    mentorType: 'education' as const,
    startDate: '2025-03-01',
    endDate: '2025-12-31',
  };
  const { postings } = givenEvents([
    april.targetGroupChanged('p1', 'jobafklaring', '2025-01-01'),
    april.targetGroupChanged('p1', 'none', '2025-03-01'),
  ]).when(april.mentorHoursRecorded('p1', agreement, '2025-03-10', twoHours));
  expect(brief(postings)).toEqual([['2025-03-10', 'none', 70000, 0, 'NONE-MENTOR-2019']]);
});

it('a move from jobafklaring to another target group ends the jobafklaring refund at once: sygedagpenge mentor 0 kr (SDP-MENTOR-2019H2)', () => {
  const agreement = {
    agreementId: 'a1',
    mentorType: 'company' as const,
    startDate: '2025-01-15',
    endDate: '2025-12-31',
  };
  const { postings } = givenEvents([
    april.targetGroupChanged('p1', 'jobafklaring', '2025-01-01'),
    april.targetGroupChanged('p1', 'sygedagpenge', '2025-03-01', { attributes: { sickPayCategory: 2 } }),
  ]).when(april.mentorHoursRecorded('p1', agreement, '2025-03-10', twoHours));
  expect(brief(postings)).toEqual([['2025-03-10', 'sygedagpenge', 70000, 0, 'SDP-MENTOR-2019H2']]);
});
