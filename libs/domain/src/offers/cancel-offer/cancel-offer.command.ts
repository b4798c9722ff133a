import { z } from 'zod';
import { clientId, text } from '../../shared/field-schemas';
import { commandParser, commandSchema } from '../../shared/parse-command';

/** API.md CancelOffer: the offer never took place; its costs are reversed. */
export const cancelOfferSchema = commandSchema('CancelOffer', {
  offerId: clientId(),
  reason: text(),
});
export type CancelOffer = z.output<typeof cancelOfferSchema>;

export const parseCancelOffer = commandParser('CancelOffer', cancelOfferSchema);
