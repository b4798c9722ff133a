import type { CommandEnvelope } from '../../shared/command-envelope';
import { commandParser } from '../../shared/parse-command';
import { integer, maybe, text } from '../../shared/schema';
import { MAX_ACCOUNTING_YEAR, MIN_ACCOUNTING_YEAR } from '../cap-ids';

/** Finance: close an accounting year of the municipality. */
export interface CloseAccountingYear extends CommandEnvelope<'CloseAccountingYear'> {
  year: number;
  reason?: string;
}

export const parseCloseAccountingYear: (input: unknown) => CloseAccountingYear = commandParser('CloseAccountingYear', {
  year: integer({ min: MIN_ACCOUNTING_YEAR, max: MAX_ACCOUNTING_YEAR }),
  reason: maybe(text()),
});
