import { z } from 'zod';
import { clientId, codeListId, isoDate, text } from '../../shared/field-schemas';
import { commandSchema } from '../../shared/parse-command';
import { maybe } from '../../shared/schema';
import { OFFER_KINDS, PROVIDER_KINDS } from '../../shared/vocabulary';

/**
 * API.md RegisterOffer. offerCategory and fundingFrame (STAR code-list ids, number or string) are required for
 * guidance_upskilling. registrationDate: the day the offer was registered in the case system (default today). projectId: the person takes part in
 * that project (kind, category and frame come from it).
 */
export const registerOfferSchema = commandSchema('RegisterOffer', {
  offerId: clientId(),
  personId: clientId(),
  offerKind: z.enum(OFFER_KINDS),
  startDate: isoDate(),
  endDate: isoDate(),
  offerCategory: maybe(codeListId()),
  fundingFrame: maybe(codeListId()),
  provider: maybe(z.strictObject({ kind: z.enum(PROVIDER_KINDS), name: maybe(text(200)) })),
  registrationDate: maybe(isoDate()),
  projectId: maybe(clientId()),
});
export type RegisterOffer = z.output<typeof registerOfferSchema>;
