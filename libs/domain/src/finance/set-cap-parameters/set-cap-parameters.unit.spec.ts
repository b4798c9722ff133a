import { given } from '../../testing/given-when-then';
import { CMD_1, M } from '../../testing/fixtures';
import type { InvalidCommandError } from '../../shared/invalid-command.error';
import { accountingYearClosed } from '../accounting-year-closed.event';
import { capParametersSet } from '../cap-parameters-set.event';
import type { CommandInput } from '../../commands/domain-commands';

const set = (over: Partial<CommandInput<'SetCapParameters'>> = {}): CommandInput<'SetCapParameters'> => ({
  type: 'SetCapParameters',
  commandId: CMD_1,
  municipality: M,
  year: 2025,
  cap: 'integration_raadighedsloft',
  amountPerFullYearPerson: '43363.00', // seed000.md Bilag 1: 43,363 kr per helårsdeltager (2025)
  fullYearPersons: '12.5',
  ...over,
});

const expected = (over: Partial<Parameters<typeof capParametersSet>[0]> = {}) =>
  capParametersSet({
    year: 2025,
    cap: 'integration_raadighedsloft',
    amountPerFullYearPersonOere: 4336300,
    fullYearPersonsHundredths: 1250,
    reason: null,
    ...over,
  });

describe('SetCapParameters', () => {
  it('records the amount per full-year person in øre and the persons in hundredths', () => {
    given([]).when(set()).then([expected()]);
    given([])
      .when(set({ fullYearPersons: 3, reason: 'tal fra STAR' }))
      .then([expected({ fullYearPersonsHundredths: 300, reason: 'tal fra STAR' })]);
  });

  it('changes the parameters of a year; the same parameters again append nothing', () => {
    given([expected()])
      .when(set({ fullYearPersons: '13' }))
      .then([expected({ fullYearPersonsHundredths: 1300 })]);
    given([expected()]).when(set()).then([]);
  });

  it('refuses a closed year: its cap is not reopened', () => {
    given([expected(), accountingYearClosed({ year: 2025, reason: null })])
      .when(set({ fullYearPersons: '13' }))
      .thenFails('finance.year_closed');
  });

  it('refuses unknown caps, negative amounts and more than two decimals of persons', () => {
    const error = given([])
      .when(set({ cap: 'loft' as never, amountPerFullYearPerson: '-1.00', fullYearPersons: '1.234' }))
      .thenFails('command.invalid') as InvalidCommandError;
    expect(error.errors.map((e) => e.path)).toEqual(['cap', 'amountPerFullYearPerson', 'fullYearPersons']);
    given([])
      .when(set({ year: 1999 }))
      .thenFails('command.invalid');
  });
});
