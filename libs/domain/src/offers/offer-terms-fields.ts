import { z } from 'zod';
import { codeListId, isoDate, text } from '../shared/field-schemas';
import { maybe } from '../shared/schema';
import { OFFER_KINDS, PROVIDER_KINDS } from '../shared/vocabulary';

/** The fields RegisterOffer and RegisterProject give alike: the terms an offer is registered with. */
export const offerTermsFields = {
  offerKind: z.enum(OFFER_KINDS),
  startDate: isoDate(),
  endDate: isoDate(),
  offerCategory: maybe(codeListId()),
  fundingFrame: maybe(codeListId()),
  provider: maybe(z.strictObject({ kind: z.enum(PROVIDER_KINDS), name: maybe(text(200)) })),
  registrationDate: maybe(isoDate()),
};
