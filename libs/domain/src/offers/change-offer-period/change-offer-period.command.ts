import type { CommandEnvelope } from '../../shared/command-envelope';
import { clientId } from '../../shared/ids';
import { commandParser } from '../../shared/parse-command';
import { isoDate } from '../../shared/schema';
import type { IsoDate } from '../../shared/vocabulary';

/** API.md ChangeOfferPeriod: correct or extend the period. */
export interface ChangeOfferPeriod extends CommandEnvelope<'ChangeOfferPeriod'> {
  offerId: string;
  startDate: IsoDate;
  endDate: IsoDate;
}

export const parseChangeOfferPeriod: (input: unknown) => ChangeOfferPeriod = commandParser('ChangeOfferPeriod', {
  offerId: clientId(),
  startDate: isoDate(),
  endDate: isoDate(),
});
