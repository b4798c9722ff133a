import type { CommandEnvelope } from '../../shared/command-envelope';
import { clientId } from '../../shared/ids';
import { commandParser } from '../../shared/parse-command';
import { boolean, isoDate, maybe, object, oneOf, text } from '../../shared/schema';
import { READINESS, TARGET_GROUPS, type IsoDate, type TargetGroup, type TargetGroupAttributes } from '../../shared/vocabulary';

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
  attributes: maybe(
    object(
      {
        readiness: maybe(oneOf(READINESS)),
        sickPayCategory: maybe(oneOf([1, 2, 3] as const)),
        hasVocationalEducation: maybe(boolean()),
      },
      { strict: true },
    ),
  ),
  reason: maybe(text()),
});
