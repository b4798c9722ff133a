import type { CloseAccountingYear } from '../finance/close-accounting-year/close-accounting-year.command';
import type { SetCapParameters } from '../finance/set-cap-parameters/set-cap-parameters.command';
import type { RecordOfferExpense } from '../expenses/record-offer-expense/record-offer-expense.command';
import type { ReverseOfferExpense } from '../expenses/reverse-offer-expense/reverse-offer-expense.command';
import type { RecordMentorHours } from '../mentor-agreements/record-mentor-hours/record-mentor-hours.command';
import type { RegisterMentorAgreement } from '../mentor-agreements/register-mentor-agreement/register-mentor-agreement.command';
import type { CancelOffer } from '../offers/cancel-offer/cancel-offer.command';
import type { ChangeOfferPeriod } from '../offers/change-offer-period/change-offer-period.command';
import type { RegisterOffer } from '../offers/register-offer/register-offer.command';
import type { ChangeTargetGroup } from '../persons/change-target-group/change-target-group.command';
import type { RetractTargetGroupChange } from '../persons/retract-target-group-change/retract-target-group-change.command';

/** Every command of API.md, discriminated by `type` (the CommandType). */
export type DomainCommand =
  | ChangeTargetGroup
  | RetractTargetGroupChange
  | RegisterOffer
  | ChangeOfferPeriod
  | CancelOffer
  | RecordOfferExpense
  | ReverseOfferExpense
  | RegisterMentorAgreement
  | RecordMentorHours
  | SetCapParameters
  | CloseAccountingYear;

export type CommandType = DomainCommand['type'];
export type CommandOf<T extends CommandType> = Extract<DomainCommand, { type: T }>;
