import type { DecisionContext } from '../../shared/decision-context';
import { DomainRuleViolation } from '../../shared/domain-rule-violation.error';
import { danishDateOf } from '../../shared/calendar-date';
import { checkOfferClassification } from '../offer-classification';
import { assertOfferPeriod } from '../offer-period';
import { offerRegistered, type OfferRegistered } from '../offer-registered.event';
import type { OfferState } from '../offer.state';
import type { RegisterOffer } from './register-offer.command';

export function decideRegisterOffer(
  cmd: RegisterOffer,
  state: OfferState,
  context: DecisionContext,
): [OfferRegistered] {
  if (state.status !== 'none') {
    throw new DomainRuleViolation('offer.already_registered', `Offer ${cmd.offerId} is already registered`, {
      offerId: cmd.offerId,
    });
  }
  assertOfferPeriod(cmd.offerId, cmd.startDate, cmd.endDate);
  // The matrix's registration windows (seed 002) are judged on the day the case system registered the offer, so an
  // imported history gives it; it can only be a day that has begun in Denmark.
  const today = danishDateOf(context.now);
  const registrationDate = cmd.registrationDate ?? today;
  if (registrationDate > today) {
    throw new DomainRuleViolation(
      'offer.registration_in_future',
      `Offer ${cmd.offerId} cannot have been registered on ${registrationDate}, after today (${today})`,
      {
        offerId: cmd.offerId,
        registrationDate,
        today,
      },
    );
  }
  const offerCategory = cmd.offerCategory ?? null;
  const fundingFrame = cmd.fundingFrame ?? null;
  const validityCitations = checkOfferClassification(
    {
      offerId: cmd.offerId,
      offerKind: cmd.offerKind,
      offerCategory,
      fundingFrame,
      startDate: cmd.startDate,
      registrationDate,
    },
    context,
  );
  return [
    offerRegistered({
      offerId: cmd.offerId,
      personId: cmd.personId,
      offerKind: cmd.offerKind,
      startDate: cmd.startDate,
      endDate: cmd.endDate,
      offerCategory,
      fundingFrame,
      provider: cmd.provider ? { kind: cmd.provider.kind, name: cmd.provider.name ?? null } : null,
      registrationDate,
      validityCitations,
    }),
  ];
}
