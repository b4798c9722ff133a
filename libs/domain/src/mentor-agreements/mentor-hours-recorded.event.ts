import type { EventEnvelope } from '../shared/domain-event';
import { oere } from '../shared/field-schemas';
import { clientId } from '../shared/ids';
import { isoDate, nullable, object, oneOf, string, type Schema } from '../shared/schema';
import { MENTOR_KINDS, MENTOR_TYPES, type IsoDate, type MentorKind, type MentorType } from '../shared/vocabulary';

export interface MentorHoursRecordedData {
  agreementId: string;
  /** Copied from the agreement. */
  personId: string;
  offerId: string | null;
  mentorType: MentorType;
  mentorKind: MentorKind;
  agreementStartDate: IsoDate;
  agreementEndDate: IsoDate;
  /** The day of the direct contact (within the agreement). */
  date: IsoDate;
  /** Direct-contact hours, canonical decimal string with two decimals, e.g. "1.50". */
  contactHours: string;
  /** Recorded, never costed; null when not given. */
  preparationHours: string | null;
  /** Actual hourly wage cost in øre, when the cost is hours × hourly cost; else null. */
  hourlyCostOere: number | null;
  /** A consultant's fee in øre for these hours, when the cost is a fee; else null. */
  feeOere: number | null;
  /** The cost in øre: round_half_away_from_zero(contactHours × hourlyCost), or the fee. */
  costOere: number;
}

/** Stream mentor-agreement-{municipality}-{agreementId}. The event id identifies the entry. */
export type MentorHoursRecorded = EventEnvelope<'MentorHoursRecorded', 1, MentorHoursRecordedData>;

const HOURS_2DP = /^\d{1,6}\.\d{2}$/;
const hoursText = () => string({ pattern: HOURS_2DP, message: 'must be hours with exactly two decimals, e.g. "1.50"' });

export const mentorHoursRecordedV1: Schema<MentorHoursRecordedData> = object(
  {
    agreementId: clientId(),
    personId: clientId(),
    offerId: nullable(clientId()),
    mentorType: oneOf(MENTOR_TYPES),
    mentorKind: oneOf(MENTOR_KINDS),
    agreementStartDate: isoDate(),
    agreementEndDate: isoDate(),
    date: isoDate(),
    contactHours: hoursText(),
    preparationHours: nullable(hoursText()),
    hourlyCostOere: nullable(oere()),
    feeOere: nullable(oere()),
    costOere: oere(),
  },
  { strict: true },
);

export const mentorHoursRecorded = (data: MentorHoursRecordedData): MentorHoursRecorded => ({
  type: 'MentorHoursRecorded',
  version: 1,
  data,
});
