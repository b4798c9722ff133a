import { z } from 'zod';
import { clientId, hours, isoDate, kroner, text } from '../../shared/field-schemas';
import { commandSchema } from '../../shared/parse-command';
import { maybe, says } from '../../shared/schema';
import { isoWeekDates } from '../iso-week';

const WEEK_MESSAGE = 'must be an ISO week YYYY-Www of a year 2000-2099, e.g. "2025-W10"';

/** An ISO week `YYYY-Www` that the year has (W53 only in a year with 53 weeks). */
export const isoWeek = () =>
  z
    .string(says(WEEK_MESSAGE))
    .refine((value) => isoWeekDates(value) !== undefined, WEEK_MESSAGE)
    .meta({ example: '2025-W10' });

/** Hours of one day on one project (projectId) or on one offer outside a project (offerId): exactly one of them. */
const offerHoursSchema = z.strictObject({
  projectId: maybe(clientId()),
  offerId: maybe(clientId()),
  hours: hours(),
});

/**
 * API.md RecordStaffTimesheet: a Bilag 2 timesheet of one member of staff with mixed functions for one week
 * (VEJ 9584 6.4 B, 000_140518b2c182b2de.txt L1068-L1073; Bilag 2 L1614-L1815). A corrected version has the same
 * timesheetId and a higher revision.
 */
export const recordStaffTimesheetSchema = commandSchema('RecordStaffTimesheet', {
  timesheetId: clientId(),
  revision: z
    .union([z.int(), z.string().regex(/^\d{1,9}$/)], says('must be a revision number from 1'))
    .transform(Number)
    .pipe(z.int().min(1).max(1_000_000_000))
    .meta({ example: 1 }),
  staffId: clientId(),
  /** Bilag 2's "Medarbejderkategori" (L1625-L1627). */
  staffCategory: text(200),
  week: isoWeek(),
  /** The week's salary cost of the member of staff. */
  salaryCost: kroner(),
  bookingDate: maybe(isoDate()),
  days: z
    .array(
      z.strictObject({
        date: isoDate(),
        hoursWorked: hours(),
        offerHours: z.array(offerHoursSchema).max(50),
        administrationHours: hours(),
      }),
    )
    .min(1)
    .max(7),
  /** "Hermed godkendes ovennævnte tidsopgørelse — Medarbejder / Daglig leder" (L1730-L1734). */
  approvedBy: z.strictObject({ employee: text(200), manager: text(200) }),
});
export type RecordStaffTimesheet = z.output<typeof recordStaffTimesheetSchema>;
