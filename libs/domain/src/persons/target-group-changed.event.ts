import { z } from 'zod';
import type { EventEnvelope } from '../shared/domain-event';
import { clientId, isoDate, text, uuid } from '../shared/field-schemas';
import { TARGET_GROUPS, targetGroupAttributesSchema } from '../shared/vocabulary';

export const targetGroupChangedV1 = z.strictObject({
  personId: clientId(),
  /** The commandId of the ChangeTargetGroup that made this change; RetractTargetGroupChange refers to it. */
  changeCommandId: uuid(),
  targetGroup: z.enum(TARGET_GROUPS),
  attributes: targetGroupAttributesSchema,
  /** From this date on (inclusive) the person is in `targetGroup`, until a later change. May lie in the past. */
  effectiveFrom: isoDate(),
  reason: text().nullable(),
});
export type TargetGroupChangedData = z.output<typeof targetGroupChangedV1>;

/** Stream person-{municipality}-{personId}. */
export type TargetGroupChanged = EventEnvelope<'TargetGroupChanged', 1, TargetGroupChangedData>;

export const targetGroupChanged = (data: TargetGroupChangedData): TargetGroupChanged => ({
  type: 'TargetGroupChanged',
  version: 1,
  data,
});
