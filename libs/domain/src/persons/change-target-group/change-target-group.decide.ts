import type { DecisionContext } from '../../shared/decision-context';
import type { PersonState } from '../person.state';
import { targetGroupChanged, type TargetGroupChanged } from '../target-group-changed.event';
import type { ChangeTargetGroup } from './change-target-group.command';

/**
 * Always accepted once well-formed: a retroactive `effectiveFrom`, or a change to the group the
 * person is already in, are real-world registrations (the ledger regroups what they affect).
 */
export function decideChangeTargetGroup(
  cmd: ChangeTargetGroup,
  _state: PersonState,
  _context: DecisionContext,
): [TargetGroupChanged] {
  return [
    targetGroupChanged({
      personId: cmd.personId,
      changeCommandId: cmd.commandId,
      targetGroup: cmd.targetGroup,
      attributes: cmd.attributes ?? {},
      effectiveFrom: cmd.effectiveFrom,
      reason: cmd.reason ?? null,
    }),
  ];
}
