import type { EventEnvelope } from '../shared/domain-event';
import { clientId } from '../shared/ids';
import { isoDate, nullable, object, oneOf, type Schema } from '../shared/schema';
import { MENTOR_KINDS, MENTOR_TYPES, type IsoDate, type MentorKind, type MentorType } from '../shared/vocabulary';

export interface MentorAgreementRegisteredData {
  agreementId: string;
  personId: string;
  offerId: string | null;
  mentorType: MentorType;
  mentorKind: MentorKind;
  /** The agreement period, inclusive. */
  startDate: IsoDate;
  endDate: IsoDate;
}

/** Stream mentor-agreement-{municipality}-{agreementId}. */
export type MentorAgreementRegistered = EventEnvelope<'MentorAgreementRegistered', 1, MentorAgreementRegisteredData>;

export const mentorAgreementRegisteredV1: Schema<MentorAgreementRegisteredData> = object(
  {
    agreementId: clientId(),
    personId: clientId(),
    offerId: nullable(clientId()),
    mentorType: oneOf(MENTOR_TYPES),
    mentorKind: oneOf(MENTOR_KINDS),
    startDate: isoDate(),
    endDate: isoDate(),
  },
  { strict: true },
);

export const mentorAgreementRegistered = (data: MentorAgreementRegisteredData): MentorAgreementRegistered => ({
  type: 'MentorAgreementRegistered',
  version: 1,
  data,
});
