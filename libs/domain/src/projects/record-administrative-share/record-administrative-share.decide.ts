import type { DecisionContext } from '../../shared/decision-context';
import { DomainRuleViolation } from '../../shared/domain-rule-violation.error';
import { parseHours } from '../../shared/hours';
import { divideRoundHalfAwayFromZero, formatOere, parseKroner, toSafeOere } from '../../shared/money';
import { checkedBookingDate } from '../../expenses/booking-date';
import { assertExpensePeriod } from '../../expenses/expense-admissibility';
import { hoursCostOere } from '../administrative-share';
import { carveOutsInOrder, type CarveOutCostPart } from '../carve-outs-in-order';
import { participantShares } from '../participant-shares';
import {
  administrativeShareRecorded,
  type AdministrativeShareRecorded,
  type AdministrativeShareRecordedData,
} from '../administrative-share-recorded.event';
import { offerOf, type ProjectState } from '../project.state';
import type { RecordAdministrativeShare } from './record-administrative-share.command';

/**
 * A carve-out of a project's or an offer's costs, decided on the stream the project or offer lives on (so a share id
 * is recorded once and the carve-outs before it are counted atomically): refused for neither or both of projectId and
 * offerId, an unknown project, an offer not registered on its own stream or cancelled, a share id it has, a reversed
 * period, fields of the other method, hours or counts not above zero, an amount above what the carve-outs recorded
 * before leave of the period's hovedkonto 5 costs (counted as the ledger deducts: the participants' shares of a
 * project's expenses, an offer's expenses, day by day, carve-outs-in-order.ts), and a booking date after today.
 * A project's costs lie on its stream; an offer's expenses each on their own, so they are those the read models know
 * (`context.offerCosts`): should a concurrent change leave the offer less cost than its carve-outs, the ledger posts
 * the excess as unresolved.
 */
