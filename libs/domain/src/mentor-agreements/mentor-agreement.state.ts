import type { DomainEvent } from '../events/domain-events';
import { parseHours } from '../shared/hours';
import type { IsoDate, MentorKind, MentorType } from '../shared/vocabulary';

export interface RegisteredMentorAgreement {
  status: 'active';
  agreementId: string;
  personId: string;
  offerId: string | null;
  mentorType: MentorType;
  mentorKind: MentorKind;
  startDate: IsoDate;
  endDate: IsoDate;
  /** Contact hours recorded so far per date, in hundredths of an hour. */
  contactHundredthsByDate: Readonly<Record<IsoDate, number>>;
}

/** Aggregate "mentor agreement", stream mentor-agreement-{municipality}-{agreementId}. */
export type MentorAgreementState = { status: 'none' } | RegisteredMentorAgreement;

export const initialMentorAgreementState: MentorAgreementState = { status: 'none' };

export function evolveMentorAgreement(state: MentorAgreementState, event: DomainEvent): MentorAgreementState {
  switch (event.type) {
    case 'MentorAgreementRegistered': {
      const d = event.data;
      return {
        status: 'active',
        agreementId: d.agreementId,
        personId: d.personId,
        offerId: d.offerId,
        mentorType: d.mentorType,
        mentorKind: d.mentorKind,
        startDate: d.startDate,
        endDate: d.endDate,
        contactHundredthsByDate: {},
      };
    }
    case 'MentorHoursRecorded': {
      if (state.status === 'none') return state;
      const { date, contactHours } = event.data;
      const before = state.contactHundredthsByDate[date] ?? 0;
      return {
        ...state,
        contactHundredthsByDate: {
          ...state.contactHundredthsByDate,
          [date]: before + parseHours(contactHours),
        },
      };
    }
    default:
      return state;
  }
}
