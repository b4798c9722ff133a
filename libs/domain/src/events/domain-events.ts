import type { AccountingYearClosed } from '../finance/accounting-year-closed.event';
import type { CapParametersSet } from '../finance/cap-parameters-set.event';
import type { OfferExpenseRecorded } from '../expenses/offer-expense-recorded.event';
import type { OfferExpenseReversed } from '../expenses/offer-expense-reversed.event';
import type { MentorAgreementRegistered } from '../mentor-agreements/mentor-agreement-registered.event';
import type { MentorHoursRecorded } from '../mentor-agreements/mentor-hours-recorded.event';
import type { OfferCancelled } from '../offers/offer-cancelled.event';
import type { OfferPeriodChanged } from '../offers/offer-period-changed.event';
import type { OfferRegistered } from '../offers/offer-registered.event';
import type { TargetGroupChangeRetracted } from '../persons/target-group-change-retracted.event';
import type { TargetGroupChanged } from '../persons/target-group-changed.event';
import type { ProjectExpenseRecorded } from '../projects/project-expense-recorded.event';
import type { ProjectRegistered } from '../projects/project-registered.event';
import type { AdministrativeShareRecorded } from '../projects/administrative-share-recorded.event';
import type { StaffTimesheetRecorded } from '../timesheets/staff-timesheet-recorded.event';

/** Every event the domain appends (current versions). */
export type DomainEvent =
  | TargetGroupChanged
  | TargetGroupChangeRetracted
  | OfferRegistered
  | OfferPeriodChanged
  | OfferCancelled
  | OfferExpenseRecorded
  | OfferExpenseReversed
  | MentorAgreementRegistered
  | MentorHoursRecorded
  | CapParametersSet
  | AccountingYearClosed
  | ProjectRegistered
  | ProjectExpenseRecorded
  | AdministrativeShareRecorded
  | StaffTimesheetRecorded;

export type DomainEventType = DomainEvent['type'];
