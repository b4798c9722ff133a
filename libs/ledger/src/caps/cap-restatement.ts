// The cap stage: per municipality × booking year × cap, which postings count against the cap,
// at which rate, and the adjusting postings that restate the capped refund whenever its figures
// change (cap.ts has the arithmetic; DOMAIN.md "Caps", seed003.md §2.1, seed000.md Bilag 1), on
// the refund accounts the rulebook in force says (cap-accounts.ts). Closed years are not
// restated. It updates the municipality's books in place.
import type { Account, CapAdjustmentAccounts, CapId } from '@app/rules';
import type { Cause, Posting } from '../posting.types';
import { capAccountOf, shareAdjustment, type CapAccount } from './cap-accounts';
import {
  capAdjustmentPosting,
  computeCap,
  noCapFigures,
  type CapComputation,
  type CapParameters,
  type CapYearFigures,
} from './cap';

/** The running figures of one cap year, and the refund accounts its adjustments post to. */
export interface CapYear extends CapYearFigures {
  /** The first refund account of its capped postings (where 'first_posting_account' posts). */
  refundAccount: Account | null;
  /** Every refund account of its capped postings, in refundAccountKey order. */
  accounts: CapAccount[];
}

/** A municipality's accounting years: those closed, and the figures of every cap year. */
export interface MunicipalityBooks {
  closedYears: Set<number>;
  /** By capYearKey. */
  caps: Map<string, CapYear>;
}

export const capYearKey = (year: number, cap: string) => `${year}/${cap}`;

function emptyCapYear(municipality: string, year: number, cap: CapId): CapYear {
  return { municipality, year, ...noCapFigures(cap), refundAccount: null, accounts: [] };
}

/** An adjusting posting and the computation it was made from. */
interface CapAdjustment {
  posting: Posting;
  computation: CapComputation;
}

/** What the cap stage did for one event: the adjustments it posted and the cap years it changed. */
export interface CapRestatement {
  adjustments: CapAdjustment[];
  changed: CapYear[];
}

function capYearOf(books: MunicipalityBooks, municipality: string, year: number, cap: CapId): CapYear {
  const key = capYearKey(year, cap);
  let capYear = books.caps.get(key);
  if (!capYear) books.caps.set(key, (capYear = emptyCapYear(municipality, year, cap)));
  return capYear;
}

/**
 * Posts the difference between the capped refund and what the adjustments say so far (nothing when
 * none): on the first posting's refund account, or per refund account, each taking its share.
 */
function restate(capYear: CapYear, cause: Cause, accounts: CapAdjustmentAccounts): CapAdjustment[] {
  const computation = computeCap(capYear);
  if (accounts === 'first_posting_account') {
    if (computation.deltaOere === 0n) return [];
    capYear.adjustmentsOere += computation.deltaOere;
    capAccountOf(capYear.accounts, capYear.refundAccount).adjustmentsOere += computation.deltaOere;
    return [{ posting: capAdjustmentPosting(computation, cause, capYear.refundAccount), computation }];
  }
  const several = capYear.accounts.length > 1;
  return shareAdjustment(capYear.accounts, computation.requiredAdjustmentOere).map((share) => {
    capYear.adjustmentsOere += share.deltaOere;
    capAccountOf(capYear.accounts, share.refundAccount).adjustmentsOere += share.deltaOere;
    const part = { ...computation, account: share };
    return { posting: capAdjustmentPosting(part, cause, share.refundAccount, several), computation: part };
  });
}

/**
 * Counts an event's postings against the caps of their booking years and restates each cap year
 * they touched (in key order), unless the year is closed.
 */
export function countAgainstCaps(
  books: MunicipalityBooks,
  postings: readonly Posting[],
  cause: Cause,
  accounts: CapAdjustmentAccounts,
): CapRestatement {
  return restateCapYears(books, countPostings(books, postings), cause, accounts);
}

/**
 * Adds postings to the figures of the cap years they are booked under, without restating them
 * (the returned years are those touched, by key). A posting counts when its rule is capped: its
 * amount adds to the eligible costs, its refund to the refund before the cap (and to that of its
 * refund account); the cap's rate is the highest rate of its postings.
 */
export function countPostings(books: MunicipalityBooks, postings: readonly Posting[]): Map<string, CapYear> {
  const touched = new Map<string, CapYear>();
  for (const p of postings) {
    if (p.cap === null || p.kind === 'cap_adjustment') continue;
    const year = Number(p.bookingPeriod.slice(0, 4));
    const capYear = capYearOf(books, p.municipality, year, p.cap);
    capYear.eligibleCostsOere += BigInt(p.amountOere);
    capYear.refundBeforeCapOere += BigInt(p.refundOere ?? 0);
    if (p.refundRateBasisPoints !== null)
      capYear.rateBasisPoints = Math.max(capYear.rateBasisPoints ?? 0, p.refundRateBasisPoints);
    if (capYear.refundAccount === null && p.refundAccount !== null)
      capYear.refundAccount = { ...p.refundAccount };
    capAccountOf(capYear.accounts, p.refundAccount).refundBeforeCapOere += BigInt(p.refundOere ?? 0);
    touched.set(capYearKey(year, p.cap), capYear);
  }
  return touched;
}

/** Restates every open cap year of the municipality, counted to or not (a rulebook adoption, once all its postings are counted). */
export const restateEveryCapYear = (
  books: MunicipalityBooks,
  cause: Cause,
  accounts: CapAdjustmentAccounts,
): CapRestatement => restateCapYears(books, new Map(books.caps), cause, accounts);

/** Restates the cap years given, in key order, unless their year is closed. */
function restateCapYears(
  books: MunicipalityBooks,
  capYears: ReadonlyMap<string, CapYear>,
  cause: Cause,
  accounts: CapAdjustmentAccounts,
): CapRestatement {
  const adjustments: CapAdjustment[] = [];
  for (const key of [...capYears.keys()].sort()) {
    const capYear = capYears.get(key)!;
    if (books.closedYears.has(capYear.year)) continue;
    adjustments.push(...restate(capYear, cause, accounts));
  }
  return { adjustments, changed: [...capYears.values()] };
}

/** New parameters for a cap year restate it; a closed year keeps its figures (the decider refuses this, an old log may hold it). */
export function setCapParameters(
  books: MunicipalityBooks,
  municipality: string,
  year: number,
  cap: CapId,
  parameters: CapParameters,
  cause: Cause,
  accounts: CapAdjustmentAccounts,
): CapRestatement {
  if (books.closedYears.has(year)) return { adjustments: [], changed: [] };
  const capYear = capYearOf(books, municipality, year, cap);
  capYear.parameters = { ...parameters };
  return { adjustments: restate(capYear, cause, accounts), changed: [capYear] };
}
