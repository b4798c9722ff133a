// The JSON shapes of API.md: money as kroner strings with two decimals, rates as percent strings.
import { formatBasisPoints, formatOere } from '@app/domain';
import { bookingDateOf, type Posting } from '@app/ledger';
import type { Citation } from '@app/rules';

export function citationText(citations: Citation[]): string | null {
  return citations.length ? citations.map((c) => `${c.source} ${c.section}`).join('; ') : null;
}

/** A posting as answered; `reversedBy` where the query looked for its reversal. */
export function entryJson(p: Posting & { reversedBy?: string | null }) {
  return {
    entryId: p.entryId,
    kind: p.kind,
    account: p.account,
    refundAccount: p.refundAccount,
    targetGroup: p.targetGroup,
    activityFrom: p.activityFrom,
    activityTo: p.activityTo,
    bookingPeriod: p.bookingPeriod,
    bookingDate: bookingDateOf(p),
    amount: formatOere(p.amountOere),
    refundRate: p.refundRateBasisPoints === null ? null : formatBasisPoints(p.refundRateBasisPoints),
    refundAmount: p.refundOere === null ? null : formatOere(p.refundOere),
    ruleId: p.ruleId,
    citation: citationText(p.citations),
    citations: p.citations,
    cap: p.cap,
    unresolved: p.unresolved,
    causedBy: p.causedBy,
    reverses: p.reverses,
    reversedBy: p.reversedBy ?? null,
    relatesToClosedYear: p.relatesToClosedYear ?? null,
    recordedAt: p.recordedAt,
    rulebookVersion: p.rulebookVersion,
    personId: p.personId,
    offerId: p.offerId,
    costItemId: p.costItemId,
  };
}
