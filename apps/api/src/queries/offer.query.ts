import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { formatOere } from '@app/domain';
import { LedgerQueries } from '@app/read-models';
import { NotFoundError } from './not-found.error';

/** An offer with its expenses and mentor hours, as known at `asOf`. */
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

function offerJson(offerId: string, { registered: r, current: c, items }: FoundOffer) {
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
      .filter((i) => i.kind === 'expense')
      .map((i) => ({
        expenseId: String(i.cost_item_id).replace(/^expense:/, ''),
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
  };
}

@QueryHandler(GetOffer)
export class GetOfferHandler implements IQueryHandler<GetOffer> {
  constructor(@Inject(LedgerQueries) private readonly queries: LedgerQueries) {}

  async execute({ municipality, offerId, asOf }: GetOffer): Promise<ReturnType<typeof offerJson>> {
    const found = await this.queries.offer(municipality, offerId, asOf);
    if (!found) throw new NotFoundError(`no offer ${offerId} in municipality ${municipality}`);
    return offerJson(offerId, found);
  }
}
