// Schemas of the value formats of API.md "Conventions", shared by commands and stored events.
import { z } from 'zod';
import { formatHours, tryParseHours } from './hours';
import { CLIENT_ID_PATTERN, MUNICIPALITY_PATTERN, UUID_PATTERN } from './ids';
import { isValidIsoDate, MAX_DATE, MIN_DATE } from './calendar-date';
import { formatOere, isKroner, MAX_AMOUNT_OERE, parseKroner } from './money';
import { says } from './schema';

const KRONER_TEXT = /^-?\d{1,10}(?:\.\d{1,2})?$/;
const KRONER_MESSAGE =
  'must be an amount in kroner as a string with at most two decimals, at most 1000000000.00 in absolute value, e.g. "4200.00"';

/** Kroner as a string with at most two decimals, |amount| <= 1,000,000,000.00; parsed to its canonical form ("12.5" -> "12.50"). */
export const kroner = () =>
  z
    .string(says(KRONER_MESSAGE))
    .regex(KRONER_TEXT)
    .refine((value) => isKroner(value) && Math.abs(parseKroner(value)) <= MAX_AMOUNT_OERE)
    .transform((value) => formatOere(parseKroner(value)))
    .meta({ example: '4200.00' });

/** Kroner as for `kroner`, not negative. */
export const nonNegativeKroner = () =>
  z
    .string(says(`${KRONER_MESSAGE}, not negative`))
    .regex(KRONER_TEXT)
    .refine((value) => isKroner(value) && !value.startsWith('-') && parseKroner(value) <= MAX_AMOUNT_OERE)
    .transform((value) => formatOere(parseKroner(value)))
    .meta({ example: '43363.00' });

/** An integer øre amount in stored event data: a safe integer, so it survives JSON exactly. */
export const oere = () => z.int(says('must be integer øre (a safe integer)'));

/** Hours or a count as a JSON number or a decimal string, at most two decimals; parsed to the canonical string ("1.5" -> "1.50"). */
export const hours = () =>
  z
    .union(
      [z.number(), z.string()],
      says('must be a number of hours with at most two decimals, e.g. "1.5" or 1.5'),
    )
    .refine(
      (value) => tryParseHours(value) !== undefined,
      'must be a number of hours with at most two decimals, e.g. "1.5" or 1.5',
    )
    .transform((value) => formatHours(tryParseHours(value)!))
    .meta({ example: '1.5' });

/** A calendar date YYYY-MM-DD between 2000-01-01 and 2099-12-31 (2025-02-30 is refused). */
/** Floor area in square metres, at most two decimals (number or decimal string), parsed to its canonical string. */
export const squareMetres = () =>
  z
    .union([z.number(), z.string()], says('must be square metres with at most two decimals, e.g. "42.5"'))
    .refine(
      (value) => (tryParseHours(value) ?? -1) > 0,
      'must be square metres above zero with at most two decimals, e.g. "42.5"',
    )
    .transform((value) => formatHours(tryParseHours(value)!))
    .meta({ example: '42.5' });

export const isoDate = () =>
  z
    .string(says(`must be a calendar date YYYY-MM-DD between ${MIN_DATE} and ${MAX_DATE}`))
    .refine((value) => isValidIsoDate(value) && MIN_DATE <= value && value <= MAX_DATE)
    .meta({ format: 'date', example: '2025-03-01' });

// NUL, and UTF-16 surrogates that are not a high one followed by a low one.
const UNSAFE_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Free text (reasons, names, invoice references): 1 to `max` characters, no NUL, no unpaired surrogate. */
export const text = (max = 1000) =>
  z
    .string(says(`must be text of 1-${max} characters without NUL or unpaired surrogates`))
    .min(1)
    .max(max)
    .refine((value) => !UNSAFE_TEXT.test(value));

/** Client-chosen ids (offerId, agreementId, expenseId, personId): 1-64 characters [A-Za-z0-9._:-]. */
export const clientId = () =>
  z.string(says('must be 1-64 characters [A-Za-z0-9._:-]')).regex(CLIENT_ID_PATTERN);

/** Kommunekode: three digits. */
export const municipalityCode = () =>
  z.string(says('must be a three-digit kommunekode')).regex(MUNICIPALITY_PATTERN).meta({ example: '101' });

/** A UUID (any version); compared case-insensitively, so parsed to lower case. */
export const uuid = () =>
  z
    .string(says('must be a UUID'))
    .regex(UUID_PATTERN)
    .toLowerCase()
    .meta({ format: 'uuid', example: '3f2c8a4e-5b1d-4c7a-9e0f-6a2b1c3d4e5f' });

/** A code-list id of STAR's lists (afholdelseskategori, bevillingsramme): a JSON number or string, parsed to a string. */
export const codeListId = () =>
  z
    .union(
      [z.int().min(0), z.string().regex(CLIENT_ID_PATTERN)],
      says('must be a code-list id: a non-negative integer or a string of 1-64 characters [A-Za-z0-9._:-]'),
    )
    .transform(String)
    .meta({ example: '30' });

/** A code-list id as stored (a string). */
export const storedCodeListId = () => text(64);

/** The sygedagpenge category (1, 2 or 3) as a JSON number or string, parsed to the number. */
export const sickPayCategory = () =>
  z
    .union([z.literal([1, 2, 3]), z.enum(['1', '2', '3'])], says('must be the category 1, 2 or 3'))
    .transform((value) => Number(value) as 1 | 2 | 3)
    .meta({ example: 1 });
