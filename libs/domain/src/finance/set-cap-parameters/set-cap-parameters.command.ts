import { z } from 'zod';
import { nonNegativeKroner, text } from '../../shared/field-schemas';
import { formatHours, tryParseHours } from '../../shared/hours';
import { commandSchema } from '../../shared/parse-command';
import { maybe, says } from '../../shared/schema';
import { accountingYearInput, CAP_IDS, MAX_FULL_YEAR_PERSONS_HUNDREDTHS } from '../cap-ids';

/** Full-year persons: a count (number or decimal string, at most two decimals) from 0 to the bound → hundredths; undefined for anything else. */
export function tryParseFullYearPersons(value: unknown): number | undefined {
  const hundredths = tryParseHours(value);
  return hundredths !== undefined && hundredths >= 0 && hundredths <= MAX_FULL_YEAR_PERSONS_HUNDREDTHS
    ? hundredths
    : undefined;
}

const PERSONS_MESSAGE = `must be a number of full-year persons from 0 to ${formatHours(MAX_FULL_YEAR_PERSONS_HUNDREDTHS)} with at most two decimals, e.g. "12.5"`;

/**
 * Finance: the parameters of one cap for one accounting year of the municipality — the amount
 * per full-year person and the number of full-year persons (allowance = amount × persons).
 * fullYearPersons is parsed to its canonical string with two decimals ("12.5" -> "12.50").
 */
export const setCapParametersSchema = commandSchema('SetCapParameters', {
  year: accountingYearInput(),
  cap: z.enum(CAP_IDS),
  amountPerFullYearPerson: nonNegativeKroner(),
  fullYearPersons: z
    .union([z.number(), z.string()], says(PERSONS_MESSAGE))
    .refine((value) => tryParseFullYearPersons(value) !== undefined, PERSONS_MESSAGE)
    .transform((value) => formatHours(tryParseFullYearPersons(value)!))
    .meta({ example: '12.5' }),
  reason: maybe(text()),
});
export type SetCapParameters = z.output<typeof setCapParametersSchema>;

/** The canonical full-year persons of a parsed command → hundredths. */
export function fullYearPersonsHundredths(command: SetCapParameters): number {
  return tryParseFullYearPersons(command.fullYearPersons)!;
}
