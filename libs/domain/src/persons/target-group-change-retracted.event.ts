import { isoDate, object, oneOf, text, type Schema } from '../shared/schema';
import { clientId, uuid } from '../shared/ids';
import type { EventEnvelope } from '../shared/domain-event';
import { TARGET_GROUPS, type IsoDate, type TargetGroup } from '../shared/vocabulary';

export interface TargetGroupChangeRetractedData {
  personId: string;
  /** The changeCommandId of the TargetGroupChanged that is retracted. */
  changeCommandId: string;
  reason: string;
  /** Copied from the retracted change so a projection needs no lookup. */
  retractedTargetGroup: TargetGroup;
  retractedEffectiveFrom: IsoDate;
}

/**
 * Stream person-{municipality}-{personId}. From its recorded time on, the retracted change is
 * treated as never having happened, for every effective date.
 */
export type TargetGroupChangeRetracted = EventEnvelope<'TargetGroupChangeRetracted', 1, TargetGroupChangeRetractedData>;

export const targetGroupChangeRetractedV1: Schema<TargetGroupChangeRetractedData> = object(
  {
    personId: clientId(),
    changeCommandId: uuid(),
    reason: text(),
    retractedTargetGroup: oneOf(TARGET_GROUPS),
    retractedEffectiveFrom: isoDate(),
  },
  { strict: true },
);

export const targetGroupChangeRetracted = (data: TargetGroupChangeRetractedData): TargetGroupChangeRetracted => ({
  type: 'TargetGroupChangeRetracted',
  version: 1,
  data,
});
