// The administrative part carved out of a project's costs (VEJ 9584, 000_140518b2c182b2de.txt 3.1 L440-L451:
// "antal jobsamtaler * enhedspris = ikke-refusionsberettigende administrationsudgift", to be taken out of the
// total costs before the refund claim; L706: administration on 6.45.53). The amount is deducted from the
// hovedkonto 5 costs of its period — each participant's share, in the days it overlaps the period — in
// proportion to those costs (cumulative rounding, so the deductions add up to the øre), so each participant
// and rate carries its part; the deduction items are judged like the shares they come out of. The amount is
// posted on 6.45.53 with no refund. Should the period's costs fall below it, what they cannot carry is posted
// as unresolved, never dropped.
import { daysInclusive, maxDate, minDate, type DomainEvent } from '@app/domain';
import type { Account, Citation } from '@app/rules';
import { cumulativeShare, shareOfDays } from '../day-split';
import type { DesiredSegment } from '../posting.types';
import { itemKey } from './cost-item-keys';
import {
  projectShareItemId,
  type CarveOutDeduction,
  type ProjectCarveOut,
  type ProjectLedger,
} from './project-ledger';

export interface CarveOutStanding {
  /** The period's hovedkonto 5 costs (shares of the project's expenses in the overlapping days). */
  costsOere: number;
  /** min(amount, costs): what the costs carry. */
  carvedOere: number;
  deductions: CarveOutDeduction[];
}

export const carveOutDeductionItemId = (
  projectId: string,
  shareId: string,
  expenseId: string,
  offerId: string,
) => itemKey('admin', projectId, shareId, expenseId, offerId);
export const carveOutItemId = (projectId: string, shareId: string) => itemKey('admin', projectId, shareId);
export const carveOutExcessItemId = (projectId: string, shareId: string) =>
  `${itemKey('admin', projectId, shareId)}:excess`;

/** A carve-out as recorded, before it is deducted from the costs of its period. */
export function carveOutRecorded(
  c: Extract<DomainEvent, { type: 'AdministrativeShareRecorded' }>['data'],
  recordedAt: string,
): ProjectCarveOut {
  return {
    shareId: c.shareId,
    activityFrom: c.activityFrom,
    activityTo: c.activityTo,
    method: c.method,
    lines: c.lines.map((l) => ({ ...l })),
    hours: c.hours,
    hourlyCostOere: c.hourlyCostOere,
    area: c.area ? { ...c.area } : null,
    amountOere: c.amountOere,
    priceLevelYear: c.priceLevelYear,
    methodReference: c.methodReference,
    recordedAt,
    costsOere: 0,
    carvedOere: 0,
    deductions: [],
  };
}

/** A cost a carve-out comes out of, in the days it overlaps the carve-out's period. */
export type CarveOutCost = Omit<CarveOutDeduction, 'amountOere' | 'costBeforeOere'>;

/**
 * The part of a cost of from..to (itemFrom..itemTo, amountOere) in the carve-out's period: its day split
 * (day-split.ts), or null when it does not overlap it or carries nothing there.
 */
export function costInPeriod(
  c: Pick<ProjectCarveOut, 'activityFrom' | 'activityTo'>,
  item: { from: string; to: string; amountOere: number },
): { from: string; to: string; costOere: number } | null {
  const from = maxDate(item.from, c.activityFrom);
  const to = minDate(item.to, c.activityTo);
  if (item.amountOere <= 0 || from > to) return null;
  const before = daysInclusive(item.from, from) - 1;
  const costOere = shareOfDays(
    item.amountOere,
    before,
    daysInclusive(from, to),
    daysInclusive(item.from, item.to),
  );
  return costOere > 0 ? { from, to, costOere } : null;
}

/** What the costs carry of the carve-out — min(amount, costs) — and its deduction from each, by cumulative rounding. */
export function carveOutOf(amountOere: number, parts: readonly CarveOutCost[]): CarveOutStanding {
  const costsOere = parts.reduce((sum, p) => sum + p.costOere, 0);
  const carvedOere = Math.min(amountOere, costsOere);
  let costBeforeOere = 0;
  const deductions = parts.map((p) => {
    const amountOere = -(
      cumulativeShare(carvedOere, costBeforeOere + p.costOere, costsOere) -
      cumulativeShare(carvedOere, costBeforeOere, costsOere)
    );
    const d = { ...p, costBeforeOere, amountOere };
    costBeforeOere += p.costOere;
    return d;
  });
  return { costsOere, carvedOere, deductions: deductions.filter((d) => d.amountOere !== 0) };
}

