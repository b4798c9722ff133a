import type { DecisionContext } from '../../shared/decision-context';
import { DomainRuleViolation } from '../../shared/domain-rule-violation.error';
import { registeredClassification } from '../../offers/offer-classification';
import { assertOfferPeriod } from '../../offers/offer-period';
import { checkedRegistrationDate } from '../../offers/registration-date';
import { projectRegistered, type ProjectRegistered } from '../project-registered.event';
import type { ProjectState } from '../project.state';
import type { RegisterProject } from './register-project.command';

/**
 * The project's kind, category and frame are checked as an offer's would be, on its registration date (default
 * today, never in the future): its participants' offers take them, and that date where they give none.
 */
export function decideRegisterProject(
  cmd: RegisterProject,
  state: ProjectState,
  context: DecisionContext,
): [ProjectRegistered] {
  if (state.project !== null) {
    throw new DomainRuleViolation(
      'project.already_registered',
      `Project ${cmd.projectId} is already registered`,
      { projectId: cmd.projectId },
    );
  }
  assertOfferPeriod(cmd.projectId, cmd.startDate, cmd.endDate);
  const registrationDate = checkedRegistrationDate(cmd.registrationDate, context, {
    code: 'project.registration_in_future',
    name: `Project ${cmd.projectId}`,
    ids: { projectId: cmd.projectId },
  });
  return [
    projectRegistered({
      projectId: cmd.projectId,
      name: cmd.name,
      offerKind: cmd.offerKind,
      startDate: cmd.startDate,
      endDate: cmd.endDate,
      ...registeredClassification(cmd.projectId, cmd, registrationDate, context),
    }),
  ];
}
