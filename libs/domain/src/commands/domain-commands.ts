import type { z } from 'zod';
import type { closeAccountingYearSchema } from '../finance/close-accounting-year/close-accounting-year.command';
import type { setCapParametersSchema } from '../finance/set-cap-parameters/set-cap-parameters.command';
import type { recordOfferExpenseSchema } from '../expenses/record-offer-expense/record-offer-expense.command';
import type { reverseOfferExpenseSchema } from '../expenses/reverse-offer-expense/reverse-offer-expense.command';
import type { recordMentorHoursSchema } from '../mentor-agreements/record-mentor-hours/record-mentor-hours.command';
import type { registerMentorAgreementSchema } from '../mentor-agreements/register-mentor-agreement/register-mentor-agreement.command';
import type { cancelOfferSchema } from '../offers/cancel-offer/cancel-offer.command';
import type { changeOfferPeriodSchema } from '../offers/change-offer-period/change-offer-period.command';
import type { registerOfferSchema } from '../offers/register-offer/register-offer.command';
import type { changeTargetGroupSchema } from '../persons/change-target-group/change-target-group.command';
import type { retractTargetGroupChangeSchema } from '../persons/retract-target-group-change/retract-target-group-change.command';
import type { recordProjectExpenseSchema } from '../projects/record-project-expense/record-project-expense.command';
import type { registerProjectSchema } from '../projects/register-project/register-project.command';
import type { recordAdministrativeShareSchema } from '../projects/record-administrative-share/record-administrative-share.command';
import type { recordStaffTimesheetSchema } from '../timesheets/record-staff-timesheet/record-staff-timesheet.command';

/** The schema of every CommandType of API.md. */
interface CommandSchemas {
  ChangeTargetGroup: typeof changeTargetGroupSchema;
  RetractTargetGroupChange: typeof retractTargetGroupChangeSchema;
  RegisterOffer: typeof registerOfferSchema;
  ChangeOfferPeriod: typeof changeOfferPeriodSchema;
  CancelOffer: typeof cancelOfferSchema;
  RecordOfferExpense: typeof recordOfferExpenseSchema;
  ReverseOfferExpense: typeof reverseOfferExpenseSchema;
  RegisterMentorAgreement: typeof registerMentorAgreementSchema;
  RecordMentorHours: typeof recordMentorHoursSchema;
  SetCapParameters: typeof setCapParametersSchema;
  CloseAccountingYear: typeof closeAccountingYearSchema;
  RegisterProject: typeof registerProjectSchema;
  RecordProjectExpense: typeof recordProjectExpenseSchema;
  RecordAdministrativeShare: typeof recordAdministrativeShareSchema;
  RecordStaffTimesheet: typeof recordStaffTimesheetSchema;
}

export type CommandType = keyof CommandSchemas;
/** A parsed command: what the deciders receive. */
export type CommandOf<T extends CommandType> = z.output<CommandSchemas[T]>;
/** Every command of API.md, parsed, discriminated by `type`. */
export type DomainCommand = { [T in CommandType]: CommandOf<T> }[CommandType];
/** A command as a client sends it (before parsing), with its type. */
export type CommandInput<T extends CommandType> = { type: T } & z.input<CommandSchemas[T]>;