/** The costs of the carve-out's period and the deduction from each, as the project's shares now stand. */
export function carveOutStanding(project: ProjectLedger, c: ProjectCarveOut): CarveOutStanding {
  const parts: CarveOutCost[] = [];
  // A rent's administrative part by floor area comes out of that rent alone (6.9, L1414-L1417).
  // A timesheet's part is time registered already (its administration hours are booked apart): nothing is carved
  // out of it again.
  const expenses = c.area
    ? project.expenses.filter((e) => e.expenseId === c.area!.expenseId && e.timesheet === undefined)
    : project.expenses.filter((e) => e.timesheet === undefined);
  for (const e of expenses)
    for (const s of e.shares) {
      const cost = costInPeriod(c, s);
      if (!cost) continue;
      parts.push({
        costItemId: carveOutDeductionItemId(project.projectId, c.shareId, e.expenseId, s.offerId),
        shareItemId: projectShareItemId(project.projectId, e, s.offerId),
        expenseId: e.expenseId,
        offerId: s.offerId,
        personId: s.personId,
        ...cost,
      });
    }
  return carveOutOf(c.amountOere, parts);
}

const ADMINISTRATION: Account = { function: '6.45.53', dranst: '1', grouping: '-' };
const CITATIONS: Citation[] = [
  {
    source: '000_140518b2c182b2de.txt',
    section:
      '3.1 (L440-L451): administrative costs of an offer are separated from hovedkonto 5 by a standard price or a time registration; 4 (L706): "Administrationsudgifter registreres på hovedkonto 6 på funktion 6.45.53"',
  },
];

export const EXCESS_REASON =
  'the administrative share exceeds the hovedkonto 5 costs of its period: the excess cannot be carved out of them';

/**
 * A posting (of no person but an offer's carve-out's) on 6.45.53 with no refund (administration, LAB § 194), or, with `unresolvedReason`, the
 * amount unresolved with no account.
 */
export function administrationSegment(s: {
  costItemId: string;
  municipality: string;
  /** An offer's carve-out: the offer and its person, so the posting is found by either. */
  personId?: string;
  offerId?: string;
  from: string;
  to: string;
  amountOere: number;
  citations: readonly Citation[];
  unresolvedReason?: string;
}): DesiredSegment {
  const days = daysInclusive(s.from, s.to);
  const resolved = s.unresolvedReason === undefined;
  return {
    costItemId: s.costItemId,
    personId: s.personId ?? null,
    offerId: s.offerId ?? null,
    municipality: s.municipality,
    account: resolved ? { ...ADMINISTRATION } : null,
    refundAccount: null,
    targetGroup: null,
    activityFrom: s.from,
    activityTo: s.to,
    amountOere: s.amountOere,
    refundRateBasisPoints: resolved ? 0 : null,
    refundOere: resolved ? 0 : null,
    ruleId: null,
    citations: s.citations.map((x) => ({ ...x })),
    cap: null,
    unresolved: resolved ? null : { outcome: 'no_rule', reason: s.unresolvedReason! },
    daysBefore: 0,
    days,
    totalDays: days,
    itemAmountOere: s.amountOere,
  };
}

/** The carve-out's own postings: what the costs carry on 6.45.53 with no refund, and any excess as unresolved. */
export function carveOutSegments(
  municipality: string,
  c: ProjectCarveOut,
  standing: CarveOutStanding,
  own: {
    itemId: string;
    excessItemId: string;
    /** "project P", "offer O": whose costs could not carry it. */
    of: string;
    personId?: string;
    offerId?: string;
  },
): DesiredSegment[] {
  const segment = (costItemId: string, amountOere: number, resolved: boolean): DesiredSegment =>
    administrationSegment({
      costItemId,
      municipality,
      ...(own.personId !== undefined && { personId: own.personId, offerId: own.offerId }),
      from: c.activityFrom,
      to: c.activityTo,
      amountOere,
      citations: CITATIONS,
      ...(!resolved && { unresolvedReason: `${EXCESS_REASON} (${own.of})` }),
    });
  const out: DesiredSegment[] = [];
  if (standing.carvedOere > 0) out.push(segment(own.itemId, standing.carvedOere, true));
  if (c.amountOere > standing.carvedOere)
    out.push(segment(own.excessItemId, c.amountOere - standing.carvedOere, false));
  return out;
}
