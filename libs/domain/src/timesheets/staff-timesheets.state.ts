// Aggregate "staff timesheets": the stream of one member of staff (staff-timesheet.stream.ts), folded into the
// standing revision of each of their timesheets.
import type { DomainEvent } from '../events/domain-events';
import { timesheetProjectIds, type StaffTimesheetRecordedData } from './staff-timesheet-recorded.event';

export interface StandingTimesheet {
  revision: number;
  week: string;
  /** What the revision says (everything the client sent but the ids and revision), to tell a retry from a conflict. */
  content: string;
  projectIds: string[];
  offers: { offerId: string; personId: string }[];
}

export interface StaffTimesheetsState {
  timesheets: Readonly<Record<string, StandingTimesheet>>;
}

export const initialStaffTimesheetsState: StaffTimesheetsState = { timesheets: {} };

/** The content a revision is compared by: the same fields in the same order, whether from a command or an event. */
export const timesheetContent = (
  d: Pick<
    StaffTimesheetRecordedData,
    'staffCategory' | 'week' | 'salaryCostOere' | 'bookingDate' | 'days' | 'approvedBy'
  >,
): string =>
  JSON.stringify([
    d.staffCategory,
    d.week,
    d.salaryCostOere,
    d.bookingDate ?? null,
    d.days.map((day) => [
      day.date,
      day.hoursWorked,
      day.offerHours.map((h) => [h.projectId ?? null, h.offerId ?? null, h.hours]),
      day.administrationHours,
    ]),
    [d.approvedBy.employee, d.approvedBy.manager],
  ]);

export function evolveStaffTimesheets(state: StaffTimesheetsState, event: DomainEvent): StaffTimesheetsState {
  if (event.type !== 'StaffTimesheetRecorded') return state;
  const d = event.data;
  return {
    timesheets: {
      ...state.timesheets,
      [d.timesheetId]: {
        revision: d.revision,
        week: d.week,
        content: timesheetContent(d),
        projectIds: timesheetProjectIds(d),
        offers: d.offers.map((o) => ({ offerId: o.offerId, personId: o.personId })),
      },
    },
  };
}

/** The standing timesheet of that id, if any. */
export const standingTimesheet = (state: StaffTimesheetsState, timesheetId: string) =>
  Object.prototype.hasOwnProperty.call(state.timesheets, timesheetId)
    ? state.timesheets[timesheetId]
    : undefined;
