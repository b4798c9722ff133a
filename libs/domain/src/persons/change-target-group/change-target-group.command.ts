import type { CommandEnvelope } from '../../shared/command-envelope';
import { clientId } from '../../shared/ids';
import { commandParser } from '../../shared/parse-command';
import { isoDate, oneOf, optional, text } from '../../shared/schema';
import { TARGET_GROUPS, type IsoDate, type TargetGroup, type TargetGroupAttributes } from '../../shared/vocabulary';
import { targetGroupAttributesSchema } from '../target-group-changed.event';

/** API.md ChangeTargetGroup: from `effectiveFrom` on, the person is in `targetGroup` until a later change. */
export interface ChangeTargetGroup extends CommandEnvelope<'ChangeTargetGroup'> {
  personId: string;
  targetGroup: TargetGroup;
  effectiveFrom: IsoDate;
  attributes?: TargetGroupAttributes;
  reason?: string;
}

export const parseChangeTargetGroup: (input: unknown) => ChangeTargetGroup = commandParser('ChangeTargetGroup', {
  personId: clientId(),
  targetGroup: oneOf(TARGET_GROUPS),
  effectiveFrom: isoDate(),
  attributes: optional(targetGroupAttributesSchema),
  reason: optional(text()),
});
