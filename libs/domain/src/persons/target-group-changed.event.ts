import { isoDate, nullable, object, oneOf, optional, boolean, text, type Schema } from '../shared/schema';
import { clientId, uuid } from '../shared/ids';
import type { EventEnvelope } from '../shared/domain-event';
import { READINESS, TARGET_GROUPS, type IsoDate, type TargetGroup, type TargetGroupAttributes } from '../shared/vocabulary';

export interface TargetGroupChangedData {
  personId: string;
  /** The commandId of the ChangeTargetGroup that made this change; RetractTargetGroupChange refers to it. */
  changeCommandId: string;
  targetGroup: TargetGroup;
  /** Only the attributes that were given (no key for an absent one). */
  attributes: TargetGroupAttributes;
  /** From this date on (inclusive) the person is in `targetGroup`, until a later change. May lie in the past. */
  effectiveFrom: IsoDate;
  reason: string | null;
}

/** Stream person-{municipality}-{personId}. */
export type TargetGroupChanged = EventEnvelope<'TargetGroupChanged', 1, TargetGroupChangedData>;

export const targetGroupAttributesSchema: Schema<TargetGroupAttributes> = object(
  {
    readiness: optional(oneOf(READINESS)),
    sickPayCategory: optional(oneOf([1, 2, 3] as const)),
    hasVocationalEducation: optional(boolean()),
  },
  { strict: true },
);

export const targetGroupChangedV1: Schema<TargetGroupChangedData> = object(
  {
    personId: clientId(),
    changeCommandId: uuid(),
    targetGroup: oneOf(TARGET_GROUPS),
    attributes: targetGroupAttributesSchema,
    effectiveFrom: isoDate(),
    reason: nullable(text()),
  },
  { strict: true },
);

export const targetGroupChanged = (data: TargetGroupChangedData): TargetGroupChanged => ({
  type: 'TargetGroupChanged',
  version: 1,
  data,
});
