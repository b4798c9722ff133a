// Schemas of the value formats of API.md used by more than one command or event.
import { isHours } from './hours';
import { isKroner } from './money';
import type { Schema } from './schema';

/** Kroner as a string with at most two decimals ("4200.00", "-125.50"); the value stays a string. */
export function kroner(): Schema<string> {
  return (value, path, issues) => {
    if (!isKroner(value)) {
      issues.push({ path, message: 'must be an amount in kroner as a string with at most two decimals, e.g. "4200.00"' });
    }
    return value as string;
  };
}

/** Hours as a decimal string or number with at most two decimals ("1.5", 2, "0.25"). */
export function hours(): Schema<string | number> {
  return (value, path, issues) => {
    if (!isHours(value)) issues.push({ path, message: 'must be a number of hours with at most two decimals, e.g. "1.5"' });
    return value as string | number;
  };
}

/** An integer øre amount in stored event data. */
export function oere(): Schema<number> {
  return (value, path, issues) => {
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) issues.push({ path, message: 'must be integer øre' });
    return value as number;
  };
}
