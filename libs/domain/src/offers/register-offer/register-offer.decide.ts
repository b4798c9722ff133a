import type { DecisionContext } from '../../shared/decision-context';
import { DomainRuleViolation } from '../../shared/domain-rule-violation.error';
import { registeredClassification } from '../offer-classification';
import { assertOfferPeriod } from '../offer-period';
import { checkedRegistrationDate } from '../registration-date';
import { offerRegistered, type OfferRegistered } from '../offer-registered.event';
import { offerOf, type ProjectState } from '../../projects/project.state';
import type { RegisterOffer } from './register-offer.command';

/** The offer of a project's participant is registered on the project's stream and takes its kind, category and frame. */
export function decideRegisterOffer(
  given: RegisterOffer,
  state: ProjectState,
  context: DecisionContext,
): [OfferRegistered] {
  const cmd = given.projectId === undefined ? given : asParticipant(given, state);
  if (offerOf(state, cmd.offerId).status !== 'none') {
    throw new DomainRuleViolation('offer.already_registered', `Offer ${cmd.offerId} is already registered`, {
      offerId: cmd.offerId,
    });
  }
  assertOfferPeriod(cmd.offerId, cmd.startDate, cmd.endDate);
  // A participant takes its kind, category and frame from the project, registered on the project's day: without a
  // day of its own it is judged on that day too, so an imported project's participants are not judged on today.
  const registrationDate = checkedRegistrationDate(
    cmd.registrationDate,
    context,
    { code: 'offer.registration_in_future', name: `Offer ${cmd.offerId}`, ids: { offerId: cmd.offerId } },
    state.project?.registrationDate,
  );
  return [
    offerRegistered({
      offerId: cmd.offerId,
      personId: cmd.personId,
      offerKind: cmd.offerKind,
      startDate: cmd.startDate,
      endDate: cmd.endDate,
      ...registeredClassification(cmd.offerId, cmd, registrationDate, context),
      ...(cmd.projectId !== undefined && { projectId: cmd.projectId }),
    }),
  ];
}

/** The command with the project's kind, category and frame; one that names others is refused. */
function asParticipant(cmd: RegisterOffer, state: ProjectState): RegisterOffer {
  const { project } = state;
  if (project === null) {
    throw new DomainRuleViolation('project.not_found', `Project ${cmd.projectId} is not registered`, {
      offerId: cmd.offerId,
      projectId: cmd.projectId,
    });
  }
  const own = {
    offerKind: project.offerKind,
    offerCategory: project.offerCategory ?? undefined,
    fundingFrame: project.fundingFrame ?? undefined,
  };
  const differs = (Object.keys(own) as (keyof typeof own)[]).filter(
    (k) => cmd[k] !== undefined && cmd[k] !== own[k],
  );
  if (differs.length > 0) {
    throw new DomainRuleViolation(
      'offer.project_mismatch',
      `Offer ${cmd.offerId} takes ${differs.join(', ')} from project ${cmd.projectId} (${differs.map((k) => `${k} ${own[k] ?? 'none'}`).join(', ')})`,
      { offerId: cmd.offerId, projectId: cmd.projectId, fields: differs },
    );
  }
  return { ...cmd, ...own };
}
