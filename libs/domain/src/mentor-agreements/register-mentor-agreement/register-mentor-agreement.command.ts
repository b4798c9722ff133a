import type { CommandEnvelope } from '../../shared/command-envelope';
import { clientId } from '../../shared/ids';
import { commandParser } from '../../shared/parse-command';
import { isoDate, oneOf, maybe } from '../../shared/schema';
import { MENTOR_KINDS, MENTOR_TYPES, type IsoDate, type MentorKind, type MentorType } from '../../shared/vocabulary';

/** API.md RegisterMentorAgreement. */
export interface RegisterMentorAgreement extends CommandEnvelope<'RegisterMentorAgreement'> {
  agreementId: string;
  personId: string;
  offerId?: string;
  mentorType: MentorType;
  mentorKind: MentorKind;
  startDate: IsoDate;
  endDate: IsoDate;
}

export const parseRegisterMentorAgreement: (input: unknown) => RegisterMentorAgreement = commandParser(
  'RegisterMentorAgreement',
  {
    agreementId: clientId(),
    personId: clientId(),
    offerId: maybe(clientId()),
    mentorType: oneOf(MENTOR_TYPES),
    mentorKind: oneOf(MENTOR_KINDS),
    startDate: isoDate(),
    endDate: isoDate(),
  },
);
