import type { DecisionContext } from '../../shared/decision-context';
import { danishYearOf } from '../../shared/calendar-date';
import { DomainRuleViolation } from '../../shared/domain-rule-violation.error';
import { accountingYearClosed, type AccountingYearClosed } from '../accounting-year-closed.event';
import type { FinanceYearState } from '../finance.state';
import type { CloseAccountingYear } from './close-accounting-year.command';

/**
 * Closes an accounting year. A year can be closed once, and not before it has begun (at the
 * recorded time of the command, in Denmark): closing a future year would push every posting until then
 * past it. Closing the running year early is allowed (a cut-off); what is recorded later goes
 * to the first open period.
 */
export function decideCloseAccountingYear(
  cmd: CloseAccountingYear,
  state: FinanceYearState,
  context: DecisionContext,
): [AccountingYearClosed] {
  if (state.closed) {
    throw new DomainRuleViolation(
      'finance.year_already_closed',
      `Accounting year ${cmd.year} is already closed`,
      { year: cmd.year },
    );
  }
  const currentYear = danishYearOf(context.now);
  if (cmd.year > currentYear) {
    throw new DomainRuleViolation(
      'finance.year_not_begun',
      `Accounting year ${cmd.year} has not begun (now ${context.now})`,
      { year: cmd.year, now: context.now },
    );
  }
  return [accountingYearClosed({ year: cmd.year, reason: cmd.reason ?? null })];
}
