// Refund statements: the postings booked in an accounting year (or one of its quarters),
// aggregated into the views finance claims from — totals per account and per target group,
// afløb (booked this year, activity in earlier years) apart, unresolved lines apart, and the
// capped refunds. Pure: the read side hands in grouped sums (exact bigint øre); this file builds
// the views (their presentation as tables, CSV and xlsx: libs/read-models/src/statements).
import { ruleById, type CapId } from '@app/rules';
import { computeCap, type CapComputation, type CapYearFigures } from './caps/cap';

export type Quarter = 1 | 2 | 3 | 4;

/** One group of postings as summed by the read side. */
export interface StatementGroup {
  /** 'function.dranst.grouping' of the cost account, or null. */
  account: string | null;
  /** 'function.dranst.grouping' of the refund account, or null. */
  refundAccount: string | null;
  targetGroup: string | null;
  /** Year of the posting's activityFrom. */
  activityYear: number;
  /** The quarter of the booking period. */
  quarter: Quarter;
  unresolved: 'no_rule' | 'ambiguous' | null;
  capAdjustment: boolean;
  cap: CapId | null;
  entries: number;
  /** Σ of the group, exact. */
  amountOere: bigint;
  refundOere: bigint;
}

export interface UnresolvedLine {
  entryId: string;
  personId: string | null;
  offerId: string | null;
  costItemId: string;
  account: string | null;
  targetGroup: string | null;
  activityFrom: string;
  activityTo: string;
  bookingPeriod: string;
  /** The booking date its command gave, else the day it was recorded (bookingDateOf). */
  bookingDate: string;
  amountOere: number;
  outcome: string;
  reason: string;
  /** For 'ambiguous': the rule ids that contradict each other. */
  candidates: string[];
}

/** An unresolved line with the accounts it would take: the chart's account, else its candidate rules' accounts. */
export type UnresolvedStatementLine = UnresolvedLine & { wouldTake: string[] };

/**
 * A cap's adjustments in the statement's periods on one dranst-2 account, as the ledger posted them
 * (caps/cap-accounts.ts: on the accounts the capped postings' rules refund on, seed001.md 5.68.90
 * dranst 2; a cap spanning several, the mentorramme, shared by their refunds before the cap).
 * Where the sources name no account (the integration rådighedsloft) the line says so instead.
 */
export interface CapAdjustmentLine {
  cap: CapId;
  refundAccount: string | null;
  refundOere: bigint;
  /** Q1..Q4 (of the statement's periods; zero outside them). */
  quarters: bigint[];
  unresolved: { outcome: 'no_rule'; reason: string } | null;
}

/** The year-to-date figures of one cap (booking periods Y-01 .. the statement's last period). */
export type CapYearToDate = Omit<CapYearFigures, 'municipality' | 'year'>;

export interface StatementInput {
  municipality: string;
  year: number;
  quarter: 1 | 2 | 3 | 4 | null;
  asOf: string;
  /** When the year was closed (as of asOf), else null. */
  closedAt: string | null;
  groups: StatementGroup[];
  unresolvedLines: UnresolvedLine[];
  caps: CapYearToDate[];
}

export interface Totals {
  entries: number;
  costOere: bigint;
  refundOere: bigint;
}

/** A line's totals, and the same per booking quarter (index 0 = Q1). */
export type QuarterTotals = Totals & { quarters: Totals[] };

export interface RefundStatement {
  municipality: string;
  year: number;
  quarter: number | null;
  bookingPeriods: { from: string; to: string };
  asOf: string;
  closedAt: string | null;
  /** A closed year's statement asked for after the close is frozen at the close. */
  frozen: boolean;
  totals: {
    /** Resolved postings (current activity and afløb); unresolved lines apart. */
    costOere: bigint;
    refundBeforeCapsOere: bigint;
    capAdjustmentsOere: bigint;
    refundOere: bigint;
    afloebCostOere: bigint;
    afloebRefundOere: bigint;
    unresolvedCostOere: bigint;
    unresolvedEntries: number;
  };
  /** Resolved postings whose activity lies in the statement year (or later), per cost account. */
  accounts: (QuarterTotals & { account: string | null; refundAccount: string | null })[];
  /** All resolved postings (current activity and afløb), per target group. */
  targetGroups: (QuarterTotals & { targetGroup: string | null })[];
  /** Resolved postings booked in the year whose activity lies in earlier years, per activity year and account. */
  afloeb: (QuarterTotals & { activityYear: number; account: string | null; refundAccount: string | null })[];
  unresolved: UnresolvedStatementLine[];
  caps: (CapComputation & { adjustmentsInPeriodOere: bigint })[];
  capAdjustments: CapAdjustmentLine[];
}

export function quarterPeriods(year: number, quarter: 1 | 2 | 3 | 4 | null): { from: string; to: string } {
  const mm = (m: number) => `${year}-${String(m).padStart(2, '0')}`;
  return quarter === null ? { from: mm(1), to: mm(12) } : { from: mm(quarter * 3 - 2), to: mm(quarter * 3) };
}

const zero = (): Totals => ({ entries: 0, costOere: 0n, refundOere: 0n });

function add(t: Totals, g: StatementGroup): void {
  t.entries += g.entries;
  t.costOere += g.amountOere;
  t.refundOere += g.refundOere;
}

