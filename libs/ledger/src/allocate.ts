// Allocation of one cost item over the person's target-group timeline and the rulebook's rule
// boundaries: split, divide the amount by calendar days, and attach each segment's decision.
import * as domain from '@app/domain';
import type { IsoDate, TargetGroup, TargetGroupAttributes } from '@app/domain';
import type { Account, CapId, Citation, RefundDecision, RefundQuery } from '@app/rules';
import { copyAccount, copyCitations, copyUnresolved } from './canonical-copy';
import { shareOfDays } from './day-split';
import type { CostItem, DesiredSegment, Unresolved } from './posting.types';
import { mentorRefundWindow } from './mentor-refund-window';
import { segmentOn, type TimelineSegment } from './timeline';

// Bound once: called for every day, piece and segment of the fold, and each call through the
// domain's compiled index would go through its re-export getter.
const { addMonths, assertOere, dayNumber, daysInclusive, endOfMonth, endOfYear, isoDateOfDay, refundOf } =
  domain;

/** The rulebook's decision function, injected (libs/rules implements it). */
export type DecideRefund = (query: RefundQuery) => RefundDecision;

export const NO_TARGET_GROUP_REASON = 'no target group registered for the person on these dates';

export interface AllocateOptions {
  /** Also split at every calendar month or year end (e.g. for statements per activity year). Default: none. */
  splitAtCalendar?: 'month' | 'year' | 'none';
}

/** What a piece of the period is posted as, apart from its amount. */
interface Treatment {
  targetGroup: TargetGroup | null;
  account: Account | null;
  refundAccount: Account | null;
  refundRateBasisPoints: number | null;
  ruleId: string | null;
  citations: Citation[];
  cap: CapId | null;
  unresolved: Unresolved | null;
}

interface Piece {
  from: number; // day numbers, inclusive
  to: number;
  treatment: Treatment;
  key: string;
}

function treatmentOf(targetGroup: TargetGroup, d: RefundDecision): Treatment {
  if (d.outcome === 'rule') {
    return {
      targetGroup,
      account: copyAccount(d.costAccount),
      refundAccount: d.rateBasisPoints === 0 ? null : copyAccount(d.refundAccount),
      refundRateBasisPoints: d.rateBasisPoints,
      ruleId: d.ruleId,
      citations: copyCitations(d.citations),
      cap: d.cap,
      unresolved: null,
    };
  }
  const unresolved = copyUnresolved({ outcome: d.outcome, reason: d.reason, candidates: d.candidates });
  return {
    targetGroup,
    account: copyAccount(d.costAccount),
    refundAccount: null,
    refundRateBasisPoints: null,
    ruleId: null,
    citations: copyCitations(d.citations),
    cap: null,
    unresolved,
  };
}

/**
 * A decision's treatment for a target group, with its identity (what joins adjacent pieces: JSON
 * of the treatment). It depends on the target group and the decision only, so for the rulebook's
 * shared decision objects it is made once per decision and group; segments share it (nothing
 * changes a segment's account, citations or unresolved).
 */
const treatments = new WeakMap<RefundDecision, Map<TargetGroup, { treatment: Treatment; key: string }>>();
function treatmentFor(
  targetGroup: TargetGroup,
  decision: RefundDecision,
): { treatment: Treatment; key: string } {
  let byGroup = treatments.get(decision);
  if (!byGroup) treatments.set(decision, (byGroup = new Map()));
  let known = byGroup.get(targetGroup);
  if (known === undefined) {
    const treatment = treatmentOf(targetGroup, decision);
    byGroup.set(targetGroup, (known = { treatment, key: JSON.stringify(treatment) }));
  }
  return known;
}

const UNKNOWN_GROUP_TREATMENT: Treatment = {
  targetGroup: null,
  account: null,
  refundAccount: null,
  refundRateBasisPoints: null,
  ruleId: null,
  citations: [],
  cap: null,
  unresolved: { outcome: 'no_rule', reason: NO_TARGET_GROUP_REASON },
};
const UNKNOWN_GROUP = { treatment: UNKNOWN_GROUP_TREATMENT, key: JSON.stringify(UNKNOWN_GROUP_TREATMENT) };

