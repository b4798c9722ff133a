import { z } from 'zod';
import { clientId, text } from '../../shared/field-schemas';
import { commandSchema } from '../../shared/parse-command';
import { maybe } from '../../shared/schema';

/** API.md CancelOffer: the offer never took place; its costs are reversed. */
export const cancelOfferSchema = commandSchema('CancelOffer', {
  offerId: clientId(),
  /** The offer's project, when it takes part in one: its offer lives on the project's stream. */
  projectId: maybe(clientId()),
  reason: text(),
});
export type CancelOffer = z.output<typeof cancelOfferSchema>;
