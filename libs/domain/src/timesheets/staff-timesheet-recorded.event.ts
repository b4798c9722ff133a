import { z } from 'zod';
import type { EventEnvelope } from '../shared/domain-event';
import { clientId, isoDate, oere, storedCodeListId, text } from '../shared/field-schemas';
import { OFFER_KINDS } from '../shared/vocabulary';

const offerRef = z.strictObject({ offerId: clientId(), personId: clientId() });

export const staffTimesheetRecordedV1 = z.strictObject({
  timesheetId: clientId(),
  revision: z.int().min(1),
  staffId: clientId(),
  staffCategory: text(200),
  week: z.string(),
  /** Monday and Sunday of the week. */
  weekFrom: isoDate(),
  weekTo: isoDate(),
  salaryCostOere: oere(),
  /** The municipality's booking date, when the command gave one: the revision's postings are booked in its period. */
  bookingDate: isoDate().optional(),
  /** The days in date order; hours canonical with two decimals ("7.25"). */
  days: z.array(
    z.strictObject({
      date: isoDate(),
      hoursWorked: z.string(),
      offerHours: z.array(
        z.strictObject({
          projectId: clientId().optional(),
          offerId: clientId().optional(),
          hours: z.string(),
        }),
      ),
      administrationHours: z.string(),
    }),
  ),
  approvedBy: z.strictObject({ employee: text(200), manager: text(200) }),
  /** The offers outside projects the hours name, copied from their streams: the ledger books their part on them. */
  offers: z.array(
    offerRef.extend({ offerKind: z.enum(OFFER_KINDS), fundingFrame: storedCodeListId().nullable() }),
  ),
  /** The revision this one replaces and what it named (its parts are reposted), or null for the first. */
  replaces: z
    .strictObject({ revision: z.int().min(1), projectIds: z.array(clientId()), offers: z.array(offerRef) })
    .nullable(),
});
export type StaffTimesheetRecordedData = z.output<typeof staffTimesheetRecordedV1>;

/** Stream timesheet-{municipality}-{staffId}: a revision of a Bilag 2 timesheet. */
export type StaffTimesheetRecorded = EventEnvelope<'StaffTimesheetRecorded', 1, StaffTimesheetRecordedData>;

export const staffTimesheetRecorded = (data: StaffTimesheetRecordedData): StaffTimesheetRecorded => ({
  type: 'StaffTimesheetRecorded',
  version: 1,
  data,
});

/** The projects a revision's hours name, in the order they first appear. */
export function timesheetProjectIds(d: Pick<StaffTimesheetRecordedData, 'days'>): string[] {
  const ids = new Set<string>();
  for (const day of d.days)
    for (const h of day.offerHours) if (h.projectId !== undefined) ids.add(h.projectId);
  return [...ids];
}
