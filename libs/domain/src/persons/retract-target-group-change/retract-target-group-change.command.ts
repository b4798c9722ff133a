import type { CommandEnvelope } from '../../shared/command-envelope';
import { clientId, uuid } from '../../shared/ids';
import { commandParser } from '../../shared/parse-command';
import { text } from '../../shared/schema';

/** API.md RetractTargetGroupChange: an earlier change was registered in error. */
export interface RetractTargetGroupChange extends CommandEnvelope<'RetractTargetGroupChange'> {
  personId: string;
  /** The commandId of the ChangeTargetGroup to retract. */
  changeCommandId: string;
  reason: string;
}

export const parseRetractTargetGroupChange: (input: unknown) => RetractTargetGroupChange = commandParser(
  'RetractTargetGroupChange',
  { personId: clientId(), changeCommandId: uuid(), reason: text() },
);
