// How a change is posted — a retroactive regrouping, a retraction, a new cost, a reversal or a
// cancellation alike: the person's timeline as now known (timeline.ts), each affected cost item
// allocated over it and the rulebook's boundaries (allocate.ts), compared with what its postings
// say so far (reconcile.ts), and exactly the difference posted — reversals of what no longer
// holds and rebookings — in the booking period of the causing event (its booking date's, when it
// gives one), or the first open period when that year is closed (caps/closing.ts).
import { type DecideRefund, allocate } from '../allocate';
import { openBookingPeriod, relatedClosedYear } from '../caps/closing';
import type { Cause, DesiredSegment, Posting } from '../posting.types';
import { reconcile } from '../reconcile';
import { timelineAsOf } from '../timeline';
import type { LedgerPosting } from './ledger-facts';
import type { PersonLedger, StoredCostItem } from './ledger-state';

/** Posts, for each of `items` (of the person), the difference between what stands and what should; adds the postings to the person's. */
export function regroup(
  person: PersonLedger,
  items: readonly StoredCostItem[],
  closedYears: ReadonlySet<number>,
  cause: Cause,
  decide: DecideRefund,
): LedgerPosting[] {
  if (items.length === 0) return [];
  const timeline = timelineAsOf(person.changes);
  const ids = new Set(items.map((i) => i.costItemId));
  const history = person.postings.filter((p) => ids.has(p.costItemId));
  const desired = items.filter((i) => !i.reversed).flatMap((i) => allocate(i, timeline, decide));
  const postings = postDifference(history, desired, closedYears, cause);
  person.postings.push(...postings.map((p) => p.posting));
  return postings;
}

/** The postings that take `history` to `desired`, booked in the cause's open period, with the closed year they relate to. */
export function postDifference(
  history: readonly Posting[],
  desired: readonly DesiredSegment[],
  closedYears: ReadonlySet<number>,
  cause: Cause,
): LedgerPosting[] {
  const postings = reconcile(history, desired, {
    ...cause,
    bookingPeriod: openBookingPeriod(cause, closedYears),
  });
  return postings.map((posting) => ({
    posting,
    relatesToClosedYear: relatedClosedYear(posting.activityFrom, posting.activityTo, closedYears),
  }));
}
