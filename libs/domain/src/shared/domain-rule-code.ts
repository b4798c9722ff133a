// Every code a DomainRuleViolation can carry. Stable: clients and the api match on them.

export const DOMAIN_RULE_CODES = [
  // person target-group history
  'target_group_change.not_found', // RetractTargetGroupChange of a change that is not in the person's history
  'target_group_change.already_retracted', // RetractTargetGroupChange of a change retracted before
  // offers
  'offer.already_registered', // RegisterOffer with an offerId that exists
  'offer.not_found', // ChangeOfferPeriod / CancelOffer of an unknown offer, a timesheet's hours on one
  'offer.invalid_period', // endDate before startDate
  'offer.classification_required', // guidance_upskilling without offerCategory and fundingFrame (or only one of them)
  'offer.classification_invalid', // offerCategory x fundingFrame not valid for the dates, or the frame does not admit the offer kind (rulebook matrix)
  'offer.registration_in_future', // RegisterOffer with a registrationDate after today (Danish date)
  'offer.cancelled', // ChangeOfferPeriod of a cancelled offer, a timesheet's hours on one
  'offer.already_cancelled', // CancelOffer twice
  'offer.project_mismatch', // RegisterOffer in a project naming another kind, category or frame than the project's
  // projects
  'project.already_registered', // RegisterProject with a projectId that exists
  'project.not_found', // RegisterOffer / RecordProjectExpense / RecordStaffTimesheet naming an unregistered project
  'project.registration_in_future', // RegisterProject with a registrationDate after today (Danish date)
  'project.no_participant_in_period', // RecordProjectExpense (or a timesheet's hours on the project) for a period in which no participant takes part
  'administrative_share.project_required', // RecordAdministrativeShare with neither a projectId nor an offerId, or with both
  'administrative_share.offer_not_found', // RecordAdministrativeShare of an offer not registered outside a project
  'administrative_share.offer_cancelled', // RecordAdministrativeShare of a cancelled offer
  'administrative_share.already_recorded', // RecordAdministrativeShare with a shareId the project or offer has
  'administrative_share.method_fields', // fields of the other method, or hours, counts or rates not above zero
  'administrative_share.exceeds_costs', // more than the project's or offer's hovedkonto 5 costs of the period (less earlier carve-outs)
  // staff timesheets (VEJ 9584 6.4 B, Bilag 2)
  'timesheet.invalid_hours', // hours not above zero, over 24 a day, a target naming both or neither of projectId and offerId, or twice in a day
  'timesheet.not_quarter_hours', // hours not in quarter-hour steps (Bilag 2: "Detaljeringsgraden i registreringen er på 15 minutter")
  'timesheet.hours_do_not_add_up', // a day's offer and administration hours do not add up to its hoursWorked
  'timesheet.day_outside_week', // a day not in the ISO week, or a date twice
  'timesheet.invalid_salary_cost', // salaryCost not above zero
  'timesheet.approval_required', // the employee and the line manager are the same person
  'timesheet.week_already_recorded', // another timesheet of the member of staff for the same week
  // offer expenses
  'expense.already_recorded', // RecordOfferExpense with an expenseId that exists
  'expense.invalid_period', // activityTo before activityFrom
  'expense.offer_not_found', // RecordOfferExpense for an unknown offer
  'expense.offer_cancelled', // RecordOfferExpense for a cancelled offer
  'expense.outside_offer_period', // activity period (a timesheet's day) not within the offer's period
  'expense.booking_in_future', // an expense with a bookingDate after today (Danish date)
  'expense.not_bookable', // an expense type the sources keep off hovedkonto 5 or out of the refund (VEJ 9584 6.4-6.10), cited
  'expense.not_found', // ReverseOfferExpense of an unknown expense
  'expense.already_reversed', // ReverseOfferExpense twice
  // mentor agreements
  'mentor_agreement.already_registered', // RegisterMentorAgreement with an agreementId that exists
  'mentor_agreement.invalid_period', // endDate before startDate
  'mentor_agreement.not_found', // RecordMentorHours for an unknown agreement
  'mentor_hours.outside_agreement', // date not within the agreement's period
  'mentor_hours.invalid_hours', // contactHours <= 0 or > 24, preparationHours < 0 or > 24
  'mentor_hours.daily_limit_exceeded', // contact hours of one date would exceed 24 in total
  'mentor_hours.cost_basis', // neither or both of hourlyCost and fee, or a negative one
  // finance (caps, closing)
  'finance.year_closed', // SetCapParameters for a closed accounting year
  'finance.year_already_closed', // CloseAccountingYear twice
  'finance.year_not_begun', // CloseAccountingYear of a year after the current one
] as const;

export type DomainRuleCode = (typeof DOMAIN_RULE_CODES)[number];
