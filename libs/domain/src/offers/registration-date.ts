import type { DecisionContext } from '../shared/decision-context';
import { danishDateOf } from '../shared/calendar-date';
import { DomainRuleViolation } from '../shared/domain-rule-violation.error';
import type { IsoDate } from '../shared/vocabulary';

/**
 * The day the case system registered an offer or a project: the matrix's registration windows (seed 002) are
 * judged on it, so an imported history gives it. Without one, `fallback` (today in Denmark, unless the caller
 * knows better); never a day that has not begun in Denmark.
 */
export function checkedRegistrationDate(
  given: IsoDate | undefined,
  context: DecisionContext,
  subject: {
    code: 'offer.registration_in_future' | 'project.registration_in_future';
    name: string;
    ids: Record<string, string>;
  },
  fallback?: IsoDate,
): IsoDate {
  const today = danishDateOf(context.now);
  const registrationDate = given ?? fallback ?? today;
  if (registrationDate > today)
    throw new DomainRuleViolation(
      subject.code,
      `${subject.name} cannot have been registered on ${registrationDate}, after today (${today})`,
      { ...subject.ids, registrationDate, today },
    );
  return registrationDate;
}
