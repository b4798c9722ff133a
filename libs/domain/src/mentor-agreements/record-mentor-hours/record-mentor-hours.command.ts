import type { CommandEnvelope } from '../../shared/command-envelope';
import { hours, kroner } from '../../shared/field-schemas';
import { clientId } from '../../shared/ids';
import { commandParser } from '../../shared/parse-command';
import { isoDate, maybe } from '../../shared/schema';
import type { IsoDate } from '../../shared/vocabulary';

/** API.md RecordMentorHours: only direct-contact hours are costed; exactly one of hourlyCost and fee. */
export interface RecordMentorHours extends CommandEnvelope<'RecordMentorHours'> {
  agreementId: string;
  date: IsoDate;
  /** Decimal hours with at most two decimals, as a string ("1.5") or a number (1.5). */
  contactHours: string | number;
  /** Actual hourly wage cost, kroner string ("350.00"). */
  hourlyCost?: string;
  /** A consultant's fee for these hours, kroner string. */
  fee?: string;
  preparationHours?: string | number;
}

export const parseRecordMentorHours: (input: unknown) => RecordMentorHours = commandParser('RecordMentorHours', {
  agreementId: clientId(),
  date: isoDate(),
  contactHours: hours(),
  hourlyCost: maybe(kroner()),
  fee: maybe(kroner()),
  preparationHours: maybe(hours()),
});
