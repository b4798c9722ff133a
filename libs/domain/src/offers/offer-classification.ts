import type { DecisionContext } from '../shared/decision-context';
import { DomainRuleViolation } from '../shared/domain-rule-violation.error';
import type { IsoDate, OfferKind, ProviderKind } from '../shared/vocabulary';

/** Offer kinds that must be registered with an afholdelseskategori and a bevillingsramme (API.md). */
export const CLASSIFIED_OFFER_KINDS: readonly OfferKind[] = ['guidance_upskilling'];

export interface OfferClassification {
  offerId: string;
  offerKind: OfferKind;
  offerCategory: string | null;
  fundingFrame: string | null;
  startDate: IsoDate;
  registrationDate: IsoDate;
}

/**
 * The category × frame rule: guidance_upskilling needs both offerCategory and fundingFrame;
 * any offer that gives one must give both; a given pair must be valid for the start date and the
 * registration date, and the frame must admit the offer kind (the injected `offerValidity`). Returns the check's citations.
 */
export function checkOfferClassification(c: OfferClassification, context: DecisionContext): unknown[] {
  const required = CLASSIFIED_OFFER_KINDS.includes(c.offerKind);
  if (c.offerCategory === null && c.fundingFrame === null && !required) return [];
  if (c.offerCategory === null || c.fundingFrame === null) {
    throw new DomainRuleViolation(
      'offer.classification_required',
      required
        ? `An offer of kind ${c.offerKind} needs both offerCategory (afholdelseskategori) and fundingFrame (bevillingsramme)`
        : 'offerCategory and fundingFrame are given together or not at all',
      {
        offerId: c.offerId,
        offerKind: c.offerKind,
        offerCategory: c.offerCategory,
        fundingFrame: c.fundingFrame,
      },
    );
  }
  const result = context.offerValidity({
    offerKind: c.offerKind,
    offerCategory: c.offerCategory,
    fundingFrame: c.fundingFrame,
    startDate: c.startDate,
    registrationDate: c.registrationDate,
  });
  if (!result.valid) {
    throw new DomainRuleViolation(
      'offer.classification_invalid',
      `Offer category ${c.offerCategory} cannot be financed from funding frame ${c.fundingFrame} for an offer starting ${c.startDate} registered ${c.registrationDate}: ${result.reason}`,
      {
        offerId: c.offerId,
        offerCategory: c.offerCategory,
        fundingFrame: c.fundingFrame,
        startDate: c.startDate,
        registrationDate: c.registrationDate,
        reason: result.reason,
        citations: result.citations,
      },
    );
  }
  return result.citations;
}

/** What an offer's or a project's command says of its classification and provider (API.md RegisterOffer, RegisterProject). */
export interface ClassifiedCommand {
  offerKind: OfferKind;
  startDate: IsoDate;
  offerCategory?: string;
  fundingFrame?: string;
  provider?: { kind: ProviderKind; name?: string };
}

/**
 * The classification an offer or a project is registered with, checked (checkOfferClassification): category and
 * frame (null when not given), the provider, the registration date and the check's citations.
 */
export function registeredClassification(
  id: string,
  cmd: ClassifiedCommand,
  registrationDate: IsoDate,
  context: DecisionContext,
) {
  const offerCategory = cmd.offerCategory ?? null;
  const fundingFrame = cmd.fundingFrame ?? null;
  const validityCitations = checkOfferClassification(
    {
      offerId: id,
      offerKind: cmd.offerKind,
      offerCategory,
      fundingFrame,
      startDate: cmd.startDate,
      registrationDate,
    },
    context,
  );
  return {
    offerCategory,
    fundingFrame,
    provider: cmd.provider ? { kind: cmd.provider.kind, name: cmd.provider.name ?? null } : null,
    registrationDate,
    validityCitations,
  };
}
