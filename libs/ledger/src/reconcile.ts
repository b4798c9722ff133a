// Regrouping: compare what a cost item should be posted as now with what its standing postings
// say, and post exactly the difference (reversals of what no longer holds, bookings of what is new).
import * as domain from '@app/domain';
import { copyAccount, copyCitations, copyUnresolved } from './canonical-copy';
import type { Cause, DesiredSegment, Posting } from './posting.types';

// Bound once: called for every day, piece and segment of the fold, and each call through the
// domain's compiled index would go through its re-export getter.
const { danishBookingPeriodOf, danishDateOf, negate } = domain;

/** The day a posting was booked: the booking date its cause gave, else the Danish day it was recorded. */
export const bookingDateOf = (p: Pick<Posting, 'bookingDate' | 'recordedAt'>): string =>
  p.bookingDate ?? danishDateOf(p.recordedAt);

/** The postings that currently stand: originals and rebookings that no reversal in the list reverses. */
export function standingPostings(postings: readonly Posting[]): Posting[] {
  const reversed = new Set(postings.filter((p) => p.kind === 'reversal').map((p) => p.reverses));
  return postings.filter((p) => p.kind !== 'reversal' && !reversed.has(p.entryId));
}

/**
 * What makes two segments "the same posting": cost item, activity period, target group, accounts,
 * rule, rate, cap, amount, refund and unresolved outcome. Citations and causes are not compared:
 * a re-worded citation alone does not repost history.
 */
export function segmentIdentity(s: DesiredSegment | Posting): string {
  const acc = (a: DesiredSegment['account']) => (a === null ? null : [a.function, a.dranst, a.grouping]);
  return JSON.stringify([
    s.costItemId,
    s.activityFrom,
    s.activityTo,
    s.targetGroup,
    acc(s.account),
    acc(s.refundAccount),
    s.ruleId,
    s.refundRateBasisPoints,
    s.cap,
    s.amountOere,
    s.refundOere,
    s.unresolved === null ? null : [s.unresolved.outcome, s.unresolved.reason, s.unresolved.candidates ?? []],
  ]);
}

const NO_CANDIDATES: readonly string[] = [];

const sameAccount = (a: DesiredSegment['account'], b: DesiredSegment['account']) =>
  a === b ||
  (a !== null &&
    b !== null &&
    a.function === b.function &&
    a.dranst === b.dranst &&
    a.grouping === b.grouping);

function sameUnresolved(a: DesiredSegment['unresolved'], b: DesiredSegment['unresolved']): boolean {
  if (a === null || b === null) return a === b;
  const x = a.candidates ?? NO_CANDIDATES;
  const y = b.candidates ?? NO_CANDIDATES;
  return (
    a.outcome === b.outcome && a.reason === b.reason && x.length === y.length && x.every((c, i) => c === y[i])
  );
}

/** Whether two segments have the same segmentIdentity, compared field by field (reconcile matches every standing posting against every desired segment of an item). */
export function sameSegment(a: DesiredSegment | Posting, b: DesiredSegment | Posting): boolean {
  return (
    a.costItemId === b.costItemId &&
    a.activityFrom === b.activityFrom &&
    a.activityTo === b.activityTo &&
    (a.targetGroup ?? null) === (b.targetGroup ?? null) &&
    sameAccount(a.account, b.account) &&
    sameAccount(a.refundAccount, b.refundAccount) &&
    (a.ruleId ?? null) === (b.ruleId ?? null) &&
    (a.refundRateBasisPoints ?? null) === (b.refundRateBasisPoints ?? null) &&
    (a.cap ?? null) === (b.cap ?? null) &&
    a.amountOere === b.amountOere &&
    (a.refundOere ?? null) === (b.refundOere ?? null) &&
    sameUnresolved(a.unresolved, b.unresolved)
  );
}

const byPeriodThenId = (a: Posting, b: Posting) =>
  cmp(a.activityFrom, b.activityFrom) || cmp(a.activityTo, b.activityTo) || cmp(a.entryId, b.entryId);

function groupInto<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The delta postings that make the ledger match the desired allocation.
 *
 * `postings`: the ledger's postings of the cost items concerned — preferably their whole history
 * (originals, reversals, rebookings); the standing ones are derived (standingPostings). The
 * history decides the kind of new postings: an item's very first postings are 'original', later
 * ones 'rebooking'. (Passing only standing postings works too, except that an item whose
 * postings were all reversed would get 'original' again.)
 *
 * `desired`: the allocation each item should have now (allocate). EVERY cost item that appears in
 * `postings` is reconciled: an item with no desired segments is reversed completely (that is how
 * CancelOffer and ReverseOfferExpense work) — so pass the desired segments of every item you
 * pass postings for.
 *
 * Segments are matched by segmentIdentity. Unmatched standing postings are reversed (amount and
 * refund negated, reverses = their entryId); unmatched desired segments are booked. Nothing that
 * matches is touched, so a change that alters nothing posts nothing, and reconciling again right
 * after applying the result posts nothing.
 *
 * Output order: by costItemId; within an item the reversals (by activity period, then entryId),
 * then the new bookings (in date order). entryId = `${cause.eventId}:${costItemId}:${n}`, n = 1, 2, …
 * per item in that order — call reconcile once per (event, cost item).
 */
