// RecordStaffTimesheet: a Bilag 2 timesheet (VEJ 9584, 000_140518b2c182b2de.txt L1614-L1815) decided on the member of
// staff's stream; the projects and offers its hours name are read from their streams.
import { given } from '../testing/given-when-then';
import { aProjectParticipantRegistered, CMD_1, M } from '../testing/fixtures';
import type { CommandInput } from '../commands/domain-commands';
import { projectRegistered } from '../projects/project-registered.event';
import { offerRegistered } from '../offers/offer-registered.event';
import { offerCancelled } from '../offers/offer-cancelled.event';
import { staffTimesheetRecorded, type StaffTimesheetRecordedData } from './staff-timesheet-recorded.event';
import { isoWeekDates } from './iso-week';

const now = { now: '2025-03-20T10:00:00Z' };
const project = projectRegistered({
  projectId: 'PR1',
  name: 'Værksted',
  offerKind: 'other',
  startDate: '2025-01-01',
  endDate: '2025-12-31',
  offerCategory: null,
  fundingFrame: null,
  provider: null,
  registrationDate: '2025-01-01',
  validityCitations: [],
});
const participant = aProjectParticipantRegistered();
const ownOffer = offerRegistered({
  offerId: 'O9',
  personId: 'P9',
  offerKind: 'guidance_upskilling',
  startDate: '2025-03-01',
  endDate: '2025-03-31',
  offerCategory: '30',
  fundingFrame: '1',
  provider: null,
  registrationDate: '2025-03-01',
  validityCitations: [],
});
const related = {
  related: { projects: { PR1: [project, participant] }, offers: { O9: [ownOffer] } },
  ...now,
};

type Input = CommandInput<'RecordStaffTimesheet'>;
const timesheet = (over: Partial<Input> = {}): Input => ({
  type: 'RecordStaffTimesheet',
  commandId: CMD_1,
  municipality: M,
  timesheetId: 'T1',
  revision: 1,
  staffId: 'S1',
  staffCategory: 'Jobkonsulent',
  week: '2025-W10',
  salaryCost: '9000',
  days: [
    {
      date: '2025-03-04',
      hoursWorked: 7,
      offerHours: [{ offerId: 'O9', hours: '2.25' }],
      administrationHours: 4.75,
    },
    {
      date: '2025-03-03',
      hoursWorked: '7.5',
      offerHours: [{ projectId: 'PR1', hours: 5 }],
      administrationHours: '2.5',
    },
  ],
  approvedBy: { employee: 'Anne', manager: 'Lars' },
  ...over,
});
const recorded = (over: Partial<StaffTimesheetRecordedData> = {}) =>
  staffTimesheetRecorded({
    timesheetId: 'T1',
    revision: 1,
    staffId: 'S1',
    staffCategory: 'Jobkonsulent',
    week: '2025-W10',
    weekFrom: '2025-03-03',
    weekTo: '2025-03-09',
    salaryCostOere: 900000,
    days: [
      {
        date: '2025-03-03',
        hoursWorked: '7.50',
        offerHours: [{ projectId: 'PR1', hours: '5.00' }],
        administrationHours: '2.50',
      },
      {
        date: '2025-03-04',
        hoursWorked: '7.00',
        offerHours: [{ offerId: 'O9', hours: '2.25' }],
        administrationHours: '4.75',
      },
    ],
    approvedBy: { employee: 'Anne', manager: 'Lars' },
    offers: [{ offerId: 'O9', personId: 'P9', offerKind: 'guidance_upskilling', fundingFrame: '1' }],
    replaces: null,
    ...over,
  });
const day = (over: object) => ({
  date: '2025-03-03',
  hoursWorked: '7.5',
  offerHours: [],
  administrationHours: '7.5',
  ...over,
});

