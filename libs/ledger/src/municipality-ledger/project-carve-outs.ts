// The administrative part carved out of a project's costs (VEJ 9584, 000_140518b2c182b2de.txt 3.1 L440-L451:
// "antal jobsamtaler * enhedspris = ikke-refusionsberettigende administrationsudgift", to be taken out of the
// total costs before the refund claim; L706: administration on 6.45.53). The amount is deducted from the
// hovedkonto 5 costs of its period — each participant's share, in the days it overlaps the period — in
// proportion to those costs (cumulative rounding, so the deductions add up to the øre), so each participant
// and rate carries its part; the deduction items are judged like the shares they come out of. The amount is
// posted on 6.45.53 with no refund. Should the period's costs fall below it, what they cannot carry is posted
// as unresolved, never dropped.
import { daysInclusive, maxDate, minDate } from '@app/domain';
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

/** The costs of the carve-out's period and the deduction from each, as the project's shares now stand. */
export function carveOutStanding(project: ProjectLedger, c: ProjectCarveOut): CarveOutStanding {
  const parts: Omit<CarveOutDeduction, 'amountOere' | 'costBeforeOere'>[] = [];
  // A rent's administrative part by floor area comes out of that rent alone (6.9, L1414-L1417).
  // A timesheet's part is time registered already (its administration hours are booked apart): nothing is carved
  // out of it again.
  const expenses = c.area
    ? project.expenses.filter((e) => e.expenseId === c.area!.expenseId && e.timesheet === undefined)
    : project.expenses.filter((e) => e.timesheet === undefined);
  for (const e of expenses)
    for (const s of e.shares) {
      const from = maxDate(s.from, c.activityFrom);
      const to = minDate(s.to, c.activityTo);
      if (s.amountOere <= 0 || from > to) continue;
      const before = daysInclusive(s.from, from) - 1;
      const costOere = shareOfDays(
        s.amountOere,
        before,
        daysInclusive(from, to),
        daysInclusive(s.from, s.to),
      );
      if (costOere <= 0) continue;
      parts.push({
        costItemId: carveOutDeductionItemId(project.projectId, c.shareId, e.expenseId, s.offerId),
        shareItemId: projectShareItemId(project.projectId, e, s.offerId),
        expenseId: e.expenseId,
        offerId: s.offerId,
        personId: s.personId,
        from,
        to,
        costOere,
      });
    }
  const costsOere = parts.reduce((sum, p) => sum + p.costOere, 0);
  const carvedOere = Math.min(c.amountOere, costsOere);
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
 * A posting of no person on 6.45.53 with no refund (administration, LAB § 194), or, with `unresolvedReason`, the
 * amount unresolved with no account.
 */
export function administrationSegment(s: {
  costItemId: string;
  municipality: string;
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
    personId: null,
    offerId: null,
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
  project: ProjectLedger,
  c: ProjectCarveOut,
  standing: CarveOutStanding,
): DesiredSegment[] {
  const segment = (costItemId: string, amountOere: number, resolved: boolean): DesiredSegment =>
    administrationSegment({
      costItemId,
      municipality,
      from: c.activityFrom,
      to: c.activityTo,
      amountOere,
      citations: CITATIONS,
      ...(!resolved && { unresolvedReason: `${EXCESS_REASON} (project ${project.projectId})` }),
    });
  const out: DesiredSegment[] = [];
  if (standing.carvedOere > 0)
    out.push(segment(carveOutItemId(project.projectId, c.shareId), standing.carvedOere, true));
  if (c.amountOere > standing.carvedOere)
    out.push(
      segment(carveOutExcessItemId(project.projectId, c.shareId), c.amountOere - standing.carvedOere, false),
    );
  return out;
}
