import type { DecisionContext } from '../../shared/decision-context';
import { DomainRuleViolation } from '../../shared/domain-rule-violation.error';
import { formatHours, HUNDREDTHS_PER_DAY, parseHours } from '../../shared/hours';
import { isWithin } from '../../shared/calendar-date';
import { formatOere, parseKroner } from '../../shared/money';
import { mentorCostOere } from '../mentor-cost';
import { mentorHoursRecorded, type MentorHoursRecorded } from '../mentor-hours-recorded.event';
import type { MentorAgreementState } from '../mentor-agreement.state';
import type { RecordMentorHours } from './record-mentor-hours.command';

export function decideRecordMentorHours(
  cmd: RecordMentorHours,
  state: MentorAgreementState,
  _context: DecisionContext,
): [MentorHoursRecorded] {
  if (state.status === 'none') {
    throw new DomainRuleViolation(
      'mentor_agreement.not_found',
      `Mentor agreement ${cmd.agreementId} is not registered`,
      {
        agreementId: cmd.agreementId,
      },
    );
  }
  if (!isWithin(cmd.date, state.startDate, state.endDate)) {
    throw new DomainRuleViolation(
      'mentor_hours.outside_agreement',
      `Mentor hours on ${cmd.date} are outside agreement ${cmd.agreementId} (${state.startDate}..${state.endDate})`,
      { agreementId: cmd.agreementId, date: cmd.date, startDate: state.startDate, endDate: state.endDate },
    );
  }
  const contact = parseHours(cmd.contactHours);
  if (contact <= 0 || contact > HUNDREDTHS_PER_DAY) {
    throw new DomainRuleViolation(
      'mentor_hours.invalid_hours',
      `contactHours must be more than 0 and at most 24, got ${cmd.contactHours}`,
      {
        agreementId: cmd.agreementId,
        contactHours: cmd.contactHours,
      },
    );
  }
  const preparation = cmd.preparationHours === undefined ? null : parseHours(cmd.preparationHours);
  if (preparation !== null && (preparation < 0 || preparation > HUNDREDTHS_PER_DAY)) {
    throw new DomainRuleViolation(
      'mentor_hours.invalid_hours',
      `preparationHours must be between 0 and 24, got ${cmd.preparationHours}`,
      { agreementId: cmd.agreementId, preparationHours: cmd.preparationHours },
    );
  }
  const before = state.contactHundredthsByDate[cmd.date] ?? 0;
  if (before + contact > HUNDREDTHS_PER_DAY) {
    throw new DomainRuleViolation(
      'mentor_hours.daily_limit_exceeded',
      `Agreement ${cmd.agreementId} already has ${formatHours(before)} contact hours on ${cmd.date}; ${formatHours(contact)} more would exceed 24`,
      {
        agreementId: cmd.agreementId,
        date: cmd.date,
        recordedHours: formatHours(before),
        contactHours: formatHours(contact),
      },
    );
  }
  const hourlyCostOere = cmd.hourlyCost === undefined ? null : parseKroner(cmd.hourlyCost);
  const feeOere = cmd.fee === undefined ? null : parseKroner(cmd.fee);
  if ((hourlyCostOere === null) === (feeOere === null)) {
    throw new DomainRuleViolation('mentor_hours.cost_basis', 'Give exactly one of hourlyCost and fee', {
      agreementId: cmd.agreementId,
    });
  }
  const given = hourlyCostOere ?? feeOere ?? 0;
  if (given < 0) {
    throw new DomainRuleViolation(
      'mentor_hours.cost_basis',
      `hourlyCost / fee cannot be negative, got ${formatOere(given)}`,
      {
        agreementId: cmd.agreementId,
      },
    );
  }
  const costOere =
    hourlyCostOere !== null
      ? mentorCostOere({ contactHundredths: contact, hourlyCostOere })
      : mentorCostOere({ feeOere: given });
  return [
    mentorHoursRecorded({
      agreementId: state.agreementId,
      personId: state.personId,
      offerId: state.offerId,
      mentorType: state.mentorType,
      mentorKind: state.mentorKind,
      agreementStartDate: state.startDate,
      agreementEndDate: state.endDate,
      date: cmd.date,
      contactHours: formatHours(contact),
      preparationHours: preparation === null ? null : formatHours(preparation),
      hourlyCostOere,
      feeOere,
      costOere,
    }),
  ];
}
