import type { DecisionContext } from '../../shared/decision-context';
import { DomainRuleViolation } from '../../shared/domain-rule-violation.error';
import { parseKroner } from '../../shared/money';
import { checkedBookingDate } from '../../expenses/booking-date';
import { assertBookable, assertExpensePeriod } from '../../expenses/expense-admissibility';
import { projectExpenseRecorded, type ProjectExpenseRecorded } from '../project-expense-recorded.event';
import { participantsIn, type ProjectState } from '../project.state';
import type { RecordProjectExpense } from './record-project-expense.command';

/**
 * Refused for an unknown project, an expense id the project has, a reversed period, a type the
 * sources keep off hovedkonto 5 (as for an offer expense), and a period in which no participant
 * takes part: there is no one to share it by (API.md RecordProjectExpense); a booking date after today.
 */
export function decideRecordProjectExpense(
  cmd: RecordProjectExpense,
  state: ProjectState,
  context: DecisionContext,
): [ProjectExpenseRecorded] {
  const { project } = state;
  if (project === null) {
    throw new DomainRuleViolation('project.not_found', `Project ${cmd.projectId} is not registered`, {
      projectId: cmd.projectId,
    });
  }
  if (Object.prototype.hasOwnProperty.call(state.expenses, cmd.expenseId)) {
    throw new DomainRuleViolation(
      'expense.already_recorded',
      `Expense ${cmd.expenseId} is already recorded on project ${cmd.projectId}`,
      { expenseId: cmd.expenseId, projectId: cmd.projectId },
    );
  }
  assertExpensePeriod(cmd.expenseId, cmd.activityFrom, cmd.activityTo);
  assertBookable(cmd.expenseId, project.offerKind, cmd.expenseType);
  if (participantsIn(state, cmd.activityFrom, cmd.activityTo).length === 0) {
    throw new DomainRuleViolation(
      'project.no_participant_in_period',
      `Project ${cmd.projectId} has no participant in ${cmd.activityFrom}..${cmd.activityTo}: there is no one to share expense ${cmd.expenseId} by`,
      {
        projectId: cmd.projectId,
        expenseId: cmd.expenseId,
        activityFrom: cmd.activityFrom,
        activityTo: cmd.activityTo,
      },
    );
  }
  const bookingDate = checkedBookingDate(cmd.bookingDate, context, {
    expenseId: cmd.expenseId,
    projectId: cmd.projectId,
  });
  return [
    projectExpenseRecorded({
      expenseId: cmd.expenseId,
      projectId: cmd.projectId,
      offerKind: project.offerKind,
      fundingFrame: project.fundingFrame,
      expenseType: cmd.expenseType,
      amountOere: parseKroner(cmd.amount),
      activityFrom: cmd.activityFrom,
      activityTo: cmd.activityTo,
      invoiceRef: cmd.invoiceRef ?? null,
      ...(bookingDate && { bookingDate }),
      ...(cmd.unemploymentMonthsAt === 'offer_start' && { unemploymentMonthsAt: 'offer_start' as const }),
    }),
  ];
}
