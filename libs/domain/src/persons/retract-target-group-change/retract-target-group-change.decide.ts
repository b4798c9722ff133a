import type { DecisionContext } from '../../shared/decision-context';
import { DomainRuleViolation } from '../../shared/domain-rule-violation.error';
import { sameCommandId } from '../../shared/ids';
import type { PersonState } from '../person.state';
import {
  targetGroupChangeRetracted,
  type TargetGroupChangeRetracted,
} from '../target-group-change-retracted.event';
import type { RetractTargetGroupChange } from './retract-target-group-change.command';

export function decideRetractTargetGroupChange(
  cmd: RetractTargetGroupChange,
  state: PersonState,
  _context: DecisionContext,
): [TargetGroupChangeRetracted] {
  const change = state.changes.find((c) => sameCommandId(c.changeCommandId, cmd.changeCommandId));
  if (!change) {
    throw new DomainRuleViolation(
      'target_group_change.not_found',
      `Person ${cmd.personId} has no target-group change with changeCommandId ${cmd.changeCommandId}`,
      { personId: cmd.personId, changeCommandId: cmd.changeCommandId },
    );
  }
  if (change.retracted) {
    throw new DomainRuleViolation(
      'target_group_change.already_retracted',
      `The target-group change ${cmd.changeCommandId} of person ${cmd.personId} is already retracted`,
      { personId: cmd.personId, changeCommandId: cmd.changeCommandId },
    );
  }
  return [
    targetGroupChangeRetracted({
      personId: cmd.personId,
      changeCommandId: change.changeCommandId,
      reason: cmd.reason,
      retractedTargetGroup: change.targetGroup,
      retractedEffectiveFrom: change.effectiveFrom,
    }),
  ];
}
