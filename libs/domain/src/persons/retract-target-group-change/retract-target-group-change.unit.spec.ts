import { given } from '../../testing/given-when-then';
import { aTargetGroupChange, CMD_1, CMD_2, CMD_3, M } from '../../testing/fixtures';
import { targetGroupChangeRetracted } from '../target-group-change-retracted.event';
import type { CommandInput } from '../../commands/domain-commands';
import { DomainRuleViolation } from '../../shared/domain-rule-violation.error';

const retract = (
  over: Partial<CommandInput<'RetractTargetGroupChange'>> = {},
): CommandInput<'RetractTargetGroupChange'> => ({
  type: 'RetractTargetGroupChange',
  commandId: CMD_3,
  municipality: M,
  personId: 'P1',
  changeCommandId: CMD_2,
  reason: 'registered on the wrong person',
  ...over,
});

const history = [
  aTargetGroupChange({ changeCommandId: CMD_1, targetGroup: 'sygedagpenge', effectiveFrom: '2025-01-01' }),
  aTargetGroupChange({ changeCommandId: CMD_2, targetGroup: 'jobafklaring', effectiveFrom: '2025-03-01' }),
];

describe('RetractTargetGroupChange', () => {
  it('retracts an earlier change, copying what it was', () => {
    given(history)
      .when(retract())
      .then([
        targetGroupChangeRetracted({
          personId: 'P1',
          changeCommandId: CMD_2,
          reason: 'registered on the wrong person',
          retractedTargetGroup: 'jobafklaring',
          retractedEffectiveFrom: '2025-03-01',
        }),
      ]);
  });

  it('matches the changeCommandId case-insensitively and reports it as recorded', () => {
    given(history)
      .when(retract({ changeCommandId: CMD_1.toUpperCase() }))
      .then([
        targetGroupChangeRetracted({
          personId: 'P1',
          changeCommandId: CMD_1,
          reason: 'registered on the wrong person',
          retractedTargetGroup: 'sygedagpenge',
          retractedEffectiveFrom: '2025-01-01',
        }),
      ]);
  });

  it('refuses a change that does not exist', () => {
    const error = given(history)
      .when(retract({ changeCommandId: CMD_3 }))
      .thenFails('target_group_change.not_found');
    expect((error as DomainRuleViolation).details).toEqual({ personId: 'P1', changeCommandId: CMD_3 });
  });

  it('refuses a retraction for a person without history', () => {
    given([]).when(retract()).thenFails('target_group_change.not_found');
  });

  it('refuses a change already retracted', () => {
    given([
      ...history,
      targetGroupChangeRetracted({
        personId: 'P1',
        changeCommandId: CMD_2,
        reason: 'x',
        retractedTargetGroup: 'jobafklaring',
        retractedEffectiveFrom: '2025-03-01',
      }),
    ])
      .when(retract())
      .thenFails('target_group_change.already_retracted');
  });

  it('refuses without a reason', () => {
    given(history)
      .when(retract({ reason: '' }))
      .thenFails('command.invalid');
  });
});
