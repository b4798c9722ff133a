import { z } from 'zod';
import { clientId, isoDate } from '../../shared/field-schemas';
import { commandSchema } from '../../shared/parse-command';
import { maybe } from '../../shared/schema';
import { MENTOR_KINDS, MENTOR_TYPES } from '../../shared/vocabulary';

/** API.md RegisterMentorAgreement. */
export const registerMentorAgreementSchema = commandSchema('RegisterMentorAgreement', {
  agreementId: clientId(),
  personId: clientId(),
  offerId: maybe(clientId()),
  mentorType: z.enum(MENTOR_TYPES),
  mentorKind: z.enum(MENTOR_KINDS),
  startDate: isoDate(),
  endDate: isoDate(),
});
export type RegisterMentorAgreement = z.output<typeof registerMentorAgreementSchema>;
