import { z } from 'zod';
import { clientId, hours, isoDate, kroner } from '../../shared/field-schemas';
import { commandSchema } from '../../shared/parse-command';
import { maybe } from '../../shared/schema';

/**
 * API.md RecordMentorHours: only direct-contact hours are costed; exactly one of hourlyCost (the
 * actual hourly wage cost) and fee (a consultant's fee for these hours). Hours are parsed to
 * their canonical string ("1.5" and 1.5 -> "1.50").
 */
export const recordMentorHoursSchema = commandSchema('RecordMentorHours', {
  agreementId: clientId(),
  date: isoDate(),
  contactHours: hours(),
  hourlyCost: maybe(kroner()),
  fee: maybe(kroner()),
  preparationHours: maybe(hours()),
});
export type RecordMentorHours = z.output<typeof recordMentorHoursSchema>;
