// cap_year: the running figures of each municipality × booking year × cap, upserted by the
// batch that changed them and read back, with the closed years, as a municipality's books.
import { capYearKey, type CapAccount, type CapYear, type MunicipalityBooks } from '@app/ledger';
import type { Account, CapId } from '@app/rules';
import type { EntityManager } from 'typeorm';

export interface CapYearRow {
  municipality: string;
  year: number;
  cap: CapId;
  rate_bp: number | null;
  amount_per_full_year_person_oere: number | string | null;
  full_year_persons_hundredths: number | null;
  /** bigint columns: exact decimal text (the upsert's JSON has no bigint). */
  eligible_oere: string;
  refund_before_cap_oere: string;
  adjustments_oere: string;
  refund_account: Account | null;
  /** Its refund accounts in the ledger's order, øre as decimal text. */
  accounts: StoredCapAccount[];
}

interface StoredCapAccount {
  refundAccount: Account | null;
  refundBeforeCapOere: string;
  adjustmentsOere: string;
}

export const CAP_YEAR_KEY: (keyof CapYearRow & string)[] = ['municipality', 'year', 'cap'];

export function capYearRow(c: CapYear): CapYearRow {
  return {
    municipality: c.municipality,
    year: c.year,
    cap: c.cap,
    rate_bp: c.rateBasisPoints,
    amount_per_full_year_person_oere: c.parameters?.amountPerFullYearPersonOere ?? null,
    full_year_persons_hundredths: c.parameters?.fullYearPersonsHundredths ?? null,
    eligible_oere: String(c.eligibleCostsOere),
    refund_before_cap_oere: String(c.refundBeforeCapOere),
    adjustments_oere: String(c.adjustmentsOere),
    refund_account: c.refundAccount,
    accounts: c.accounts.map((a) => ({
      refundAccount: a.refundAccount,
      refundBeforeCapOere: String(a.refundBeforeCapOere),
      adjustmentsOere: String(a.adjustmentsOere),
    })),
  };
}

const capAccountOf = (a: StoredCapAccount): CapAccount => ({
  refundAccount: a.refundAccount,
  refundBeforeCapOere: BigInt(a.refundBeforeCapOere),
  adjustmentsOere: BigInt(a.adjustmentsOere),
});

/** The books of each municipality: closed years and cap years (bigint columns read as text). */
export async function loadMunicipalityBooks(
  tx: Pick<EntityManager, 'query'>,
  municipalities: string[],
): Promise<Map<string, MunicipalityBooks>> {
  const out = new Map<string, MunicipalityBooks>();
  for (const m of municipalities) out.set(m, { closedYears: new Set(), caps: new Map() });
  if (municipalities.length === 0) return out;
  // One after the other: on a transaction's connection they could not run side by side anyway.
  const closed: { municipality: string; year: number }[] = await tx.query(
    'SELECT municipality, year FROM accounting_year WHERE municipality = ANY($1)',
    [municipalities],
  );
  const caps: (CapYearRow & { amount_per_full_year_person_oere: string | null })[] = await tx.query(
    'SELECT * FROM cap_year WHERE municipality = ANY($1)',
    [municipalities],
  );
  for (const c of closed) out.get(c.municipality)!.closedYears.add(c.year);
  for (const r of caps) {
    out.get(r.municipality)!.caps.set(capYearKey(r.year, r.cap), {
      municipality: r.municipality,
      year: r.year,
      cap: r.cap,
      rateBasisPoints: r.rate_bp,
      parameters:
        r.amount_per_full_year_person_oere === null
          ? null
          : {
              amountPerFullYearPersonOere: Number(r.amount_per_full_year_person_oere),
              fullYearPersonsHundredths: r.full_year_persons_hundredths!,
            },
      eligibleCostsOere: BigInt(r.eligible_oere),
      refundBeforeCapOere: BigInt(r.refund_before_cap_oere),
      adjustmentsOere: BigInt(r.adjustments_oere),
      refundAccount: r.refund_account,
      accounts: r.accounts.map(capAccountOf),
    });
  }
  return out;
}