describe('RecordStaffTimesheet', () => {
  it('ISO weeks run Monday to Sunday; week 53 only where the year has one', () => {
    expect(isoWeekDates('2025-W10')).toEqual({ from: '2025-03-03', to: '2025-03-09' });
    expect(isoWeekDates('2025-W01')).toEqual({ from: '2024-12-30', to: '2025-01-05' });
    expect(isoWeekDates('2020-W53')).toEqual({ from: '2020-12-28', to: '2021-01-03' });
    expect(isoWeekDates('2025-W53')).toBeUndefined();
    expect(isoWeekDates('2025-W00')).toBeUndefined();
  });

  it('records the days in date order with the offers’ person, kind and frame copied', () => {
    given([]).when(timesheet(), related).then([recorded()]);
  });

  it('the same revision again is a retry; other content under it, or a lower revision, is a conflict', () => {
    given([recorded()]).when(timesheet(), related).then([]);
    given([recorded()])
      .when(timesheet({ salaryCost: '9100' }), related)
      .thenFails('timesheet.revision_conflict');
    given([recorded({ revision: 3 })])
      .when(timesheet({ revision: 2 }), related)
      .thenFails('timesheet.revision_superseded');
  });

  it('a higher revision replaces the standing one and names what it replaces', () => {
    const corrected = timesheet({ revision: 2, salaryCost: '9100', days: [day({})] });
    given([recorded()])
      .when(corrected, related)
      .then([
        recorded({
          revision: 2,
          salaryCostOere: 910000,
          days: [{ date: '2025-03-03', hoursWorked: '7.50', offerHours: [], administrationHours: '7.50' }],
          offers: [],
          replaces: { revision: 1, projectIds: ['PR1'], offers: [{ offerId: 'O9', personId: 'P9' }] },
        }),
      ]);
  });

  it('one timesheet a week for a member of staff', () => {
    given([recorded()])
      .when(timesheet({ timesheetId: 'T2' }), related)
      .thenFails('timesheet.week_already_recorded');
  });

  it('checks the hours as Bilag 2 asks (L1781, L1804-L1809) and the days against the week', () => {
    const fails = (days: object[], code: string) =>
      given([])
        .when(timesheet({ days: days as Input['days'] }), related)
        .thenFails(code);
    fails([day({ administrationHours: '7.4', hoursWorked: '7.4' })], 'timesheet.not_quarter_hours');
    fails([day({ administrationHours: '7' })], 'timesheet.hours_do_not_add_up');
    fails([day({ date: '2025-03-10' })], 'timesheet.day_outside_week');
    fails([day({}), day({})], 'timesheet.day_outside_week');
    fails([day({ hoursWorked: '0', administrationHours: '0' })], 'timesheet.invalid_hours');
    fails(
      [day({ administrationHours: '2.5', offerHours: [{ projectId: 'PR1', offerId: 'O9', hours: 5 }] })],
      'timesheet.invalid_hours',
    );
    fails(
      [
        day({
          administrationHours: '0.5',
          offerHours: [
            { projectId: 'PR1', hours: 5 },
            { projectId: 'PR1', hours: 2 },
          ],
        }),
      ],
      'timesheet.invalid_hours',
    );
    given([])
      .when(timesheet({ salaryCost: '0' }), related)
      .thenFails('timesheet.invalid_salary_cost');
    given([])
      .when(timesheet({ approvedBy: { employee: 'Anne', manager: ' anne' } }), related)
      .thenFails('timesheet.approval_required');
  });

  it('the projects and offers named must exist, take part, not be cancelled, and hold the days', () => {
    given([])
      .when(timesheet(), { ...now, related: { offers: { O9: [ownOffer] } } })
      .thenFails('project.not_found');
    given([])
      .when(timesheet(), { ...now, related: { projects: { PR1: [project] }, offers: { O9: [ownOffer] } } })
      .thenFails('project.no_participant_in_period');
    given([])
      .when(timesheet(), { ...now, related: { projects: { PR1: [project, participant] } } })
      .thenFails('offer.not_found');
    given([])
      .when(timesheet(), {
        ...now,
        related: {
          projects: { PR1: [project, participant] },
          offers: {
            O9: [
              ownOffer,
              offerCancelled({
                offerId: 'O9',
                personId: 'P9',
                offerKind: 'guidance_upskilling',
                startDate: '2025-03-01',
                endDate: '2025-03-31',
                reason: 'r',
              }),
            ],
          },
        },
      })
      .thenFails('offer.cancelled');
    given([])
      .when(
        timesheet({
          week: '2025-W09',
          days: [
            day({
              date: '2025-02-28',
              offerHours: [{ offerId: 'O9', hours: 1 }],
              administrationHours: '6.5',
            }),
          ],
        }),
        related,
      )
      .thenFails('expense.outside_offer_period');
  });

  it('a booking date after today is refused', () => {
    given([])
      .when(timesheet({ bookingDate: '2025-03-21' }), related)
      .thenFails('expense.booking_in_future');
    given([])
      .when(timesheet({ bookingDate: '2025-03-20' }), related)
      .then([recorded({ bookingDate: '2025-03-20' })]);
  });
});