function addTo<K>(map: Map<string, QuarterTotals & K>, key: string, init: () => K, g: StatementGroup): void {
  let t = map.get(key);
  if (!t) map.set(key, (t = { ...init(), ...zero(), quarters: [zero(), zero(), zero(), zero()] }));
  add(t, g);
  add(t.quarters[g.quarter - 1], g);
}

const byKey = <T>(map: Map<string, T>): T[] =>
  [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
const k = (...parts: unknown[]) => parts.map((p) => (p === null ? '\u0000' : String(p))).join('\u0001');

export function buildStatement(input: StatementInput): RefundStatement {
  const accounts = new Map<
    string,
    QuarterTotals & { account: string | null; refundAccount: string | null }
  >();
  const targetGroups = new Map<string, QuarterTotals & { targetGroup: string | null }>();
  const afloeb = new Map<
    string,
    QuarterTotals & { activityYear: number; account: string | null; refundAccount: string | null }
  >();
  const adjustmentsInPeriod = new Map<string, bigint>();
  /** By cap and refund account: the quarters' adjustments. */
  const adjustmentsByQuarter = new Map<
    string,
    { cap: CapId; refundAccount: string | null; quarters: bigint[] }
  >();
  const totals = {
    costOere: 0n,
    refundBeforeCapsOere: 0n,
    capAdjustmentsOere: 0n,
    refundOere: 0n,
    afloebCostOere: 0n,
    afloebRefundOere: 0n,
    unresolvedCostOere: 0n,
    unresolvedEntries: 0,
  };
  for (const g of input.groups) {
    if (g.capAdjustment) {
      totals.capAdjustmentsOere += g.refundOere;
      if (g.cap) {
        adjustmentsInPeriod.set(g.cap, (adjustmentsInPeriod.get(g.cap) ?? 0n) + g.refundOere);
        const key = k(g.cap, g.refundAccount);
        const line = adjustmentsByQuarter.get(key) ?? {
          cap: g.cap,
          refundAccount: g.refundAccount,
          quarters: [0n, 0n, 0n, 0n],
        };
        line.quarters[g.quarter - 1] += g.refundOere;
        adjustmentsByQuarter.set(key, line);
      }
      continue;
    }
    if (g.unresolved !== null) {
      totals.unresolvedCostOere += g.amountOere;
      totals.unresolvedEntries += g.entries;
      continue;
    }
    totals.costOere += g.amountOere;
    totals.refundBeforeCapsOere += g.refundOere;
    addTo(targetGroups, k(g.targetGroup), () => ({ targetGroup: g.targetGroup }), g);
    if (g.activityYear < input.year) {
      totals.afloebCostOere += g.amountOere;
      totals.afloebRefundOere += g.refundOere;
      addTo(
        afloeb,
        k(g.activityYear, g.account, g.refundAccount),
        () => ({ activityYear: g.activityYear, account: g.account, refundAccount: g.refundAccount }),
        g,
      );
    } else {
      addTo(
        accounts,
        k(g.account, g.refundAccount),
        () => ({ account: g.account, refundAccount: g.refundAccount }),
        g,
      );
    }
  }
  totals.refundOere = totals.refundBeforeCapsOere + totals.capAdjustmentsOere;
  const caps = [...input.caps]
    .sort((a, b) => (a.cap < b.cap ? -1 : a.cap > b.cap ? 1 : 0))
    .map((c) => ({
      ...computeCap({ municipality: input.municipality, year: input.year, ...c }),
      adjustmentsInPeriodOere: adjustmentsInPeriod.get(c.cap) ?? 0n,
    }));
  const closedAt = input.closedAt;
  return {
    municipality: input.municipality,
    year: input.year,
    quarter: input.quarter,
    bookingPeriods: quarterPeriods(input.year, input.quarter),
    asOf: input.asOf,
    closedAt,
    frozen: closedAt !== null && closedAt <= input.asOf,
    totals,
    accounts: byKey(accounts),
    targetGroups: byKey(targetGroups),
    afloeb: byKey(afloeb),
    unresolved: input.unresolvedLines.map((u) => ({ ...u, wouldTake: accountsWouldTake(u) })),
    caps,
    capAdjustments: [...adjustmentsByQuarter.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, line]) => capAdjustmentLine(line.cap, line.refundAccount, line.quarters)),
  };
}

const dotted = (accountKey: string) => accountKey.replaceAll('/', '.');

function accountsWouldTake(u: UnresolvedLine): string[] {
  if (u.account !== null) return [u.account];
  const accounts = u.candidates.map((id) => ruleById(id)?.costAccount).filter((a) => a !== undefined);
  return [...new Set(accounts.map(dotted))].sort();
}

// Danish: the statement's own reason, shown as it is in its files and the web app.
const NO_REFUND_ACCOUNT =
  'kilderne angiver ingen dranst-2-gruppering for refusionen af udgifterne under loftet (se reglen på posteringerne)';

function capAdjustmentLine(cap: CapId, refundAccount: string | null, quarters: bigint[]): CapAdjustmentLine {
  return {
    cap,
    refundAccount,
    refundOere: quarters.reduce((sum, q) => sum + q, 0n),
    quarters,
    unresolved: refundAccount === null ? { outcome: 'no_rule', reason: NO_REFUND_ACCOUNT } : null,
  };
}
