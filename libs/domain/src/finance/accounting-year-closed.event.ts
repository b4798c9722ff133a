import type { EventEnvelope } from '../shared/domain-event';
import { integer, nullable, object, text, type Schema } from '../shared/schema';
import { MAX_ACCOUNTING_YEAR, MIN_ACCOUNTING_YEAR } from './cap-ids';

export interface AccountingYearClosedData {
  year: number;
  reason: string | null;
}

/**
 * Stream finance-{municipality}-{year}. From its recorded time on, nothing is posted into the
 * year's booking periods: later corrections land in the first open period, and the year's caps
 * are no longer restated.
 */
export type AccountingYearClosed = EventEnvelope<'AccountingYearClosed', 1, AccountingYearClosedData>;

export const accountingYearClosedV1: Schema<AccountingYearClosedData> = object(
  { year: integer({ min: MIN_ACCOUNTING_YEAR, max: MAX_ACCOUNTING_YEAR }), reason: nullable(text()) },
  { strict: true },
);

export const accountingYearClosed = (data: AccountingYearClosedData): AccountingYearClosed => ({ type: 'AccountingYearClosed', version: 1, data });
