// A project as known at asOf (API.md GET …/projects/{projectId}): its participants and their
// periods, its expenses, and each expense's shares with the participant-days they come from.
import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { formatHours, formatOere } from '@app/domain';
import type { ProjectCarveOut } from '@app/ledger';
import { LedgerQueries } from '@app/read-models';
import { NotFoundError } from './not-found.error';

export class GetProject extends Query<ReturnType<typeof projectJson>> {
  constructor(
    readonly municipality: string,
    readonly projectId: string,
    readonly asOf: string,
  ) {
    super();
  }
}

type FoundProject = NonNullable<Awaited<ReturnType<LedgerQueries['project']>>>;

/** days / total as a percentage with two decimals (display only; the øre come from cumulative rounding). */
export const percentOf = (days: number, total: number) =>
  total === 0 ? '0.00' : ((Math.round((days * 10000) / total) / 100).toFixed(2) as string);

function projectJson({ state, versions, shares, carveOuts }: FoundProject) {
  const money = (v: unknown) => formatOere(BigInt(v as string));
  const latest = new Map<string, Record<string, unknown>>();
  for (const v of versions) latest.set(v.offer_id as string, v);
  const participants = state.participants
    .filter((p) => latest.has(p.offerId))
    .map((p) => {
      const v = latest.get(p.offerId)!;
      return {
        offerId: p.offerId,
        personId: p.personId,
        startDate: v.start_date,
        endDate: v.end_date,
        status: v.status === 'cancelled' ? 'cancelled' : 'active',
      };
    });
  const expenses = state.expenses.flatMap((e) => {
    const ofExpense = shares.filter((s) => s.expense_id === e.expenseId);
    if (ofExpense.length === 0) return [];
    const standing = ofExpense.filter((s) => s.share_oere !== null);
    const total = Number(ofExpense[0].total_participant_days);
    return [
      {
        expenseId: e.expenseId,
        expenseType: e.expenseType,
        amount: formatOere(e.amountOere),
        activityFrom: e.activityFrom,
        activityTo: e.activityTo,
        invoiceRef: e.invoiceRef,
        ...(e.timesheet && {
          timesheet: {
            staffId: e.timesheet.staffId,
            timesheetId: e.timesheet.timesheetId,
            revision: e.timesheet.revision,
            week: e.timesheet.week,
            hours: formatHours(e.timesheet.hours),
            totalHours: formatHours(e.timesheet.totalHours),
            percentage: (e.timesheet.percentBasisPoints / 100).toFixed(2),
          },
        }),
        totalParticipantDays: total,
        unshared: standing.length === 0,
        shares: standing
          .sort((a, b) => Number(a.days_before) - Number(b.days_before))
          .map((s) => ({
            offerId: s.offer_id,
            personId: s.person_id,
            from: s.share_from,
            to: s.share_to,
            participantDays: s.participant_days,
            percentage: percentOf(Number(s.participant_days), total),
            amount: money(s.share_oere),
            costItemId: s.cost_item_id,
          })),
      },
    ];
  });
  return {
    projectId: state.projectId,
    name: state.name,
    offerKind: state.offerKind,
    fundingFrame: state.fundingFrame,
    startDate: state.startDate,
    endDate: state.endDate,
    registeredAt: state.registeredAt,
    participants,
    expenses,
    administrativeShares: carveOuts.map((c) =>
      carveOutJson(c, 'as it stood at asOf', { projectId: state.projectId }),
    ),
  };
}

/**
 * A carve-out with its method, price level and the arithmetic of every line (VEJ 9584 3.1: the method is
 * kept for the auditor), and how it stood against the period's costs at the moment `when` names.
 */
export function carveOutJson(
  c: ProjectCarveOut,
  when: string,
  of: { projectId: string } | { offerId: string },
) {
  const kr = (oere: number) => formatOere(oere);
  return {
    shareId: c.shareId,
    projectId: 'projectId' in of ? of.projectId : null,
    offerId: 'offerId' in of ? of.offerId : null,
    activityFrom: c.activityFrom,
    activityTo: c.activityTo,
    method: c.method,
    methodReference: c.methodReference,
    priceLevelYear: c.priceLevelYear,
    amount: kr(c.amountOere),
    lines: c.lines.map((l) => ({
      activity: l.activity,
      count: l.count,
      hoursEach: l.hoursEach,
      hourlyRate: kr(l.hourlyRateOere),
      amount: kr(l.amountOere),
      formula: `${l.count} × ${l.hoursEach} h × ${kr(l.hourlyRateOere)} kr = ${kr(l.amountOere)} kr`,
    })),
    hours: c.hours,
    hourlyCost: c.hourlyCostOere === null ? null : kr(c.hourlyCostOere),
    area: c.area && {
      expenseId: c.area.expenseId,
      expenseAmount: kr(c.area.expenseAmountOere),
      administration: c.area.administration,
      total: c.area.total,
    },
    formula:
      c.method === 'time_registration'
        ? `${c.hours} h × ${kr(c.hourlyCostOere!)} kr = ${kr(c.amountOere)} kr`
        : c.area
          ? `round(${kr(c.area.expenseAmountOere)} kr × ${c.area.administration} m² / ${c.area.total} m²) = ${kr(c.amountOere)} kr`
          : `${c.lines.map((l) => kr(l.amountOere)).join(' + ')} = ${kr(c.amountOere)} kr`,
    costsOfPeriod: kr(c.costsOere),
    carved: kr(c.carvedOere),
    excess: kr(c.amountOere - c.carvedOere),
    deductions: c.deductions.map((d) => ({
      costItemId: d.costItemId,
      expenseId: d.expenseId,
      offerId: d.offerId,
      personId: d.personId,
      from: d.from,
      to: d.to,
      cost: kr(d.costOere),
      amount: kr(d.amountOere),
      formula: `round(${c.carvedOere} × ${d.costBeforeOere + d.costOere} / ${c.costsOere}) − round(${c.carvedOere} × ${d.costBeforeOere} / ${c.costsOere}) = ${-d.amountOere} øre`,
    })),
    note: `${when}, against what the carve-outs recorded before left of the ${'projectId' in of ? 'project' : 'offer'}’s hovedkonto 5 costs of the period, in the order recorded (000_140518b2c182b2de.txt 3.1 L440-L451; 6.45.53 L706)`,
  };
}

@QueryHandler(GetProject)
export class GetProjectHandler implements IQueryHandler<GetProject> {
  constructor(@Inject(LedgerQueries) private readonly queries: LedgerQueries) {}

  async execute({ municipality, projectId, asOf }: GetProject): Promise<ReturnType<typeof projectJson>> {
    const found = await this.queries.project(municipality, projectId, asOf);
    if (!found) throw new NotFoundError(`no project ${projectId} in municipality ${municipality}`);
    return projectJson(found);
  }
}
