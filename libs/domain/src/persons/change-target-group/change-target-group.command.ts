import { z } from 'zod';
import { clientId, isoDate, sickPayCategory, text } from '../../shared/field-schemas';
import { commandSchema } from '../../shared/parse-command';
import { maybe } from '../../shared/schema';
import { READINESS, TARGET_GROUPS } from '../../shared/vocabulary';

/** API.md ChangeTargetGroup: from `effectiveFrom` on, the person is in `targetGroup` until a later change. */
export const changeTargetGroupSchema = commandSchema('ChangeTargetGroup', {
  personId: clientId(),
  targetGroup: z.enum(TARGET_GROUPS),
  effectiveFrom: isoDate(),
  attributes: maybe(
    z.strictObject({
      readiness: maybe(z.enum(READINESS)),
      sickPayCategory: maybe(sickPayCategory()),
      hasVocationalEducation: maybe(z.boolean()),
      unemploymentSpellStart: maybe(isoDate()),
      selfSupporting: maybe(z.boolean()),
      programmeExpired: maybe(z.boolean()),
    }),
  ),
  reason: maybe(text()),
});
export type ChangeTargetGroup = z.output<typeof changeTargetGroupSchema>;
