// The JSON shapes of API.md: money as kroner strings with two decimals, rates as percent strings,
// accounts with their grouping's title, citations with their document.
import { formatBasisPoints, formatOere } from '@app/domain';
import { bookingDateOf, type Posting } from '@app/ledger';
import { accountKey, groupingByKey, sourceDocument, type Account, type Citation } from '@app/rules';

/** A cited passage with its document: how it is cited, its title and kind (null for a file not catalogued). */
export function citationJson(c: Citation) {
  const document = sourceDocument(c.source);
  return {
    source: c.source,
    section: c.section,
    ...(c.note === undefined ? {} : { note: c.note }),
    reference: document?.reference ?? c.source,
    title: document?.title ?? null,
    kind: document?.kind ?? null,
  };
}

/** "000_140518b2c182b2de.txt Bilag 3; …": the file form clients already read (`citations` name the documents). */
export function citationText(citations: Citation[]): string | null {
  return citations.length ? citations.map((c) => `${c.source} ${c.section}`).join('; ') : null;
}

function accountJson(a: Account | null) {
  return a === null
    ? null
    : {
        function: a.function,
        dranst: a.dranst,
        grouping: a.grouping,
        title: groupingByKey(accountKey(a))?.title ?? null,
      };
}

/** A posting as answered; `reversedBy` where the query looked for its reversal. */
export function entryJson(p: Posting & { reversedBy?: string | null }) {
  return {
    entryId: p.entryId,
    kind: p.kind,
    account: accountJson(p.account),
    refundAccount: accountJson(p.refundAccount),
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
    citations: p.citations.map(citationJson),
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
