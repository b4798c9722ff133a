import type { DecisionContext } from '../../shared/decision-context';
import { DomainRuleViolation } from '../../shared/domain-rule-violation.error';
import { parseKroner } from '../../shared/money';
import { capParametersSet, type CapParametersSet } from '../cap-parameters-set.event';
import type { FinanceYearState } from '../finance.state';
import { fullYearPersonsHundredths, type SetCapParameters } from './set-cap-parameters.command';

/**
 * Sets (or changes) a cap's parameters for an accounting year. A closed year's cap is not
 * reopened (DOMAIN.md "Caps"). Sending the parameters that already stand appends nothing.
 */
export function decideSetCapParameters(
  cmd: SetCapParameters,
  state: FinanceYearState,
  _context: DecisionContext,
): CapParametersSet[] {
  if (state.closed) {
    throw new DomainRuleViolation(
      'finance.year_closed',
      `Accounting year ${cmd.year} is closed; its caps are not reopened`,
      { year: cmd.year, cap: cmd.cap },
    );
  }
  const amountPerFullYearPersonOere = parseKroner(cmd.amountPerFullYearPerson);
  const persons = fullYearPersonsHundredths(cmd);
  const current = state.caps[cmd.cap];
  if (
    current &&
    current.amountPerFullYearPersonOere === amountPerFullYearPersonOere &&
    current.fullYearPersonsHundredths === persons
  )
    return [];
  return [
    capParametersSet({
      year: cmd.year,
      cap: cmd.cap,
      amountPerFullYearPersonOere,
      fullYearPersonsHundredths: persons,
      reason: cmd.reason ?? null,
    }),
  ];
}
