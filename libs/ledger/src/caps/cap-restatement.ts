// The cap stage: per municipality × booking year × cap, which postings count against the cap,
// at which rate, and the adjusting postings that restate the capped refund whenever its figures
// change (cap.ts has the arithmetic; DOMAIN.md "Caps", seed003.md §2.1, seed000.md Bilag 1), on
// the refund accounts the rulebook in force says (cap-accounts.ts). A posting counts against the
// cap year the rulebook says (its booking year; afløb the year whose allowance the chart names).
// Closed years are not restated, unless postings booked later count against them (afløb): then
// the adjustment is booked in the causing event's open period. It updates the books in place.
import type { Account, CapAdjustmentAccounts, CapId, Rulebook } from '@app/rules';
import { openBookingPeriod } from './closing';
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

/** An adjusting posting and the computation it was made from (and the closed cap year it is booked after). */
interface CapAdjustment {
  posting: Posting;
  computation: CapComputation;
  relatesToClosedYear: number | null;
}

/** What the cap stage reads of the rulebook in force. */
export type CapRules = Pick<Rulebook, 'capAdjustmentAccounts' | 'capYearOf'>;

/** What the cap stage did for one event: the adjustments it posted and the cap years it changed. */
export interface CapRestatement {
  adjustments: CapAdjustment[];
  changed: CapYear[];
}

function capYearIn(books: MunicipalityBooks, municipality: string, year: number, cap: CapId): CapYear {
  const key = capYearKey(year, cap);
  let capYear = books.caps.get(key);
  if (!capYear) books.caps.set(key, (capYear = emptyCapYear(municipality, year, cap)));
  return capYear;
}

/**
 * Posts the difference between the capped refund and what the adjustments say so far (nothing when
 * none): on the first posting's refund account, or per refund account, each taking its share; in the
 * cap year's period for the cause, or — the year closed — in the cause's open period.
 */
function restate(
  capYear: CapYear,
  cause: Cause,
  accounts: CapAdjustmentAccounts,
  closedYears: ReadonlySet<number>,
): CapAdjustment[] {
  const computation = computeCap(capYear);
  const closed = closedYears.has(capYear.year);
  const bookingPeriod = closed ? openBookingPeriod(cause, closedYears) : undefined;
  const relatesToClosedYear = closed ? capYear.year : null;
  if (accounts === 'first_posting_account') {
    if (computation.deltaOere === 0n) return [];
    capYear.adjustmentsOere += computation.deltaOere;
    capAccountOf(capYear.accounts, capYear.refundAccount).adjustmentsOere += computation.deltaOere;
    const posting = capAdjustmentPosting(computation, cause, capYear.refundAccount, false, bookingPeriod);
    return [{ posting, computation, relatesToClosedYear }];
  }
  const several = capYear.accounts.length > 1;
  return shareAdjustment(capYear.accounts, computation.requiredAdjustmentOere).map((share) => {
    capYear.adjustmentsOere += share.deltaOere;
    capAccountOf(capYear.accounts, share.refundAccount).adjustmentsOere += share.deltaOere;
    const part = { ...computation, account: share };
    const posting = capAdjustmentPosting(part, cause, share.refundAccount, several, bookingPeriod);
    return { posting, computation: part, relatesToClosedYear };
  });
}

/**
 * Counts an event's postings against the caps of their cap years and restates each cap year
 * they touched (in key order).
 */
export function countAgainstCaps(
  books: MunicipalityBooks,
  postings: readonly Posting[],
  cause: Cause,
  rules: CapRules,
): CapRestatement {
  const touched = countPostings(books, postings, rules.capYearOf);
  return restateCapYears(books, touched, touched, cause, rules.capAdjustmentAccounts);
}

/** The year of the cap a posting counts against, under `capYearOf`. */
const capYearNumber = (p: Posting, capYearOf: Rulebook['capYearOf']) =>
  capYearOf(p.cap!, p.account, Number(p.bookingPeriod.slice(0, 4)));

