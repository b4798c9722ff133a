// Public API of libs/domain (import from '@app/domain').

// vocabulary, values
export * from './shared/vocabulary';
export * from './shared/money';
export * from './shared/hours';
export * from './shared/calendar-date';
export * from './shared/ids';
export type { Issue } from './shared/schema';
export * from './shared/field-schemas';
export * from './shared/danish-labels';

// errors
export { DomainError } from './shared/domain-error';
export { DomainRuleViolation } from './shared/domain-rule-violation.error';
export { DomainConflict } from './shared/domain-conflict.error';
export { InvalidCommandError } from './shared/invalid-command.error';
export { UnknownEventVersionError } from './shared/unknown-event-version.error';
export { InvalidEventDataError } from './shared/invalid-event-data.error';
export { UnstorableEventError } from './shared/unstorable-event.error';

// commands, context, registry
export type { EventEnvelope } from './shared/domain-event';
export type { DecisionContext, OfferCost, RelatedStates } from './shared/decision-context';
export type { OfferValidityCheck, OfferValidityQuery, OfferValidityResult } from './offers/offer-validity';
export * from './commands/domain-commands';
export * from './commands/aggregate-registry';
export * from './commands/command-registry';

// events
export * from './events/domain-events';
export * from './events/event-registry';
export * from './persons/target-group-changed.event';
export * from './persons/target-group-change-retracted.event';
export * from './offers/offer-registered.event';
export * from './offers/offer-period-changed.event';
export * from './offers/offer-cancelled.event';
export * from './expenses/offer-expense-recorded.event';
export * from './expenses/offer-expense-reversed.event';
export * from './mentor-agreements/mentor-agreement-registered.event';
export * from './mentor-agreements/mentor-hours-recorded.event';
export * from './finance/cap-parameters-set.event';
export * from './finance/accounting-year-closed.event';
export * from './projects/project-registered.event';
export * from './projects/project-expense-recorded.event';
export * from './projects/administrative-share-recorded.event';
export * from './projects/administrative-share';
export * from './projects/carve-outs-in-order';
export * from './projects/participant-shares';
export * from './timesheets/staff-timesheet-recorded.event';
export * from './timesheets/iso-week';
export * from './timesheets/staff-timesheet.stream';

// aggregates: states, streams, deciders
export * from './persons/person.state';
export * from './persons/person.stream';
export * from './offers/offer.state';
export * from './offers/offer.stream';
export * from './expenses/expense.state';
export * from './expenses/expense.stream';
export * from './mentor-agreements/mentor-agreement.state';
export * from './mentor-agreements/mentor-agreement.stream';
export * from './mentor-agreements/mentor-cost';
export * from './persons/change-target-group/change-target-group.command';
export * from './persons/change-target-group/change-target-group.decide';
export * from './persons/retract-target-group-change/retract-target-group-change.command';
export * from './persons/retract-target-group-change/retract-target-group-change.decide';
export * from './offers/register-offer/register-offer.command';
export * from './offers/register-offer/register-offer.decide';
export * from './offers/change-offer-period/change-offer-period.command';
export * from './offers/change-offer-period/change-offer-period.decide';
export * from './offers/cancel-offer/cancel-offer.command';
export * from './offers/cancel-offer/cancel-offer.decide';
export * from './expenses/record-offer-expense/record-offer-expense.command';
export * from './expenses/record-offer-expense/record-offer-expense.decide';
export * from './expenses/reverse-offer-expense/reverse-offer-expense.command';
export * from './expenses/reverse-offer-expense/reverse-offer-expense.decide';
export * from './mentor-agreements/register-mentor-agreement/register-mentor-agreement.command';
export * from './mentor-agreements/register-mentor-agreement/register-mentor-agreement.decide';
export * from './mentor-agreements/record-mentor-hours/record-mentor-hours.command';
export * from './mentor-agreements/record-mentor-hours/record-mentor-hours.decide';
export * from './finance/cap-ids';
export { REFUSED_EXPENSE_TYPES } from './expenses/expense-admissibility';
export * from './finance/finance.state';
export * from './finance/finance.stream';
export * from './finance/set-cap-parameters/set-cap-parameters.command';
export * from './finance/set-cap-parameters/set-cap-parameters.decide';
export * from './finance/close-accounting-year/close-accounting-year.command';
export * from './finance/close-accounting-year/close-accounting-year.decide';
export * from './projects/project.state';
export * from './projects/project.stream';
export * from './projects/register-project/register-project.command';
export * from './projects/register-project/register-project.decide';
export * from './projects/record-project-expense/record-project-expense.command';
export * from './projects/record-project-expense/record-project-expense.decide';
export * from './projects/record-administrative-share/record-administrative-share.command';
export * from './projects/record-administrative-share/record-administrative-share.decide';