/** The attributes the rulebook reads (the spell's start reaches it as monthsUnemployed), or null when none. */
function rulebookAttributes({
  unemploymentSpellStart: _spell,
  ...attributes
}: TargetGroupAttributes): TargetGroupAttributes | null {
  return Object.keys(attributes).length > 0 ? attributes : null;
}

/** Whole calendar months from `start` to `date`: the largest k with addMonths(start, k) ≤ date. */
export function monthsElapsed(start: IsoDate, date: IsoDate): number {
  const [sy, sm] = start.split('-').map(Number);
  const [dy, dm] = date.split('-').map(Number);
  let k = (dy - sy) * 12 + (dm - sm);
  while (k > 0 && dayNumber(addMonths(start, k)) > dayNumber(date)) k -= 1;
  return Math.max(0, k);
}

/**
 * Split a cost item's activity period and decide each segment.
 *
 * The period is cut at every change of the person's target group (timeline segments; dates no
 * segment covers count as "no target group"), at every rule boundary (a decision's validTo), at
 * the ends of a mentor item's refundable window (mentor-refund-window.ts; mentor items also tell
 * every query the person's target group on the agreement's start date, when known), at monthly
 * anniversaries of the person's unemployment spell (attributes.unemploymentSpellStart of the
 * segment's target-group change, when given; not for an item whose months are read on the offer's
 * start date, item.unemploymentMonthsOn) and, optionally, at calendar month/year ends. Adjacent
 * pieces that would be posted identically
 * (same target group, account, rule, rate, cap, citations, unresolved outcome) are joined again
 * (except across a requested calendar split), so a change that alters nothing — a re-registration
 * of the same group, a rule row boundary that changes nothing — produces the segments it had before.
 *
 * Amounts: cumulative day-proportional rounding (see day-split.ts) — the parts add up exactly to
 * the item's amount. Refunds: refundOf(part, rate), half away from zero, per segment. Segments
 * answered no_rule / ambiguous (or with no target group) keep their amount, with rate and
 * refund null and the reason in `unresolved`.
 *
 * Segments are returned in date order; they are contiguous and cover the period exactly.
 */
