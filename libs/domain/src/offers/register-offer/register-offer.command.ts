import type { CommandEnvelope } from '../../shared/command-envelope';
import { clientId } from '../../shared/ids';
import { commandParser } from '../../shared/parse-command';
import { isoDate, object, oneOf, maybe, text } from '../../shared/schema';
import { OFFER_KINDS, PROVIDER_KINDS, type IsoDate, type OfferKind, type ProviderKind } from '../../shared/vocabulary';
import { offerCode } from '../offer-registered.event';

/** API.md RegisterOffer. offerCategory and fundingFrame are required for guidance_upskilling. */
export interface RegisterOffer extends CommandEnvelope<'RegisterOffer'> {
  offerId: string;
  personId: string;
  offerKind: OfferKind;
  startDate: IsoDate;
  endDate: IsoDate;
  offerCategory?: string;
  fundingFrame?: string;
  provider?: { kind: ProviderKind; name?: string };
}

export const parseRegisterOffer: (input: unknown) => RegisterOffer = commandParser('RegisterOffer', {
  offerId: clientId(),
  personId: clientId(),
  offerKind: oneOf(OFFER_KINDS),
  startDate: isoDate(),
  endDate: isoDate(),
  offerCategory: maybe(offerCode()),
  fundingFrame: maybe(offerCode()),
  provider: maybe(object({ kind: oneOf(PROVIDER_KINDS), name: maybe(text(200)) })),
});
