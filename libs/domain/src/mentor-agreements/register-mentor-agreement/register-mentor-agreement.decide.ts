import type { DecisionContext } from '../../shared/decision-context';
import { DomainRuleViolation } from '../../shared/domain-rule-violation.error';
import {
  mentorAgreementRegistered,
  type MentorAgreementRegistered,
} from '../mentor-agreement-registered.event';
import type { MentorAgreementState } from '../mentor-agreement.state';
import type { RegisterMentorAgreement } from './register-mentor-agreement.command';

/**
 * The "at most 6 months beyond the start of a job or education" limit is a refund matter
 * (the ledger's mentor window), not a reason to refuse the agreement.
 */
export function decideRegisterMentorAgreement(
  cmd: RegisterMentorAgreement,
  state: MentorAgreementState,
  _context: DecisionContext,
): [MentorAgreementRegistered] {
  if (state.status !== 'none') {
    throw new DomainRuleViolation(
      'mentor_agreement.already_registered',
      `Mentor agreement ${cmd.agreementId} is already registered`,
      {
        agreementId: cmd.agreementId,
      },
    );
  }
  if (cmd.endDate < cmd.startDate) {
    throw new DomainRuleViolation(
      'mentor_agreement.invalid_period',
      `Mentor agreement ${cmd.agreementId}: endDate ${cmd.endDate} is before startDate ${cmd.startDate}`,
      { agreementId: cmd.agreementId, startDate: cmd.startDate, endDate: cmd.endDate },
    );
  }
  return [
    mentorAgreementRegistered({
      agreementId: cmd.agreementId,
      personId: cmd.personId,
      offerId: cmd.offerId ?? null,
      mentorType: cmd.mentorType,
      mentorKind: cmd.mentorKind,
      startDate: cmd.startDate,
      endDate: cmd.endDate,
    }),
  ];
}
