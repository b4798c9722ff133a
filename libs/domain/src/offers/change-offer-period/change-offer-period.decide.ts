import type { DecisionContext } from '../../shared/decision-context';
import { DomainRuleViolation } from '../../shared/domain-rule-violation.error';
import { checkOfferClassification } from '../offer-classification';
import { assertOfferPeriod } from '../offer-period';
import { offerPeriodChanged, type OfferPeriodChanged } from '../offer-period-changed.event';
import { offerOf, type ProjectState } from '../../projects/project.state';
import type { ChangeOfferPeriod } from './change-offer-period.command';

/**
 * Refused for an unknown or cancelled offer, a reversed period, or (for a classified offer) a new
 * start date the category × frame matrix does not allow, judged with the original registration
 * date. Accepted even when expenses recorded earlier fall outside the new period (the ledger
 * flags them). The same period again yields no event.
 */
export function decideChangeOfferPeriod(
  cmd: ChangeOfferPeriod,
  stream: ProjectState,
  context: DecisionContext,
): [] | [OfferPeriodChanged] {
  const state = offerOf(stream, cmd.offerId);
  if (state.status === 'none') {
    throw new DomainRuleViolation('offer.not_found', `Offer ${cmd.offerId} is not registered`, {
      offerId: cmd.offerId,
    });
  }
  if (state.status === 'cancelled') {
    throw new DomainRuleViolation(
      'offer.cancelled',
      `Offer ${cmd.offerId} is cancelled; its period cannot change`,
      {
        offerId: cmd.offerId,
      },
    );
  }
  assertOfferPeriod(cmd.offerId, cmd.startDate, cmd.endDate);
  if (cmd.startDate === state.startDate && cmd.endDate === state.endDate) return [];
  const validityCitations = checkOfferClassification(
    {
      offerId: state.offerId,
      offerKind: state.offerKind,
      offerCategory: state.offerCategory,
      fundingFrame: state.fundingFrame,
      startDate: cmd.startDate,
      registrationDate: state.registrationDate,
    },
    context,
  );
  return [
    offerPeriodChanged({
      offerId: state.offerId,
      personId: state.personId,
      offerKind: state.offerKind,
      startDate: cmd.startDate,
      endDate: cmd.endDate,
      previousStartDate: state.startDate,
      previousEndDate: state.endDate,
      validityCitations,
      ...(state.projectId !== null && { projectId: state.projectId }),
    }),
  ];
}
