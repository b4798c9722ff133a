import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { formatOere } from '@app/domain';
import { keyParts, type ProjectCarveOut } from '@app/ledger';
import { LedgerQueries } from '@app/read-models';
import { NotFoundError } from './not-found.error';
import { carveOutJson } from './project.query';

/** An offer with its expenses, mentor hours and administrative shares, as known at `asOf`. */
export class GetOffer extends Query<ReturnType<typeof offerJson>> {
  constructor(
    readonly municipality: string,
    readonly offerId: string,
    readonly asOf: string,
  ) {
    super();
  }
}

type FoundOffer = NonNullable<Awaited<ReturnType<LedgerQueries['offer']>>>;

function offerJson(
  offerId: string,
  { registered: r, current: c, items }: FoundOffer,
  carveOuts: readonly ProjectCarveOut[],
) {
  const money = (v: unknown) => (v === null || v === undefined ? null : formatOere(BigInt(v as string)));
  return {
    offerId,
    personId: r.person_id,
    offerKind: r.offer_kind,
    startDate: c.start_date,
    endDate: c.end_date,
    offerCategory: r.offer_category,
    fundingFrame: r.funding_frame,
    provider: r.provider,
    status: c.status,
    cancellationReason: c.reason,
    registeredAt: (r.recorded_at as Date).toISOString(),
    expenses: items
      // A carve-out's deductions are shown with it (administrativeShares).
      .filter((i) => i.kind === 'expense' && keyParts(i.cost_item_id as string)[0] !== 'admin-offer')
      .map((i) => ({
        expenseId: expenseIdOf(i.cost_item_id as string),
        expenseType: i.expense_type,
        amount: money(i.amount_oere),
        activityFrom: i.activity_from,
        activityTo: i.activity_to,
        invoiceRef: i.invoice_ref,
        reversed: i.reversed,
        recordedAt: (i.recorded_at as Date).toISOString(),
      })),
    mentorHours: items
      .filter((i) => i.kind === 'mentor')
      .map((i) => ({
        agreementId: i.agreement_id,
        date: i.activity_from,
        contactHours: i.contact_hours,
        preparationHours: i.preparation_hours,
        hourlyCost: money(i.hourly_cost_oere),
        fee: money(i.fee_oere),
        cost: money(i.amount_oere),
        recordedAt: (i.recorded_at as Date).toISOString(),
      })),
    administrativeShares: carveOuts.map((s) => carveOutJson(s, 'as it stood at asOf', { offerId })),
  };
}

/** An offer expense's id as given (its key's id read back); a timesheet's part by its key. */
function expenseIdOf(costItemId: string): string {
  const [kind, id] = keyParts(costItemId);
  return kind === 'expense' ? id : costItemId;
}

@QueryHandler(GetOffer)
export class GetOfferHandler implements IQueryHandler<GetOffer> {
  constructor(@Inject(LedgerQueries) private readonly queries: LedgerQueries) {}

  async execute({ municipality, offerId, asOf }: GetOffer): Promise<ReturnType<typeof offerJson>> {
    const found = await this.queries.offer(municipality, offerId, asOf);
    if (!found) throw new NotFoundError(`no offer ${offerId} in municipality ${municipality}`);
    return offerJson(offerId, found, await this.queries.offerCarveOuts(municipality, offerId, asOf));
  }
}
