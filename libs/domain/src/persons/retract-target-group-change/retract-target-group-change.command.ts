import { z } from 'zod';
import { clientId, text, uuid } from '../../shared/field-schemas';
import { commandSchema } from '../../shared/parse-command';

/** API.md RetractTargetGroupChange: an earlier change (named by the commandId of its ChangeTargetGroup) was registered in error. */
export const retractTargetGroupChangeSchema = commandSchema('RetractTargetGroupChange', {
  personId: clientId(),
  changeCommandId: uuid(),
  reason: text(),
});
export type RetractTargetGroupChange = z.output<typeof retractTargetGroupChangeSchema>;
