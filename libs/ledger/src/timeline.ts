// The bitemporal target-group timeline of a person: which target group applied on which
// effective dates, as it was known at a recorded instant.
import * as domain from '@app/domain';
import type { IsoDate, TargetGroup, TargetGroupAttributes } from '@app/domain';

// Bound once: called for every day, piece and segment of the fold, and each call through the
// domain's compiled index would go through its re-export getter.
const { addDays, dayNumber } = domain;

/** One registered change (ChangeTargetGroup), with its retraction if it was retracted. */
export interface TargetGroupChangeRecord {
  changeCommandId: string;
  targetGroup: TargetGroup;
  attributes?: TargetGroupAttributes;
  effectiveFrom: IsoDate;
  /** Recorded instant of the change, ISO 8601. */
  recordedAt: string;
  /** Recorded instant of its RetractTargetGroupChange, if any. */
  retractedAt?: string | null;
}

/**
 * A stretch of effective dates with one target group. The first segment is always the explicit
 * "unknown" segment before the first change: targetGroup null, from null (since ever),
 * recordedAt and changeCommandId null. The last segment is open-ended (to null).
 */
export interface TimelineSegment {
  targetGroup: TargetGroup | null;
  attributes: TargetGroupAttributes;
  from: IsoDate | null;
  to: IsoDate | null;
  recordedAt: string | null;
  changeCommandId: string | null;
}

function instant(value: string): number {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO instant: ${JSON.stringify(value)}`);
  return ms;
}

/** A copy of the attributes with keys in a fixed order (deterministic serialisation). */
function normaliseAttributes(a: TargetGroupAttributes | undefined): TargetGroupAttributes {
  const out: TargetGroupAttributes = {};
  if (a?.readiness !== undefined) out.readiness = a.readiness;
  if (a?.sickPayCategory !== undefined) out.sickPayCategory = a.sickPayCategory;
  if (a?.hasVocationalEducation !== undefined) out.hasVocationalEducation = a.hasVocationalEducation;
  if (a?.unemploymentSpellStart !== undefined) out.unemploymentSpellStart = a.unemploymentSpellStart;
  if (a?.selfSupporting !== undefined) out.selfSupporting = a.selfSupporting;
  if (a?.programmeExpired !== undefined) out.programmeExpired = a.programmeExpired;
  return out;
}

/**
 * The timeline as known at recorded instant `asOf` (default: everything recorded).
 * - changes recorded after asOf are ignored;
 * - a change retracted at or before asOf counts as never registered, for every effective date;
 * - of two changes with the same effectiveFrom the later recorded wins (equal instants: the one
 *   later in the input, i.e. later in the log);
 * - each change holds from its effectiveFrom until the day before the next change's.
 */
export function timelineAsOf(changes: readonly TargetGroupChangeRecord[], asOf?: string): TimelineSegment[] {
  const cutoff = asOf === undefined ? Number.POSITIVE_INFINITY : instant(asOf);
  const visible = changes
    .map((change, index) => ({
      change,
      index,
      recorded: instant(change.recordedAt),
      day: dayNumber(change.effectiveFrom),
    }))
    .filter(({ change, recorded }) => {
      if (recorded > cutoff) return false;
      const retracted = change.retractedAt == null ? null : instant(change.retractedAt);
      return retracted === null || retracted > cutoff;
    })
    // by effective date; for the same date the winner (latest recorded, then latest in the log) last
    .sort((a, b) => a.day - b.day || a.recorded - b.recorded || a.index - b.index);

  const winners = visible.filter((v, i) => i + 1 === visible.length || visible[i + 1].day !== v.day);

  const segments: TimelineSegment[] = [];
  segments.push({
    targetGroup: null,
    attributes: {},
    from: null,
    to: winners.length ? addDays(winners[0].change.effectiveFrom, -1) : null,
    recordedAt: null,
    changeCommandId: null,
  });
  winners.forEach(({ change }, i) => {
    const next = winners[i + 1];
    segments.push({
      targetGroup: change.targetGroup,
      attributes: normaliseAttributes(change.attributes),
      from: change.effectiveFrom,
      to: next ? addDays(next.change.effectiveFrom, -1) : null,
      recordedAt: change.recordedAt,
      changeCommandId: change.changeCommandId,
    });
  });
  return segments;
}

/** The registered segments only (without the leading "unknown" segment), e.g. for the timeline query. */
export function registeredSegments(timeline: readonly TimelineSegment[]): TimelineSegment[] {
  return timeline.filter((s) => s.changeCommandId !== null);
}

/** The segment covering `date`, or an "unknown" segment when none does (gaps count as unknown). */
export function segmentOn(timeline: readonly TimelineSegment[], date: IsoDate): TimelineSegment {
  const day = dayNumber(date);
  const found = timeline.find(
    (s) => (s.from === null || dayNumber(s.from) <= day) && (s.to === null || day <= dayNumber(s.to)),
  );
  if (found) return found;
  // a gap in a hand-made timeline: unknown until the next segment starts
  const nextFrom = timeline
    .map((s) => s.from)
    .filter((f): f is IsoDate => f !== null && dayNumber(f) > day)
    .sort((a, b) => dayNumber(a) - dayNumber(b))[0];
  return {
    targetGroup: null,
    attributes: {},
    from: date,
    to: nextFrom ? addDays(nextFrom, -1) : null,
    recordedAt: null,
    changeCommandId: null,
  };
}
