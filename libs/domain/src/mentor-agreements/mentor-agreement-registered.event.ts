import { z } from 'zod';
import type { EventEnvelope } from '../shared/domain-event';
import { clientId, isoDate } from '../shared/field-schemas';
import { MENTOR_KINDS, MENTOR_TYPES } from '../shared/vocabulary';

export const mentorAgreementRegisteredV1 = z.strictObject({
  agreementId: clientId(),
  personId: clientId(),
  offerId: clientId().nullable(),
  mentorType: z.enum(MENTOR_TYPES),
  mentorKind: z.enum(MENTOR_KINDS),
  /** The agreement period, inclusive. */
  startDate: isoDate(),
  endDate: isoDate(),
});
export type MentorAgreementRegisteredData = z.output<typeof mentorAgreementRegisteredV1>;

/** Stream mentor-agreement-{municipality}-{agreementId}. */
export type MentorAgreementRegistered = EventEnvelope<
  'MentorAgreementRegistered',
  1,
  MentorAgreementRegisteredData
>;

export const mentorAgreementRegistered = (
  data: MentorAgreementRegisteredData,
): MentorAgreementRegistered => ({
  type: 'MentorAgreementRegistered',
  version: 1,
  data,
});