export function reconcile(
  postings: readonly Posting[],
  desired: readonly DesiredSegment[],
  cause: Cause,
): Posting[] {
  const bookingPeriod = cause.bookingPeriod ?? danishBookingPeriodOf(cause.recordedAt);
  const causedBy = Object.freeze({ eventId: cause.eventId, commandId: cause.commandId }); // shared by the postings of the cause
  const { bookingDate } = cause;

  const seen = new Set<string>();
  const historyOf = new Map<string, Posting[]>();
  const wantedOf = new Map<string, DesiredSegment[]>();
  for (const p of postings) {
    if (seen.has(p.entryId)) continue; // the same posting passed twice counts once
    seen.add(p.entryId);
    groupInto(historyOf, p.costItemId, p);
  }
  for (const d of desired) groupInto(wantedOf, d.costItemId, d);
  const itemIds = [...new Set([...historyOf.keys(), ...wantedOf.keys()])].sort(cmp);

  const out: Posting[] = [];
  for (const itemId of itemIds) {
    const history = historyOf.get(itemId) ?? [];
    const standing = standingPostings(history).sort(byPeriodThenId);
    const wanted = [...(wantedOf.get(itemId) ?? [])].sort(
      (a, b) => cmp(a.activityFrom, b.activityFrom) || cmp(a.activityTo, b.activityTo),
    );

    // Each desired segment takes the first standing posting still unmatched that is the same segment.
    const matched = new Array<boolean>(standing.length).fill(false);
    const toBook: DesiredSegment[] = [];
    for (const d of wanted) {
      const i = standing.findIndex((p, j) => !matched[j] && sameSegment(p, d));
      if (i >= 0) matched[i] = true;
      else toBook.push(d);
    }
    const toReverse = standing.filter((_, j) => !matched[j]);

    let n = 0;
    const nextId = () => `${cause.eventId}:${itemId}:${++n}`;
    for (const p of toReverse) {
      const reversal: Posting = {
        entryId: nextId(),
        kind: 'reversal',
        costItemId: p.costItemId,
        personId: p.personId,
        offerId: p.offerId,
        municipality: p.municipality,
        account: copyAccount(p.account),
        refundAccount: copyAccount(p.refundAccount),
        targetGroup: p.targetGroup,
        activityFrom: p.activityFrom,
        activityTo: p.activityTo,
        bookingPeriod,
        amountOere: negate(p.amountOere),
        refundRateBasisPoints: p.refundRateBasisPoints,
        refundOere: p.refundOere === null ? null : negate(p.refundOere),
        ruleId: p.ruleId,
        citations: copyCitations(p.citations),
        cap: p.cap,
        unresolved: copyUnresolved(p.unresolved),
        causedBy,
        reverses: p.entryId,
        recordedAt: cause.recordedAt,
        rulebookVersion: cause.rulebookVersion ?? null,
      };
      if (bookingDate !== undefined) reversal.bookingDate = bookingDate;
      out.push(reversal);
    }
    const kind = history.length === 0 ? 'original' : 'rebooking';
    for (const d of toBook) {
      const booking: Posting = {
        entryId: nextId(),
        kind,
        costItemId: d.costItemId,
        personId: d.personId,
        offerId: d.offerId,
        municipality: d.municipality,
        account: copyAccount(d.account),
        refundAccount: copyAccount(d.refundAccount),
        targetGroup: d.targetGroup,
        activityFrom: d.activityFrom,
        activityTo: d.activityTo,
        bookingPeriod,
        amountOere: d.amountOere,
        refundRateBasisPoints: d.refundRateBasisPoints,
        refundOere: d.refundOere,
        ruleId: d.ruleId,
        citations: copyCitations(d.citations),
        cap: d.cap,
        unresolved: copyUnresolved(d.unresolved),
        causedBy,
        reverses: null,
        recordedAt: cause.recordedAt,
        rulebookVersion: cause.rulebookVersion ?? null,
      };
      if (bookingDate !== undefined) booking.bookingDate = bookingDate;
      out.push(booking);
    }
  }
  return out;
}
