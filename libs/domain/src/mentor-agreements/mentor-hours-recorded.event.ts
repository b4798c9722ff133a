import { z } from 'zod';
import type { EventEnvelope } from '../shared/domain-event';
import { clientId, isoDate, oere } from '../shared/field-schemas';
import { MENTOR_KINDS, MENTOR_TYPES } from '../shared/vocabulary';
import { says } from '../shared/schema';

const hoursText = () =>
  z.string(says('must be hours with exactly two decimals, e.g. "1.50"')).regex(/^\d{1,6}\.\d{2}$/);

export const mentorHoursRecordedV1 = z.strictObject({
  agreementId: clientId(),
  /** Copied from the agreement. */
  personId: clientId(),
  offerId: clientId().nullable(),
  mentorType: z.enum(MENTOR_TYPES),
  mentorKind: z.enum(MENTOR_KINDS),
  agreementStartDate: isoDate(),
  agreementEndDate: isoDate(),
  /** The day of the direct contact (within the agreement). */
  date: isoDate(),
  /** Direct-contact hours, canonical decimal string with two decimals, e.g. "1.50". */
  contactHours: hoursText(),
  /** Recorded, never costed; null when not given. */
  preparationHours: hoursText().nullable(),
  /** Actual hourly wage cost in øre, when the cost is hours × hourly cost; else null. */
  hourlyCostOere: oere().nullable(),
  /** A consultant's fee in øre for these hours, when the cost is a fee; else null. */
  feeOere: oere().nullable(),
  /** The cost in øre: round_half_away_from_zero(contactHours × hourlyCost), or the fee. */
  costOere: oere(),
});
export type MentorHoursRecordedData = z.output<typeof mentorHoursRecordedV1>;

/** Stream mentor-agreement-{municipality}-{agreementId}. The event id identifies the entry. */
export type MentorHoursRecorded = EventEnvelope<'MentorHoursRecorded', 1, MentorHoursRecordedData>;

export const mentorHoursRecorded = (data: MentorHoursRecordedData): MentorHoursRecorded => ({
  type: 'MentorHoursRecorded',
  version: 1,
  data,
});
