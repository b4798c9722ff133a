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
