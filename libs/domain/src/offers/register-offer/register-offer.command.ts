import type { z } from 'zod';
import { clientId } from '../../shared/field-schemas';
import { commandSchema } from '../../shared/parse-command';
import { maybe } from '../../shared/schema';
import { offerTermsFields } from '../offer-terms-fields';

/**
 * API.md RegisterOffer. offerCategory and fundingFrame (STAR code-list ids, number or string) are required for
 * guidance_upskilling. registrationDate: the day the offer was registered in the case system (default today). projectId: the person takes part in
 * that project (kind, category and frame come from it).
 */
export const registerOfferSchema = commandSchema('RegisterOffer', {
  offerId: clientId(),
  personId: clientId(),
  ...offerTermsFields,
  projectId: maybe(clientId()),
});
export type RegisterOffer = z.output<typeof registerOfferSchema>;
