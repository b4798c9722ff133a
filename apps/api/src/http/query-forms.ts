// The forms API.md allows in query strings ("Conventions"), as class-validator decorators:
// instants are ISO 8601 with a time and an offset (fractions with a dot), dates are existing
// calendar dates 2000-01-01 … 2099-12-31, log positions and cursors fit PostgreSQL's bigint.
// Anything else (week dates, a bare year, a decimal comma, 2025-02-30, 30 digits) is a 400
// naming the parameter, never a value the database refuses with a 500.
import { isIsoInstant, isValidIsoDate } from '@app/domain';
import { ValidateBy, type ValidationOptions } from 'class-validator';

const BIGINT_MAX = 2n ** 63n - 1n;
const INT_MAX = 2 ** 31 - 1;

/** A PostgreSQL bigint of digits: what a log position or a cursor's position can be. */
export function isPosition(value: string): boolean {
  return /^\d{1,19}$/.test(value) && BigInt(value) <= BIGINT_MAX;
}

function form(
  name: string,
  test: (value: string) => boolean,
  message: string,
  options?: ValidationOptions,
): PropertyDecorator {
  return ValidateBy(
    {
      name,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && test(value),
        defaultMessage: (args) => `${args?.property} ${message}`,
      },
    },
    options,
  );
}

export const IsInstant = (options?: ValidationOptions) =>
  form(
    'isInstant',
    isIsoInstant,
    'must be an ISO 8601 instant with an offset, e.g. 2025-06-30T23:59:59Z',
    options,
  );

export const IsCalendarDate = (options?: ValidationOptions) =>
  form(
    'isCalendarDate',
    (v) => isValidIsoDate(v) && v >= '2000-01-01' && v <= '2099-12-31',
    'must be an existing date YYYY-MM-DD between 2000-01-01 and 2099-12-31',
    options,
  );

export const IsLogPosition = (options?: ValidationOptions) =>
  form('isLogPosition', isPosition, 'must be a log position (digits, at most 9223372036854775807)', options);

export const IsCursor = (options?: ValidationOptions) =>
  form(
    'isCursor',
    (v) => {
      const [position, ordinal, ...rest] = v.split('.');
      return (
        rest.length === 0 &&
        ordinal !== undefined &&
        isPosition(position) &&
        /^\d{1,10}$/.test(ordinal) &&
        Number(ordinal) <= INT_MAX
      );
    },
    'must be a nextCursor from an earlier page',
    options,
  );
