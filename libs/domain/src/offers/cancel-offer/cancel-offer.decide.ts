import type { DecisionContext } from '../../shared/decision-context';
import { DomainRuleViolation } from '../../shared/domain-rule-violation.error';
import { offerCancelled, type OfferCancelled } from '../offer-cancelled.event';
import { offerOf, type ProjectState } from '../../projects/project.state';
import type { CancelOffer } from './cancel-offer.command';

export function decideCancelOffer(
  cmd: CancelOffer,
  stream: ProjectState,
  _context: DecisionContext,
): [OfferCancelled] {
  const state = offerOf(stream, cmd.offerId);
  if (state.status === 'none') {
    throw new DomainRuleViolation('offer.not_found', `Offer ${cmd.offerId} is not registered`, {
      offerId: cmd.offerId,
    });
  }
  if (state.status === 'cancelled') {
    throw new DomainRuleViolation('offer.already_cancelled', `Offer ${cmd.offerId} is already cancelled`, {
      offerId: cmd.offerId,
    });
  }
  return [
    offerCancelled({
      offerId: state.offerId,
      personId: state.personId,
      offerKind: state.offerKind,
      startDate: state.startDate,
      endDate: state.endDate,
      reason: cmd.reason,
      ...(state.projectId !== null && { projectId: state.projectId }),
    }),
  ];
}
