import { z } from 'zod';
import { says } from '../shared/schema';

// The caps finance sets parameters for (DOMAIN.md "Caps"; the same ids as the rulebook's CapId,
// libs/rules/src/rulebook.types.ts, checked by cap-ids.unit.spec.ts).

export const CAP_IDS = [
  'driftsloft_dagpenge_kontanthjaelp', // 2014-2018 driftsloft: dagpenge / kontanthjælp / uddannelseshjælp (seed003.md §2)
  'driftsloft_sygedagpenge_revalidering', // 2014-2018 driftsloft: sygedagpenge / revalidering / ledighedsydelse (seed003.md §2)
  'integration_raadighedsloft', // integration programme: rådighedsloft per full-year participant (seed000.md, Bilag 1)
  'mentorramme', // 2014-2015 separate mentor frame (seed003.md)
] as const;
export type CapIdentifier = (typeof CAP_IDS)[number];

/** Accounting years finance may act on. */
export const MIN_ACCOUNTING_YEAR = 2000;
export const MAX_ACCOUNTING_YEAR = 2100;

const YEAR_MESSAGE = `must be a year from ${MIN_ACCOUNTING_YEAR} to ${MAX_ACCOUNTING_YEAR}`;

/** An accounting year finance may act on, as stored. */
export const accountingYear = () =>
  z.int(says(YEAR_MESSAGE)).min(MIN_ACCOUNTING_YEAR).max(MAX_ACCOUNTING_YEAR).meta({ example: 2025 });

/** An accounting year in a command: a JSON number or a string of digits (API.md "Conventions": numbers may be strings), parsed to a number. */
export const accountingYearInput = () =>
  z
    .union([z.int(says(YEAR_MESSAGE)), z.string().regex(/^\d{4}$/, YEAR_MESSAGE)], says(YEAR_MESSAGE))
    .transform(Number)
    .pipe(accountingYear())
    .meta({ example: 2025 });

/**
 * The most full-year persons one cap may count: 50,000.00, far above what any municipality
 * reports (the largest has about 650,000 inhabitants in all); with the amount per person bounded
 * at 1,000,000,000.00 kr the allowance (amount × persons) stays below 2^53 øre, so it is exact.
 */
export const MAX_FULL_YEAR_PERSONS_HUNDREDTHS = 5_000_000;
