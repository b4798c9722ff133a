import { given } from '../../testing/given-when-then';
import { aTargetGroupChange, CMD_1, CMD_2, M } from '../../testing/fixtures';
import { targetGroupChanged } from '../target-group-changed.event';
import type { CommandInput } from '../../commands/domain-commands';
import { InvalidCommandError } from '../../shared/invalid-command.error';

const change = (
  over: Partial<CommandInput<'ChangeTargetGroup'>> = {},
): CommandInput<'ChangeTargetGroup'> => ({
  type: 'ChangeTargetGroup',
  commandId: CMD_2,
  municipality: M,
  personId: 'P1',
  targetGroup: 'jobafklaring',
  effectiveFrom: '2025-03-01',
  ...over,
});

describe('ChangeTargetGroup', () => {
  it('records the change for a new person, its commandId as changeCommandId', () => {
    given([])
      .when(change({ commandId: CMD_1, targetGroup: 'sygedagpenge', effectiveFrom: '2025-01-01' }))
      .then([aTargetGroupChange({ changeCommandId: CMD_1, attributes: {}, reason: null })]);
  });

  it('carries attributes and reason', () => {
    const [event] = given([aTargetGroupChange()])
      .when(
        change({
          targetGroup: 'kontanthjaelp',
          attributes: { readiness: 'aktivitetsparat', hasVocationalEducation: false },
          reason: 'late notice from ydelsescenter',
        }),
      )
      .then([
        targetGroupChanged({
          personId: 'P1',
          changeCommandId: CMD_2,
          targetGroup: 'kontanthjaelp',
          attributes: { readiness: 'aktivitetsparat', hasVocationalEducation: false },
          effectiveFrom: '2025-03-01',
          reason: 'late notice from ydelsescenter',
        }),
      ]);
    expect(event.type).toBe('TargetGroupChanged');
    expect(event.version).toBe(1);
  });

  it('carries the first day of the unemployment spell (API.md ChangeTargetGroup attributes.unemploymentSpellStart)', () => {
    given([])
      .when(
        change({
          commandId: CMD_1,
          targetGroup: 'kontanthjaelp',
          attributes: { readiness: 'jobparat', unemploymentSpellStart: '2015-11-30' },
        }),
      )
      .then([
        targetGroupChanged({
          personId: 'P1',
          changeCommandId: CMD_1,
          targetGroup: 'kontanthjaelp',
          attributes: { readiness: 'jobparat', unemploymentSpellStart: '2015-11-30' },
          effectiveFrom: '2025-03-01',
          reason: null,
        }),
      ]);
    given([])
      .when(change({ attributes: { unemploymentSpellStart: '2015-02-30' } }))
      .thenFails('command.invalid');
  });

  it('accepts a retroactive change (effectiveFrom before earlier changes)', () => {
    given([aTargetGroupChange({ effectiveFrom: '2025-01-01' })])
      .when(change({ effectiveFrom: '2024-06-01', targetGroup: 'dagpenge' }))
      .then([
        targetGroupChanged({
          personId: 'P1',
          changeCommandId: CMD_2,
          targetGroup: 'dagpenge',
          attributes: {},
          effectiveFrom: '2024-06-01',
          reason: null,
        }),
      ]);
  });

  it('treats null optional fields as absent', () => {
    given([])
      .when({
        ...change(),
        reason: null,
        attributes: { readiness: null, sickPayCategory: 2 },
      } as unknown as CommandInput<'ChangeTargetGroup'>)
      .then([
        targetGroupChanged({
          personId: 'P1',
          changeCommandId: CMD_2,
          targetGroup: 'jobafklaring',
          attributes: { sickPayCategory: 2 },
          effectiveFrom: '2025-03-01',
          reason: null,
        }),
      ]);
  });

  it('refuses an invalid calendar date', () => {
    const error = given([])
      .when(change({ effectiveFrom: '2025-02-30' }))
      .thenFails('command.invalid') as InvalidCommandError;
    expect(error.errors).toEqual([
      {
        path: 'effectiveFrom',
        message: 'must be a calendar date YYYY-MM-DD between 2000-01-01 and 2099-12-31',
      },
    ]);
  });

  it('refuses an unknown target group, bad ids and attributes', () => {
    const error = given([])
      .when({
        ...change(),
        targetGroup: 'pensioner',
        personId: 'has space',
        commandId: 'not-a-uuid',
        municipality: '1010',
        attributes: { sickPayCategory: 4 },
      } as unknown as CommandInput<'ChangeTargetGroup'>)
      .thenFails('command.invalid') as InvalidCommandError;
    expect(error.errors.map((e) => e.path).sort()).toEqual(
      ['attributes.sickPayCategory', 'commandId', 'municipality', 'personId', 'targetGroup'].sort(),
    );
  });
});
