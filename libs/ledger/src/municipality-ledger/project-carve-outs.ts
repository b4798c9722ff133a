// The administrative part carved out of a project's costs (VEJ 9584, 000_140518b2c182b2de.txt 3.1 L440-L451:
// "antal jobsamtaler * enhedspris = ikke-refusionsberettigende administrationsudgift", to be taken out of the
// total costs before the refund claim; L706: administration on 6.45.53). The amount is deducted from the
// hovedkonto 5 costs of its period — each participant's share, in the days it overlaps the period — in
// proportion to those costs (cumulative rounding, so the deductions add up to the øre), so each participant
// and rate carries its part; the deduction items are judged like the shares they come out of. The amount is
// posted on 6.45.53 with no refund. Carve-outs whose periods overlap come out of the costs in the order recorded,
// each from what the earlier ones left (the rule in carve-outs-in-order.ts of @app/domain); should the costs fall
// below a carve-out, what they cannot carry is posted as unresolved, never dropped.
import { carveOutsInOrder, daysInclusive, type DomainEvent } from '@app/domain';
import type { Account, Citation } from '@app/rules';
import type { DesiredSegment } from '../posting.types';
import { itemKey } from './cost-item-keys';
import {
  projectShareItemId,
  type CarveOutDeduction,
  type ProjectCarveOut,
  type ProjectLedger,
} from './project-ledger';

export interface CarveOutStanding {
  /** The period's hovedkonto 5 costs the carve-outs recorded before left (shares or expenses in the overlapping days). */
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

/** A cost a carve-out of its project or offer can come out of: a participant's share, or an offer's expense. */
export interface CarveOutCost {
  /** The share's or expense's cost item. */
  shareItemId: string;
  expenseId: string;
  offerId: string;
  personId: string;
  from: string;
  to: string;
  amountOere: number;
}

/**
 * Every carve-out as it comes out of the costs standing now, in the order recorded, each from what the earlier ones
 * left (carveOutsInOrder of @app/domain, the rule the decider checks by): a rent's area share from that rent alone
 * (VEJ 9584 6.9, L1414-L1417).
 */
export function carveOutsStanding(
  carveOuts: readonly ProjectCarveOut[],
  costs: readonly CarveOutCost[],
  deductionItemId: (c: ProjectCarveOut, cost: CarveOutCost) => string,
): CarveOutStanding[] {
  const taken = carveOutsInOrder(
    carveOuts.map((c) => ({
      from: c.activityFrom,
      to: c.activityTo,
      amountOere: c.amountOere,
      ...(c.area && { takesFrom: (i: number) => costs[i].expenseId === c.area!.expenseId }),
    })),
    costs,
  );
  return taken.map((t, n) => ({
    costsOere: t.costsOere,
    carvedOere: t.carvedOere,
    deductions: t.takes
      .filter((take) => take.takenOere !== 0)
      .map((take) => {
        const cost = costs[take.part];
        return {
          costItemId: deductionItemId(carveOuts[n], cost),
          shareItemId: cost.shareItemId,
          expenseId: cost.expenseId,
          offerId: cost.offerId,
          personId: cost.personId,
          from: take.from,
          to: take.to,
          costOere: take.costOere,
          costBeforeOere: take.costBeforeOere,
          amountOere: -take.takenOere,
        };
      }),
  }));
}

/** The project's carve-outs as they come out of its shares standing now, in the order recorded. */
export function projectCarveOutsStanding(project: ProjectLedger): CarveOutStanding[] {
  // A timesheet's part is time registered already (its administration hours are booked apart): nothing is carved
  // out of it again.
  const costs = project.expenses
    .filter((e) => e.timesheet === undefined)
    .flatMap((e) =>
      e.shares.map((s) => ({
        shareItemId: projectShareItemId(project.projectId, e, s.offerId),
        expenseId: e.expenseId,
        offerId: s.offerId,
        personId: s.personId,
        from: s.from,
        to: s.to,
        amountOere: s.amountOere,
      })),
    );
  return carveOutsStanding(project.carveOuts, costs, (c, cost) =>
    carveOutDeductionItemId(project.projectId, c.shareId, cost.expenseId, cost.offerId),
  );
}

/** Whether a carve-out stands as `standing` has it already. */
export const standsAs = (c: ProjectCarveOut, standing: CarveOutStanding): boolean =>
  c.costsOere === standing.costsOere &&
  c.carvedOere === standing.carvedOere &&
  c.deductions.length === standing.deductions.length &&
  c.deductions.every((d, i) => {
    const e = standing.deductions[i];
    return (
      d.costItemId === e.costItemId &&
      d.amountOere === e.amountOere &&
      d.from === e.from &&
      d.to === e.to &&
      d.costOere === e.costOere &&
      d.costBeforeOere === e.costBeforeOere
    );
  });

/** Sets a carve-out to how it stands now; returns the deductions it made before and no longer makes. */
export function restate(c: ProjectCarveOut, standing: CarveOutStanding): CarveOutDeduction[] {
  const gone = c.deductions.filter((b) => !standing.deductions.some((d) => d.costItemId === b.costItemId));
  c.costsOere = standing.costsOere;
  c.carvedOere = standing.carvedOere;
  c.deductions = standing.deductions;
  return gone;
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
