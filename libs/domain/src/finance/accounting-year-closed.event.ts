import { z } from 'zod';
import type { EventEnvelope } from '../shared/domain-event';
import { text } from '../shared/field-schemas';
import { accountingYear } from './cap-ids';

export const accountingYearClosedV1 = z.strictObject({ year: accountingYear(), reason: text().nullable() });
export type AccountingYearClosedData = z.output<typeof accountingYearClosedV1>;

/**
 * Stream finance-{municipality}-{year}. From its recorded time on, nothing is posted into the
 * year's booking periods: later corrections land in the first open period, and the year's caps
 * are no longer restated.
 */
export type AccountingYearClosed = EventEnvelope<'AccountingYearClosed', 1, AccountingYearClosedData>;

export const accountingYearClosed = (data: AccountingYearClosedData): AccountingYearClosed => ({
  type: 'AccountingYearClosed',
  version: 1,
  data,
});