/**
 * Adds postings to the figures of the cap years they count against, without restating them (the
 * returned years are those touched, by key). A posting counts when its rule is capped: its amount
 * adds to the eligible costs, its refund to the refund before the cap (and to that of its refund
 * account); the cap's rate is the highest rate of its postings.
 */
export function countPostings(
  books: MunicipalityBooks,
  postings: readonly Posting[],
  capYearOf: Rulebook['capYearOf'],
  touched = new Map<string, CapYear>(),
): Map<string, CapYear> {
  for (const p of postings) {
    if (p.cap === null || p.kind === 'cap_adjustment') continue;
    const year = capYearNumber(p, capYearOf);
    const capYear = capYearIn(books, p.municipality, year, p.cap);
    addTo(capYear, p, 1n);
    if (p.refundRateBasisPoints !== null)
      capYear.rateBasisPoints = Math.max(capYear.rateBasisPoints ?? 0, p.refundRateBasisPoints);
    if (capYear.refundAccount === null && p.refundAccount !== null)
      capYear.refundAccount = { ...p.refundAccount };
    touched.set(capYearKey(year, p.cap), capYear);
  }
  return touched;
}

function addTo(capYear: CapYear, p: Posting, sign: 1n | -1n): void {
  capYear.eligibleCostsOere += sign * BigInt(p.amountOere);
  capYear.refundBeforeCapOere += sign * BigInt(p.refundOere ?? 0);
  capAccountOf(capYear.accounts, p.refundAccount).refundBeforeCapOere += sign * BigInt(p.refundOere ?? 0);
}

/**
 * Postings counted against one cap year under the rulebook they were made under (`countedUnder`)
 * and against another under `capYearOf` are moved to it (a rulebook adoption), where both years
 * are open: a closed year keeps its figures as posted.
 */
export function recountPostings(
  books: MunicipalityBooks,
  postings: readonly Posting[],
  countedUnder: (p: Posting) => Rulebook['capYearOf'],
  capYearOf: Rulebook['capYearOf'],
): void {
  for (const p of postings) {
    if (p.cap === null || p.kind === 'cap_adjustment') continue;
    const was = capYearNumber(p, countedUnder(p));
    const is = capYearNumber(p, capYearOf);
    if (was === is || books.closedYears.has(was) || books.closedYears.has(is)) continue;
    addTo(capYearIn(books, p.municipality, was, p.cap), p, -1n);
    countPostings(books, [p], capYearOf);
  }
}

/**
 * Restates every open cap year of the municipality, counted to or not, and the closed ones in
 * `touched` (a rulebook adoption, once all its postings are counted).
 */
export const restateEveryCapYear = (
  books: MunicipalityBooks,
  touched: ReadonlyMap<string, CapYear>,
  cause: Cause,
  accounts: CapAdjustmentAccounts,
): CapRestatement => restateCapYears(books, new Map(books.caps), touched, cause, accounts);

/** Restates the cap years given, in key order: an open year, or a closed one postings counted against now. */
function restateCapYears(
  books: MunicipalityBooks,
  capYears: ReadonlyMap<string, CapYear>,
  touched: ReadonlyMap<string, CapYear>,
  cause: Cause,
  accounts: CapAdjustmentAccounts,
): CapRestatement {
  const adjustments: CapAdjustment[] = [];
  for (const key of [...capYears.keys()].sort()) {
    const capYear = capYears.get(key)!;
    if (books.closedYears.has(capYear.year) && !touched.has(key)) continue;
    adjustments.push(...restate(capYear, cause, accounts, books.closedYears));
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
  const capYear = capYearIn(books, municipality, year, cap);
  capYear.parameters = { ...parameters };
  return { adjustments: restate(capYear, cause, accounts, books.closedYears), changed: [capYear] };
}
