import type { EventEnvelope } from '../shared/domain-event';
import { oere } from '../shared/field-schemas';
import { integer, nullable, object, oneOf, text, type Schema } from '../shared/schema';
import { CAP_IDS, MAX_ACCOUNTING_YEAR, MIN_ACCOUNTING_YEAR, type CapIdentifier } from './cap-ids';

export interface CapParametersSetData {
  /** The accounting (booking) year the cap limits. */
  year: number;
  cap: CapIdentifier;
  /** Amount per full-year person, integer øre (e.g. 4336300 for the 2025 rådighedsloft of 43,363 kr). */
  amountPerFullYearPersonOere: number;
  /** Number of full-year persons in hundredths (1250 = 12.50 full-year persons). */
  fullYearPersonsHundredths: number;
  reason: string | null;
}

/** Stream finance-{municipality}-{year}. The allowance is amount × persons (libs/ledger capAllowance). */
export type CapParametersSet = EventEnvelope<'CapParametersSet', 1, CapParametersSetData>;

export const capParametersSetV1: Schema<CapParametersSetData> = object(
  {
    year: integer({ min: MIN_ACCOUNTING_YEAR, max: MAX_ACCOUNTING_YEAR }),
    cap: oneOf(CAP_IDS),
    amountPerFullYearPersonOere: oere(),
    fullYearPersonsHundredths: integer({ min: 0 }),
    reason: nullable(text()),
  },
  { strict: true },
);

export const capParametersSet = (data: CapParametersSetData): CapParametersSet => ({ type: 'CapParametersSet', version: 1, data });