export function allocate(
  item: CostItem,
  timeline: readonly TimelineSegment[],
  decide: DecideRefund,
  options: AllocateOptions = {},
): DesiredSegment[] {
  assertOere(item.amountOere, `amount of ${item.costItemId}`);
  const first = dayNumber(item.activityFrom);
  const last = dayNumber(item.activityTo);
  const totalDays = daysInclusive(item.activityFrom, item.activityTo);
  const agreementPeriod =
    item.cost.kind === 'mentor' && item.mentorAgreementPeriod ? item.mentorAgreementPeriod : null;
  const agreementStart = item.cost.kind === 'mentor' ? (item.mentorAgreementStartDate ?? null) : null;
  const agreementSegment = agreementStart === null ? null : segmentOn(timeline, agreementStart);
  const mentorAgreementTargetGroup = agreementSegment?.targetGroup ?? null;
  const mentorAgreementAttributes = agreementSegment && rulebookAttributes(agreementSegment.attributes);

  const calendar = options.splitAtCalendar ?? 'none';
  /** Calendar splits are kept even between identically posted pieces. */
  const calendarEndsOn = (d: number) =>
    (calendar === 'month' && isoDateOfDay(d) === endOfMonth(isoDateOfDay(d))) ||
    (calendar === 'year' && isoDateOfDay(d).endsWith('-12-31'));

  const pieces: Piece[] = [];
  let day = first;
  while (day <= last) {
    const date = isoDateOfDay(day);
    let end = last;
    const cut = (candidate: number) => {
      end = Math.min(end, Math.max(candidate, day)); // never before today: always progress
    };

    const seg = segmentOn(timeline, date);
    if (seg.to !== null) cut(dayNumber(seg.to));

    if (calendar === 'month') cut(dayNumber(endOfMonth(date)));
    if (calendar === 'year') cut(dayNumber(endOfYear(date)));

    let withinMentorWindow: boolean | undefined;
    if (agreementPeriod) {
      const window = mentorRefundWindow(timeline, date, agreementPeriod);
      withinMentorWindow = window !== null && dayNumber(window.from) <= day && day <= dayNumber(window.to);
      if (window && day < dayNumber(window.from)) cut(dayNumber(window.from) - 1);
      else if (window && day <= dayNumber(window.to)) cut(dayNumber(window.to));
    }

    // The person's unemployment spell (attributes.unemploymentSpellStart of the target-group change): the 9- and
    // 24-month rules change at a monthly anniversary, so the period is split at each one — unless the expense asked for
    // the months on the offer's start date, which then classify the whole item (before the spell: not known).
    const spellStart = seg.attributes.unemploymentSpellStart ?? null;
    let monthsUnemployed: number | undefined;
    if (spellStart !== null && item.unemploymentMonthsOn) {
      if (item.unemploymentMonthsOn >= spellStart)
        monthsUnemployed = monthsElapsed(spellStart, item.unemploymentMonthsOn);
    } else if (spellStart !== null) {
      const startDay = dayNumber(spellStart);
      if (day < startDay) cut(startDay - 1);
      else {
        monthsUnemployed = monthsElapsed(spellStart, date);
        cut(dayNumber(addMonths(spellStart, monthsUnemployed + 1)) - 1);
      }
    }

    let treatment: Treatment;
    let key: string;
    if (seg.targetGroup === null) {
      ({ treatment, key } = UNKNOWN_GROUP);
    } else {
      const query: RefundQuery = {
        date,
        targetGroup: seg.targetGroup,
        offerKind: item.offerKind,
        cost: item.cost,
      };
      if (item.fundingFrame) query.fundingFrame = item.fundingFrame;
      const attributes = rulebookAttributes(seg.attributes);
      if (attributes !== null) query.attributes = attributes;
      if (monthsUnemployed !== undefined) query.monthsUnemployed = monthsUnemployed;
      if (withinMentorWindow !== undefined) query.withinMentorWindow = withinMentorWindow;
      if (mentorAgreementTargetGroup !== null) query.mentorAgreementTargetGroup = mentorAgreementTargetGroup;
      if (mentorAgreementTargetGroup !== null && mentorAgreementAttributes)
        query.mentorAgreementAttributes = mentorAgreementAttributes;
      const decision = decide(query);
      cut(dayNumber(decision.validTo));
      ({ treatment, key } = treatmentFor(seg.targetGroup, decision));
    }

    const previous = pieces[pieces.length - 1];
    if (previous && previous.key === key && previous.to === day - 1 && !calendarEndsOn(previous.to))
      previous.to = end;
    else pieces.push({ from: day, to: end, treatment, key });
    day = end + 1;
  }

  let daysBefore = 0;
  return pieces.map(({ from, to, treatment: t }) => {
    const days = to - from + 1;
    const amountOere = shareOfDays(item.amountOere, daysBefore, days, totalDays);
    const segment: DesiredSegment = {
      costItemId: item.costItemId,
      personId: item.personId,
      offerId: item.offerId,
      municipality: item.municipality,
      account: t.account,
      refundAccount: t.refundAccount,
      targetGroup: t.targetGroup,
      activityFrom: isoDateOfDay(from),
      activityTo: isoDateOfDay(to),
      amountOere,
      refundRateBasisPoints: t.refundRateBasisPoints,
      refundOere: t.refundRateBasisPoints === null ? null : refundOf(amountOere, t.refundRateBasisPoints),
      ruleId: t.ruleId,
      citations: t.citations,
      cap: t.cap,
      unresolved: t.unresolved,
      daysBefore,
      days,
      totalDays,
      itemAmountOere: item.amountOere,
    };
    daysBefore += days;
    return segment;
  });
}
