import type { CommandEnvelope } from '../../shared/command-envelope';
import { clientId } from '../../shared/ids';
import { commandParser } from '../../shared/parse-command';
import { text } from '../../shared/schema';

/** API.md CancelOffer: the offer never took place; its costs are reversed. */
export interface CancelOffer extends CommandEnvelope<'CancelOffer'> {
  offerId: string;
  reason: string;
}

export const parseCancelOffer: (input: unknown) => CancelOffer = commandParser('CancelOffer', {
  offerId: clientId(),
  reason: text(),
});
