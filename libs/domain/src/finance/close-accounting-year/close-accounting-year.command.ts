import { z } from 'zod';
import { text } from '../../shared/field-schemas';
import { commandSchema } from '../../shared/parse-command';
import { maybe } from '../../shared/schema';
import { accountingYearInput } from '../cap-ids';

/** Finance: close an accounting year of the municipality. */
export const closeAccountingYearSchema = commandSchema('CloseAccountingYear', {
  year: accountingYearInput(),
  reason: maybe(text()),
});
export type CloseAccountingYear = z.output<typeof closeAccountingYearSchema>;
