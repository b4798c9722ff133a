import { z } from 'zod';
import type { EventEnvelope } from '../shared/domain-event';
import { oere, text } from '../shared/field-schemas';
import { MAX_AMOUNT_OERE } from '../shared/money';
import { accountingYear, CAP_IDS, MAX_FULL_YEAR_PERSONS_HUNDREDTHS } from './cap-ids';

export const capParametersSetV1 = z.strictObject({
  /** The accounting (booking) year the cap limits. */
  year: accountingYear(),
  cap: z.enum(CAP_IDS),
  /** Amount per full-year person, integer øre (e.g. 4336300 for the 2025 rådighedsloft of 43,363 kr). */
  amountPerFullYearPersonOere: oere().min(0).max(MAX_AMOUNT_OERE),
  /** Number of full-year persons in hundredths (1250 = 12.50 full-year persons). */
  fullYearPersonsHundredths: z.int().min(0).max(MAX_FULL_YEAR_PERSONS_HUNDREDTHS),
  reason: text().nullable(),
});
export type CapParametersSetData = z.output<typeof capParametersSetV1>;

/** Stream finance-{municipality}-{year}. The allowance is amount × persons (libs/ledger capAllowance). */
export type CapParametersSet = EventEnvelope<'CapParametersSet', 1, CapParametersSetData>;

export const capParametersSet = (data: CapParametersSetData): CapParametersSet => ({
  type: 'CapParametersSet',
  version: 1,
  data,
});
