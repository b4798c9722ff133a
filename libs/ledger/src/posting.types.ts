// The ledger's data: the cost items it allocates, the segments an item should be posted as, and
// the immutable postings themselves. The objects the ledger creates always list their fields in one
// order (a posting's as reconcile.ts writes them), so that serialising a rebuild gives byte-identical output.
import type { IsoDate, OfferKind, TargetGroup, DateRange } from '@app/domain';
import type { Account, CapId, Citation, CostKind } from '@app/rules';

/** An operating expense of an offer, or costed mentor hours, relating to an activity period. */
export interface CostItem {
  /** expenseId, or an id of the mentor hours record; unique in the municipality. */
  costItemId: string;
  personId: string;
  offerId: string | null;
  municipality: string;
  offerKind: OfferKind;
  cost: CostKind;
  /** Whole øre; negative for operating income that nets against the costs. */
  amountOere: number;
  activityFrom: IsoDate;
  activityTo: IsoDate;
  /**
   * Mentor only: the mentor agreement's period (inclusive). When given, each query says whether
   * its date lies inside the refundable window derived from it and the person's timeline
   * (mentor-refund-window.ts), and the period is split at the window's ends. When absent,
   * queries carry no withinMentorWindow.
   */
  mentorAgreementPeriod?: DateRange | null;
  /**
   * Mentor only: the day the mentor agreement started. When given, every query of the item
   * carries mentorAgreementTargetGroup and mentorAgreementAttributes = the person's target group
   * and attributes on that day in the timeline allocated over (nothing when no target group is
   * registered on it), so a regrouping that changes the group on that day is seen (VEJ 9584/2025
   * 2 A: mentor following a person from jobafklaring into a job or education; BRS 2020 groupings
   * 017/019: 2014-2018 mentor costs by the group when the agreement was made).
   */
  mentorAgreementStartDate?: IsoDate | null;
  /** The offer's bevillingsramme (seed 002 id), when registered: every query of the item carries it. */
  fundingFrame?: string | null;
  /**
   * When given (an expense recorded with unemploymentMonthsAt 'offer_start': the offer's start date), the months of
   * the person's unemployment spell are read on this day for the whole item, which is then not split at the spell's
   * anniversaries; otherwise on each activity date.
   */
  unemploymentMonthsOn?: IsoDate | null;
}

/** Why a segment has no refund: the rulebook had no rule, or contradicting rules. */
export interface Unresolved {
  outcome: 'no_rule' | 'ambiguous';
  reason: string;
  /** 'ambiguous' only: the contradicting rule ids. */
  candidates?: string[];
}

/** What a segment of a cost item says, whether still to be posted (DesiredSegment) or posted (Posting). */
export interface CostSegment {
  costItemId: string;
  /** null only for a cap adjustment (it belongs to the municipality's accounting year, not to a person). */
  personId: string | null;
  offerId: string | null;
  municipality: string;
  /** Cost account (dranst '1'); null only when unresolved and the chart of accounts gives none. */
  account: Account | null;
  /** State refund account (dranst '2'); null when the rate is 0 or unresolved. */
  refundAccount: Account | null;
  /** null: no target group registered for the person on these dates. */
  targetGroup: TargetGroup | null;
  activityFrom: IsoDate;
  activityTo: IsoDate;
  amountOere: number;
  refundRateBasisPoints: number | null;
  refundOere: number | null;
  ruleId: string | null;
  citations: Citation[];
  cap: CapId | null;
  unresolved: Unresolved | null;
}

/** One segment of a cost item as it should stand in the ledger now (output of allocate). */
export interface DesiredSegment extends CostSegment {
  /** The arithmetic, for explanations: days before this segment, its days, the item's days and amount. */
  daysBefore: number;
  days: number;
  totalDays: number;
  itemAmountOere: number;
}

/**
 * 'cap_adjustment': the adjusting posting that brings the refunds booked against a cap in an
 * accounting year to the capped refund (cap.ts); it carries no person, cost item or cost amount.
 */
export type PostingKind = 'original' | 'reversal' | 'rebooking' | 'cap_adjustment';

/** The event that causes postings. recordedAt is the event's recorded instant (ISO 8601 UTC). */
export interface Cause {
  eventId: string;
  commandId: string;
  recordedAt: string;
  /** 'YYYY-MM'; default: the Danish month of recordedAt (danishBookingPeriodOf). */
  bookingPeriod?: string;
  /** The municipality's booking date the event gave (an expense's bookingDate); its postings carry it. */
  bookingDate?: IsoDate;
  /** The rulebook version in force at the event's log position (every posting it causes carries it). */
  rulebookVersion?: string;
}

/** An immutable ledger posting: a segment as booked, by whom and when. */
export interface Posting extends CostSegment {
  /** `${causedBy.eventId}:${costItemId}:${n}`, n = 1, 2, … in output order. */
  entryId: string;
  kind: PostingKind;
  /** 'YYYY-MM': the month the causing event was recorded, or of its booking date (closing.ts). */
  bookingPeriod: string;
  causedBy: { eventId: string; commandId: string };
  /** For a reversal: the entryId it reverses; otherwise null. */
  reverses: string | null;
  /** The causing event's recorded instant. */
  recordedAt: string;
  /** The rulebook version the posting was made under: the one in force at the causing event (null without a ledger). */
  rulebookVersion: string | null;
  /**
   * Set by the read side on postings booked after an accounting year was closed whose activity
   * lies in that year: they landed in the first open period instead (closing.ts).
   */
  relatesToClosedYear?: number;
  /** The booking date the causing event gave (Cause.bookingDate); absent: booked when recorded. */
  bookingDate?: IsoDate;
}
