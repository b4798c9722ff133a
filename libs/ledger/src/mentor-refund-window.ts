// The refundable window of mentor support (VEJ 9584/2025 2 A, 000 L132-L142): a person in jobafklaring gets the
// mentor refund with no time limit while in jobafklaring; when the mentor follows the person into a job or education
// (jobafklaring → no target group) the agreement runs out at most 6 months after that transition, for every mentor
// type, and no refund follows after it. An agreement that begins on the job's first day or later did not follow a
// person in jobafklaring (the rulebook sees its target group on the start day: none).
import { type IsoDate, addDays, addMonths, dayNumber, minDate, type DateRange } from '@app/domain';
import { segmentOn, type TimelineSegment } from './timeline';

/** How long the refund follows the person after the move from jobafklaring into a job or education. */
const MONTHS_AFTER_TRANSITION = 6;

/**
 * The first day of the person's stretch without a target group that contains `date`, when the day before it the person
 * was in jobafklaring; otherwise null. Consecutive registrations of "no target group" count as one stretch.
 */
function transitionFromJobafklaring(timeline: readonly TimelineSegment[], date: IsoDate): IsoDate | null {
  let segment = segmentOn(timeline, date);
  if (segment.targetGroup !== 'none') return null;
  while (segment.from !== null) {
    const before = segmentOn(timeline, addDays(segment.from, -1));
    if (before.targetGroup === 'jobafklaring') return segment.from;
    if (before.targetGroup !== 'none') return null;
    segment = before;
  }
  return null;
}

/**
 * The window, within the agreement's period, in which mentor hours on `date` are refundable as far as time goes: the
 * whole agreement while the person is in a target group (the rulebook decides by group, jobafklaring without a time
 * limit), and from the transition at most MONTHS_AFTER_TRANSITION months for a person the mentor followed from
 * jobafklaring into a job or education; null when no window covers the stretch.
 */
export function mentorRefundWindow(
  timeline: readonly TimelineSegment[],
  date: IsoDate,
  agreement: DateRange,
): DateRange | null {
  if (segmentOn(timeline, date).targetGroup !== 'none') return agreement;
  const transition = transitionFromJobafklaring(timeline, date);
  if (transition === null) return null;
  const from = dayNumber(agreement.from) > dayNumber(transition) ? agreement.from : transition;
  const to = minDate(agreement.to, addDays(addMonths(transition, MONTHS_AFTER_TRANSITION), -1));
  return dayNumber(from) <= dayNumber(to) ? { from, to } : null;
}
