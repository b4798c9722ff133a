// Every code a DomainRuleViolation can carry. Stable: clients and the api match on them.

export const DOMAIN_RULE_CODES = [
  // person target-group history
  'target_group_change.not_found', // RetractTargetGroupChange of a change that is not in the person's history
  'target_group_change.already_retracted', // RetractTargetGroupChange of a change retracted before
  // offers
  'offer.already_registered', // RegisterOffer with an offerId that exists
  'offer.not_found', // ChangeOfferPeriod / CancelOffer of an unknown offer
  'offer.invalid_period', // endDate before startDate
  'offer.classification_required', // guidance_upskilling without offerCategory and fundingFrame (or only one of them)
  'offer.classification_invalid', // offerCategory x fundingFrame not valid for the dates, or the frame does not admit the offer kind (rulebook matrix)
  'offer.registration_in_future', // RegisterOffer with a registrationDate after today (Danish date)
  'offer.cancelled', // ChangeOfferPeriod of a cancelled offer
  'offer.already_cancelled', // CancelOffer twice
  'offer.project_mismatch', // RegisterOffer in a project naming another kind, category or frame than the project's
  // projects
  'project.already_registered', // RegisterProject with a projectId that exists
  'project.not_found', // RegisterOffer / RecordProjectExpense naming an unregistered project
  'project.no_participant_in_period', // RecordProjectExpense for a period in which no participant takes part
  'administrative_share.project_required', // RecordAdministrativeShare without a projectId (an offer outside a project is not supported)
  'administrative_share.already_recorded', // RecordAdministrativeShare with a shareId the project has
  'administrative_share.method_fields', // fields of the other method, or hours, counts or rates not above zero
  'administrative_share.exceeds_costs', // more than the project's hovedkonto 5 costs of the period (less earlier carve-outs)
  // offer expenses
  'expense.already_recorded', // RecordOfferExpense with an expenseId that exists
  'expense.invalid_period', // activityTo before activityFrom
  'expense.offer_not_found', // RecordOfferExpense for an unknown offer
  'expense.offer_cancelled', // RecordOfferExpense for a cancelled offer
  'expense.outside_offer_period', // activity period not within the offer's period
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
