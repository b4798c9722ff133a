import { z } from 'zod';
import type { EventEnvelope } from '../shared/domain-event';
import { clientId, isoDate, text, uuid } from '../shared/field-schemas';
import { TARGET_GROUPS } from '../shared/vocabulary';

export const targetGroupChangeRetractedV1 = z.strictObject({
  personId: clientId(),
  /** The changeCommandId of the TargetGroupChanged that is retracted. */
  changeCommandId: uuid(),
  reason: text(),
  /** Copied from the retracted change so a projection needs no lookup. */
  retractedTargetGroup: z.enum(TARGET_GROUPS),
  retractedEffectiveFrom: isoDate(),
});
export type TargetGroupChangeRetractedData = z.output<typeof targetGroupChangeRetractedV1>;

/**
 * Stream person-{municipality}-{personId}. From its recorded time on, the retracted change is
 * treated as never having happened, for every effective date.
 */
export type TargetGroupChangeRetracted = EventEnvelope<
  'TargetGroupChangeRetracted',
  1,
  TargetGroupChangeRetractedData
>;

export const targetGroupChangeRetracted = (
  data: TargetGroupChangeRetractedData,
): TargetGroupChangeRetracted => ({
  type: 'TargetGroupChangeRetracted',
  version: 1,
  data,
});
