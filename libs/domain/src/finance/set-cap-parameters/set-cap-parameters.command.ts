import type { CommandEnvelope } from '../../shared/command-envelope';
import { kroner } from '../../shared/field-schemas';
import { commandParser } from '../../shared/parse-command';
import { integer, maybe, oneOf, text, type Schema } from '../../shared/schema';
import { CAP_IDS, MAX_ACCOUNTING_YEAR, MIN_ACCOUNTING_YEAR, type CapIdentifier } from '../cap-ids';

/**
 * Finance: the parameters of one cap for one accounting year of the municipality — the amount
 * per full-year person and the number of full-year persons (allowance = amount × persons).
 */
export interface SetCapParameters extends CommandEnvelope<'SetCapParameters'> {
  year: number;
  cap: CapIdentifier;
  /** Kroner string, e.g. "43363.00". */
  amountPerFullYearPerson: string;
  /** Decimal with at most two decimals, as string or number, e.g. "12.5". */
  fullYearPersons: string | number;
  reason?: string;
}

const PERSONS = /^\d{1,7}(?:\.\d{1,2})?$/;

/** Full-year persons: a non-negative decimal with at most two decimals → hundredths. */
export function parseFullYearPersons(value: string | number): number {
  const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
  if (typeof text !== 'string' || !PERSONS.test(text)) throw new RangeError(`not a number of full-year persons: ${JSON.stringify(value)}`);
  const [whole, frac = ''] = text.split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
}

function fullYearPersons(): Schema<string | number> {
  return (value, path, issues) => {
    try {
      parseFullYearPersons(value as string);
    } catch {
      issues.push({ path, message: 'must be a non-negative number with at most two decimals, e.g. "12.5"' });
    }
    return value as string | number;
  };
}

function nonNegativeKroner(): Schema<string> {
  const k = kroner();
  return (value, path, issues) => {
    const before = issues.length;
    const out = k(value, path, issues);
    if (issues.length === before && out.startsWith('-')) issues.push({ path, message: 'must not be negative' });
    return out;
  };
}

export const parseSetCapParameters: (input: unknown) => SetCapParameters = commandParser('SetCapParameters', {
  year: integer({ min: MIN_ACCOUNTING_YEAR, max: MAX_ACCOUNTING_YEAR }),
  cap: oneOf(CAP_IDS),
  amountPerFullYearPerson: nonNegativeKroner(),
  fullYearPersons: fullYearPersons(),
  reason: maybe(text()),
});
