// What the ledger projection holds in memory per municipality of a batch for caps and closing:
// the closed accounting years and the running figures of every cap year.
import type { CapParameters, CapYearFigures } from '@app/ledger';
import type { Account, CapId } from '@app/rules/rulebook.types';
import type { EntityManager } from 'typeorm';

export interface CapYearState extends CapYearFigures {
  refundAccount: Account | null;
  /** Changed in this batch: written back at its end. */
  dirty: boolean;
}

export interface MunicipalityFinance {
  closedYears: Set<number>;
  caps: Map<string, CapYearState>;
}

export const capYearKey = (year: number, cap: string) => `${year}/${cap}`;

interface CapYearRow {
  municipality: string;
  year: number;
  cap: CapId;
  rate_bp: number | null;
  amount_per_full_year_person_oere: string | null;
  full_year_persons_hundredths: number | null;
  eligible_oere: string;
  refund_before_cap_oere: string;
  adjustments_oere: string;
  refund_account: Account | null;
}

export function emptyCapYear(municipality: string, year: number, cap: CapId): CapYearState {
  return { municipality, year, cap, rateBasisPoints: null, parameters: null, eligibleCostsOere: 0, refundBeforeCapOere: 0, adjustmentsOere: 0, refundAccount: null, dirty: true };
}

export async function loadMunicipalityFinance(tx: Pick<EntityManager, 'query'>, municipalities: string[]): Promise<Map<string, MunicipalityFinance>> {
  const out = new Map<string, MunicipalityFinance>();
  for (const m of municipalities) out.set(m, { closedYears: new Set(), caps: new Map() });
  if (municipalities.length === 0) return out;
  // One after the other: on a transaction's connection they could not run side by side anyway.
  const closed: { municipality: string; year: number }[] = await tx.query('SELECT municipality, year FROM accounting_year WHERE municipality = ANY($1)', [municipalities]);
  const caps: CapYearRow[] = await tx.query('SELECT * FROM cap_year WHERE municipality = ANY($1)', [municipalities]);
  for (const c of closed) out.get(c.municipality)!.closedYears.add(c.year);
  for (const r of caps) {
    const parameters: CapParameters | null =
      r.amount_per_full_year_person_oere === null ? null : { amountPerFullYearPersonOere: Number(r.amount_per_full_year_person_oere), fullYearPersonsHundredths: r.full_year_persons_hundredths! };
    out.get(r.municipality)!.caps.set(capYearKey(r.year, r.cap), {
      municipality: r.municipality,
      year: r.year,
      cap: r.cap,
      rateBasisPoints: r.rate_bp,
      parameters,
      eligibleCostsOere: Number(r.eligible_oere),
      refundBeforeCapOere: Number(r.refund_before_cap_oere),
      adjustmentsOere: Number(r.adjustments_oere),
      refundAccount: r.refund_account,
      dirty: false,
    });
  }
  return out;
}

export function capYearRow(c: CapYearState): Record<string, unknown> {
  return {
    municipality: c.municipality,
    year: c.year,
    cap: c.cap,
    rate_bp: c.rateBasisPoints,
    amount_per_full_year_person_oere: c.parameters?.amountPerFullYearPersonOere ?? null,
    full_year_persons_hundredths: c.parameters?.fullYearPersonsHundredths ?? null,
    eligible_oere: c.eligibleCostsOere,
    refund_before_cap_oere: c.refundBeforeCapOere,
    adjustments_oere: c.adjustmentsOere,
    refund_account: c.refundAccount,
  };
}
