import type { DecisionContext } from '../../shared/decision-context';
import { DomainConflict } from '../../shared/domain-conflict.error';
import { DomainRuleViolation } from '../../shared/domain-rule-violation.error';
import { isWithin } from '../../shared/calendar-date';
import { formatHours, parseHours, HUNDREDTHS_PER_DAY } from '../../shared/hours';
import { parseKroner } from '../../shared/money';
import { checkedBookingDate } from '../../expenses/booking-date';
import { assertBookable } from '../../expenses/expense-admissibility';
import { initialOfferState } from '../../offers/offer.state';
import { initialProjectState, participantsIn } from '../../projects/project.state';
import { isoWeekDates } from '../iso-week';
import {
  staffTimesheetRecorded,
  timesheetProjectIds,
  type StaffTimesheetRecorded,
  type StaffTimesheetRecordedData,
} from '../staff-timesheet-recorded.event';
import { standingTimesheet, timesheetContent, type StaffTimesheetsState } from '../staff-timesheets.state';
import type { RecordStaffTimesheet } from './record-staff-timesheet.command';

const VEJ_9584 = '000_140518b2c182b2de.txt';
/** Bilag 2: "Detaljeringsgraden i registreringen er på 15 minutter" (L1781). */
const QUARTER_HOUR = 25;

/**
 * A revision of a Bilag 2 timesheet, decided on the member of staff's stream: a lower revision than the standing
 * one is a 409 (superseded), the standing revision again is a retry (nothing appended) when it says the same and a
 * 409 when it does not; another timesheet of the same week is a 422. The hours are checked as Bilag 2 asks
 * (quarter-hour steps; each day's hours add up to the hours worked that day, L1804-L1809; approved by employee and
 * line manager, L1730-L1734), every day lies in the week, and the projects and offers named exist, are not
 * cancelled and have someone taking part on the days — read from their streams (`context.related`), which this
 * append does not lock: a participant leaving or an offer cancelled afterwards is the ledger's to repost, as for any
 * later change.
 */
export function decideRecordStaffTimesheet(
  cmd: RecordStaffTimesheet,
  state: StaffTimesheetsState,
  context: DecisionContext,
): StaffTimesheetRecorded[] {
  const ids = { timesheetId: cmd.timesheetId, staffId: cmd.staffId };
  const refuse = (
    code: ConstructorParameters<typeof DomainRuleViolation>[0],
    message: string,
    details = {},
  ) =>
    new DomainRuleViolation(code, `Timesheet ${cmd.timesheetId}: ${message}`, {
      ...ids,
      ...details,
      citations: [{ source: VEJ_9584, section: 'Bilag 2 (L1614-L1815); 6.4 B (L1068-L1073)' }],
    });
  const week = isoWeekDates(cmd.week)!;
  const days = [...cmd.days].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const content = {
    staffCategory: cmd.staffCategory,
    week: cmd.week,
    salaryCostOere: parseKroner(cmd.salaryCost),
    ...(cmd.bookingDate !== undefined && { bookingDate: cmd.bookingDate }),
    days: days.map((d) => ({
      date: d.date,
      hoursWorked: d.hoursWorked,
      offerHours: d.offerHours.map((h) => ({
        ...(h.projectId !== undefined && { projectId: h.projectId }),
        ...(h.offerId !== undefined && { offerId: h.offerId }),
        hours: h.hours,
      })),
      administrationHours: d.administrationHours,
    })),
    approvedBy: cmd.approvedBy,
  };
  const standing = standingTimesheet(state, cmd.timesheetId);
  if (standing && cmd.revision < standing.revision)
    throw new DomainConflict(
      'timesheet.revision_superseded',
      `Timesheet ${cmd.timesheetId} stands at revision ${standing.revision}; revision ${cmd.revision} is older`,
      { ...ids, revision: cmd.revision, standingRevision: standing.revision },
    );
  if (standing && cmd.revision === standing.revision) {
    if (standing.content === timesheetContent(content)) return [];
    throw new DomainConflict(
      'timesheet.revision_conflict',
      `Timesheet ${cmd.timesheetId} revision ${cmd.revision} is recorded with other content; a correction takes a higher revision`,
      { ...ids, revision: cmd.revision },
    );
  }
  const other = Object.entries(state.timesheets).find(
    ([id, t]) => id !== cmd.timesheetId && t.week === cmd.week,
  );
  if (other)
    throw refuse(
      'timesheet.week_already_recorded',
      `timesheet ${other[0]} of ${cmd.staffId} covers ${cmd.week}`,
      {
        week: cmd.week,
        recordedTimesheetId: other[0],
      },
    );
  checkHours(content.days, week, refuse);
  if (content.salaryCostOere <= 0)
    throw refuse('timesheet.invalid_salary_cost', 'salaryCost must be above zero');
  if (sameName(cmd.approvedBy.employee, cmd.approvedBy.manager))
    throw refuse(
      'timesheet.approval_required',
      'it is approved by the employee and by the line manager (daglig leder), two people',
    );
  const offers = checkTargets(cmd, content.days, context);
  const bookingDate = checkedBookingDate(cmd.bookingDate, context, ids);
  const data: StaffTimesheetRecordedData = {
    timesheetId: cmd.timesheetId,
    revision: cmd.revision,
    staffId: cmd.staffId,
    ...content,
    weekFrom: week.from,
    weekTo: week.to,
    ...(bookingDate && { bookingDate }),
    offers,
    replaces: standing
      ? { revision: standing.revision, projectIds: standing.projectIds, offers: standing.offers }
      : null,
  };
  return [staffTimesheetRecorded(data)];
}