export function decideRecordAdministrativeShare(
  cmd: RecordAdministrativeShare,
  state: ProjectState,
  context: DecisionContext,
): [AdministrativeShareRecorded] {
  const refuse = (code: Parameters<typeof violation>[0], message: string, details: object = {}) =>
    violation(code, `Administrative share ${cmd.shareId}: ${message}`, { shareId: cmd.shareId, ...details });
  if ((cmd.projectId === undefined) === (cmd.offerId === undefined))
    throw refuse(
      'administrative_share.project_required',
      'name either the projectId or the offerId (of an offer outside a project) whose costs it is carved out of',
    );
  const target = targetOf(cmd, state, context, refuse);
  if (state.carveOuts.some((c) => c.shareId === cmd.shareId))
    throw refuse('administrative_share.already_recorded', 'is already recorded');
  assertExpensePeriod(cmd.shareId, cmd.activityFrom, cmd.activityTo);
  const measured = measure(cmd, target.expenses, refuse);
  // As the ledger will deduct it: after the carve-outs recorded before, from what they left (carve-outs-in-order.ts).
  const claim = (c: {
    activityFrom: string;
    activityTo: string;
    amountOere: number;
    expenseId: string | null;
  }) => ({
    from: c.activityFrom,
    to: c.activityTo,
    amountOere: c.amountOere,
    ...(c.expenseId !== null && { takesFrom: (i: number) => target.costs[i].expenseId === c.expenseId }),
  });
  const mine = carveOutsInOrder(
    [
      ...state.carveOuts.map(claim),
      claim({ ...cmd, amountOere: measured.amountOere, expenseId: measured.area?.expenseId ?? null }),
    ],
    target.costs,
  ).at(-1)!;
  const costs = mine.periodCostsOere;
  const earlier = mine.periodCostsOere - mine.costsOere;
  if (measured.amountOere > mine.costsOere)
    throw refuse(
      'administrative_share.exceeds_costs',
      `${formatOere(measured.amountOere)} kr is more than the ${target.name}'s hovedkonto 5 costs of ${cmd.activityFrom}..${cmd.activityTo} (${formatOere(costs)} kr, less ${formatOere(earlier)} kr carved out before)`,
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
      ...target.ids,
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

type Expenses = Readonly<Record<string, { activityFrom: string; activityTo: string; amountOere: number }>>;

/** The project or offer the carve-out comes out of, its ids on the event, and its expenses. */
function targetOf(
  cmd: RecordAdministrativeShare,
  state: ProjectState,
  context: DecisionContext,
  refuse: (
    code: 'administrative_share.offer_not_found' | 'administrative_share.offer_cancelled',
    message: string,
  ) => DomainRuleViolation,
): {
  name: string;
  ids: Pick<AdministrativeShareRecordedData, 'projectId' | 'offerId' | 'personId'>;
  expenses: Expenses;
  /** What its carve-outs come out of, in the ledger's order. */
  costs: (CarveOutCostPart & { expenseId: string })[];
} {
  if (cmd.projectId !== undefined) {
    if (state.project === null)
      throw violation('project.not_found', `Project ${cmd.projectId} is not registered`, {
        projectId: cmd.projectId,
      });
    return {
      name: 'project',
      ids: { projectId: cmd.projectId },
      expenses: state.expenses,
      costs: projectCosts(state),
    };
  }
  const offer = offerOf(state, cmd.offerId!);
  if (offer.status === 'none' || offer.projectId !== null)
    throw refuse(
      'administrative_share.offer_not_found',
      `offer ${cmd.offerId} is not registered outside a project (a participant's costs are the project's: name its projectId)`,
    );
  if (offer.status === 'cancelled')
    throw refuse('administrative_share.offer_cancelled', `offer ${cmd.offerId} is cancelled`);
  if (context.offerCosts === undefined)
    // A wiring error of the command path, not a client error.
    throw new Error(`RecordAdministrativeShare of offer ${cmd.offerId}: no offerCosts in the context`);
  return {
    name: 'offer',
    ids: { offerId: offer.offerId, personId: offer.personId },
    expenses: Object.fromEntries(context.offerCosts.map((c) => [c.expenseId, c])),
    costs: [...context.offerCosts]
      .sort((a, b) => (a.expenseId < b.expenseId ? -1 : a.expenseId > b.expenseId ? 1 : 0))
      .map((c) => ({
        expenseId: c.expenseId,
        from: c.activityFrom,
        to: c.activityTo,
        amountOere: c.amountOere,
      })),
  };
}

/** A project's costs as the ledger shares them: each expense's shares, in the order recorded and joined. */
function projectCosts(state: ProjectState): (CarveOutCostPart & { expenseId: string })[] {
  const participants = state.offerOrder.map((id) => {
    const o = state.offers[id];
    return { from: o.startDate, to: o.endDate, cancelled: o.status === 'cancelled' };
  });
  return state.expenseOrder.flatMap((expenseId) => {
    const e = state.expenses[expenseId];
    return participantShares(e.amountOere, e.activityFrom, e.activityTo, participants).shares.map((s) => ({
      expenseId,
      from: s.from,
      to: s.to,
      amountOere: s.amountOere,
    }));
  });
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
  expenses: Expenses,
  refuse: (code: 'administrative_share.method_fields', message: string) => DomainRuleViolation,
): Measured {
  const areaFields = cmd.expenseId !== undefined || cmd.areas !== undefined;
  if (cmd.method === 'area') {
    const expense =
      cmd.expenseId === undefined || !Object.prototype.hasOwnProperty.call(expenses, cmd.expenseId)
        ? undefined
        : expenses[cmd.expenseId];
    if (!cmd.areas || !expense || cmd.lines || cmd.hours !== undefined || cmd.hourlyCost !== undefined)
      throw refuse(
        'administrative_share.method_fields',
        'area takes the expenseId of an expense of the project or offer and areas, and no lines or hours',
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
