import type { DecisionContext } from '../../shared/decision-context';
import { DomainRuleViolation } from '../../shared/domain-rule-violation.error';
import { parseHours } from '../../shared/hours';
import { divideRoundHalfAwayFromZero, formatOere, parseKroner, toSafeOere } from '../../shared/money';
import { checkedBookingDate } from '../../expenses/booking-date';
import { assertExpensePeriod } from '../../expenses/expense-admissibility';
import { hoursCostOere, periodCostsOere } from '../administrative-share';
import {
  administrativeShareRecorded,
  type AdministrativeShareRecorded,
  type AdministrativeShareRecordedData,
} from '../administrative-share-recorded.event';
import type { ProjectState } from '../project.state';
import type { RecordAdministrativeShare } from './record-administrative-share.command';

/**
 * A project's carve-out, decided on the project's stream where its costs are: refused for an unknown project,
 * a share id it has, a reversed period, fields of the other method, hours or counts not above zero, and an
 * amount above the project's costs of the period less the carve-outs recorded before whose periods overlap it,
 * and a booking date after today.
 * A carve-out of an offer outside a project is refused: its costs lie on streams this one cannot see.
 */
export function decideRecordAdministrativeShare(
  cmd: RecordAdministrativeShare,
  state: ProjectState,
  context: DecisionContext,
): [AdministrativeShareRecorded] {
  const refuse = (code: Parameters<typeof violation>[0], message: string, details: object = {}) =>
    violation(code, `Administrative share ${cmd.shareId}: ${message}`, { shareId: cmd.shareId, ...details });
  if (cmd.projectId === undefined)
    throw refuse(
      'administrative_share.project_required',
      cmd.offerId === undefined
        ? 'name the projectId whose costs it is carved out of'
        : 'a carve-out is recorded on the project whose costs it comes out of (projectId); an offer outside a project is not supported',
    );
  const { project } = state;
  if (project === null)
    throw violation('project.not_found', `Project ${cmd.projectId} is not registered`, {
      projectId: cmd.projectId,
    });
  if (Object.prototype.hasOwnProperty.call(state.carveOuts, cmd.shareId))
    throw refuse('administrative_share.already_recorded', 'is already recorded');
  assertExpensePeriod(cmd.shareId, cmd.activityFrom, cmd.activityTo);
  const measured = measure(cmd, state, refuse);
  const costs = periodCostsOere(Object.values(state.expenses), cmd.activityFrom, cmd.activityTo);
  const earlier = Object.values(state.carveOuts)
    .filter((c) => c.activityFrom <= cmd.activityTo && c.activityTo >= cmd.activityFrom)
    .reduce((sum, c) => sum + c.amountOere, 0);
  if (measured.amountOere > costs - earlier)
    throw refuse(
      'administrative_share.exceeds_costs',
      `${formatOere(measured.amountOere)} kr is more than the project's hovedkonto 5 costs of ${cmd.activityFrom}..${cmd.activityTo} (${formatOere(costs)} kr, less ${formatOere(earlier)} kr carved out before)`,
      {
        amount: formatOere(measured.amountOere),
        costs: formatOere(costs),
        carvedBefore: formatOere(earlier),
      },
    );
  const bookingDate = checkedBookingDate(cmd.bookingDate, context, { shareId: cmd.shareId });
  return [
    administrativeShareRecorded({
      shareId: cmd.shareId,
      projectId: cmd.projectId,
      activityFrom: cmd.activityFrom,
      activityTo: cmd.activityTo,
      method: cmd.method,
      ...measured,
      priceLevelYear: cmd.priceLevelYear,
      methodReference: cmd.methodReference,
      ...(bookingDate && { bookingDate }),
    }),
  ];
}

const violation = (
  code: ConstructorParameters<typeof DomainRuleViolation>[0],
  message: string,
  details: Record<string, unknown>,
) => new DomainRuleViolation(code, message, details);

type Measured = Pick<
  AdministrativeShareRecordedData,
  'lines' | 'hours' | 'hourlyCostOere' | 'amountOere' | 'area'
>;

/** The amount by the method: Σ count × hoursEach × hourlyRate (each line rounded to øre), or hours × hourlyCost. */
function measure(
  cmd: RecordAdministrativeShare,
  state: ProjectState,
  refuse: (code: 'administrative_share.method_fields', message: string) => DomainRuleViolation,
): Measured {
  const areaFields = cmd.expenseId !== undefined || cmd.areas !== undefined;
  if (cmd.method === 'area') {
    const expense = cmd.expenseId === undefined ? undefined : state.expenses[cmd.expenseId];
    if (!cmd.areas || !expense || cmd.lines || cmd.hours !== undefined || cmd.hourlyCost !== undefined)
      throw refuse(
        'administrative_share.method_fields',
        'area takes the expenseId of a project expense and areas, and no lines or hours',
      );
    const administration = parseHours(cmd.areas.administration);
    const total = parseHours(cmd.areas.total);
    if (administration > total)
      throw refuse(
        'administrative_share.method_fields',
        'the administration’s area cannot exceed the total area',
      );
    if (cmd.activityFrom !== expense.activityFrom || cmd.activityTo !== expense.activityTo)
      throw refuse(
        'administrative_share.method_fields',
        `an area share takes the period of its expense (${expense.activityFrom}..${expense.activityTo})`,
      );
    return {
      lines: [],
      hours: null,
      hourlyCostOere: null,
      area: {
        expenseId: cmd.expenseId!,
        expenseAmountOere: expense.amountOere,
        administration: cmd.areas.administration,
        total: cmd.areas.total,
      },
      amountOere: toSafeOere(
        divideRoundHalfAwayFromZero(BigInt(expense.amountOere) * BigInt(administration), BigInt(total)),
      ),
    };
  }
  if (areaFields)
    throw refuse('administrative_share.method_fields', 'expenseId and areas belong to the area method');
  if (cmd.method === 'standard_price') {
    if (cmd.lines === undefined || cmd.hours !== undefined || cmd.hourlyCost !== undefined)
      throw refuse(
        'administrative_share.method_fields',
        'standard_price takes lines, and no hours or hourlyCost',
      );
    const lines = cmd.lines.map((l) => {
      const hundredths = parseHours(l.hoursEach);
      const hourlyRateOere = parseKroner(l.hourlyRate);
      if (hundredths <= 0 || hourlyRateOere <= 0)
        throw refuse(
          'administrative_share.method_fields',
          'every line needs hoursEach and hourlyRate above zero',
        );
      return {
        activity: l.activity,
        count: l.count,
        hoursEach: l.hoursEach,
        hourlyRateOere,
        amountOere: hoursCostOere(l.count, hundredths, hourlyRateOere),
      };
    });
    return {
      lines,
      hours: null,
      hourlyCostOere: null,
      amountOere: lines.reduce((s, l) => s + l.amountOere, 0),
    };
  }
  if (cmd.hours === undefined || cmd.hourlyCost === undefined || cmd.lines !== undefined)
    throw refuse(
      'administrative_share.method_fields',
      'time_registration takes hours and hourlyCost, and no lines',
    );
  const hundredths = parseHours(cmd.hours);
  const hourlyCostOere = parseKroner(cmd.hourlyCost);
  if (hundredths <= 0 || hourlyCostOere <= 0)
    throw refuse('administrative_share.method_fields', 'hours and hourlyCost must be above zero');
  return {
    lines: [],
    hours: cmd.hours,
    hourlyCostOere,
    amountOere: hoursCostOere(1, hundredths, hourlyCostOere),
  };
}