type Refuse = (
  code: ConstructorParameters<typeof DomainRuleViolation>[0],
  message: string,
  details?: object,
) => DomainRuleViolation;

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

function checkHours(
  days: StaffTimesheetRecordedData['days'],
  week: { from: string; to: string },
  refuse: Refuse,
): void {
  const quarter = (value: string, field: string, date: string, min: number) => {
    const h = parseHours(value);
    if (h < min || h > HUNDREDTHS_PER_DAY)
      throw refuse('timesheet.invalid_hours', `${field} of ${date} must lie in ${formatHours(min)}..24`, {
        date,
      });
    if (h % QUARTER_HOUR !== 0)
      throw refuse('timesheet.not_quarter_hours', `${field} of ${date} (${value}) is not in quarter hours`, {
        date,
      });
    return h;
  };
  let previous: string | null = null;
  for (const day of days) {
    if (day.date === previous || !isWithin(day.date, week.from, week.to))
      throw refuse(
        'timesheet.day_outside_week',
        `${day.date} is ${day.date === previous ? 'given twice' : `not in the week ${week.from}..${week.to}`}`,
        { date: day.date },
      );
    previous = day.date;
    const worked = quarter(day.hoursWorked, 'hoursWorked', day.date, QUARTER_HOUR);
    let sum = quarter(day.administrationHours, 'administrationHours', day.date, 0);
    const named = new Set<string>();
    for (const h of day.offerHours) {
      const target = h.projectId !== undefined ? `project:${h.projectId}` : `offer:${h.offerId}`;
      if ((h.projectId === undefined) === (h.offerId === undefined) || named.has(target))
        throw refuse(
          'timesheet.invalid_hours',
          `every offerHours entry of ${day.date} names one projectId or one offerId, each once a day`,
          { date: day.date },
        );
      named.add(target);
      sum += quarter(h.hours, 'hours', day.date, QUARTER_HOUR);
    }
    if (sum !== worked)
      throw refuse(
        'timesheet.hours_do_not_add_up',
        `the hours of ${day.date} add up to ${formatHours(sum)}, not to the ${day.hoursWorked} hours worked`,
        { date: day.date, hoursWorked: day.hoursWorked, registered: formatHours(sum) },
      );
  }
}

/** The projects and offers named, as their streams hold them; the offers' person, kind and frame copied for the ledger. */
function checkTargets(
  cmd: RecordStaffTimesheet,
  days: StaffTimesheetRecordedData['days'],
  context: DecisionContext,
): StaffTimesheetRecordedData['offers'] {
  const datesOf = (match: (h: { projectId?: string; offerId?: string }) => boolean) =>
    days.filter((d) => d.offerHours.some(match)).map((d) => d.date);
  for (const projectId of timesheetProjectIds({ days })) {
    const project = context.related?.projects?.[projectId] ?? initialProjectState;
    if (project.project === null)
      throw new DomainRuleViolation('project.not_found', `Project ${projectId} is not registered`, {
        projectId,
        timesheetId: cmd.timesheetId,
      });
    const lonely = datesOf((h) => h.projectId === projectId).find(
      (date) => participantsIn(project, date, date).length === 0,
    );
    if (lonely !== undefined)
      throw new DomainRuleViolation(
        'project.no_participant_in_period',
        `Project ${projectId} has no participant on ${lonely}: there is no one to share timesheet ${cmd.timesheetId}'s hours by`,
        { projectId, timesheetId: cmd.timesheetId, date: lonely },
      );
  }
  const offerIds = [...new Set(days.flatMap((d) => d.offerHours.flatMap((h) => h.offerId ?? [])))];
  return offerIds.map((offerId) => {
    const offer = context.related?.offers?.[offerId] ?? initialOfferState;
    const details = { offerId, timesheetId: cmd.timesheetId };
    if (offer.status === 'none')
      throw new DomainRuleViolation(
        'offer.not_found',
        `Offer ${offerId} is not registered on its own stream (hours on an offer in a project are the project's: name its projectId)`,
        details,
      );
    if (offer.status === 'cancelled')
      throw new DomainRuleViolation(
        'offer.cancelled',
        `Offer ${offerId} is cancelled; it takes no hours`,
        details,
      );
    assertBookable(cmd.timesheetId, offer.offerKind, 'staff_cost');
    const outside = datesOf((h) => h.offerId === offerId).find(
      (date) => !isWithin(date, offer.startDate, offer.endDate),
    );
    if (outside !== undefined)
      throw new DomainRuleViolation(
        'expense.outside_offer_period',
        `Timesheet ${cmd.timesheetId}: ${outside} is not within the period ${offer.startDate}..${offer.endDate} of offer ${offerId}`,
        { ...details, date: outside, offerStartDate: offer.startDate, offerEndDate: offer.endDate },
      );
    return {
      offerId,
      personId: offer.personId,
      offerKind: offer.offerKind,
      fundingFrame: offer.fundingFrame,
    };
  });
}
