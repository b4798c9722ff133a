// The chain behind one posting (API.md "Queries"): the events, the timeline segment, the rule
// with its citation, the arithmetic, and where a cap applied.
import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { formatOere } from '@app/domain';
import type { EventStore } from '@app/event-store';
import { explainSegment, type Posting } from '@app/ledger';
import { LedgerQueries, StatementQueries, capJson } from '@app/read-models';
import { ruleById } from '@app/rules';
import { EVENT_STORE } from '../api.tokens';
import { entryJson } from './ledger-json';
import { NotFoundError } from './not-found.error';

export class ExplainEntry extends Query<Record<string, unknown>> {
  constructor(
    readonly municipality: string,
    readonly entryId: string,
    readonly asOf: string,
  ) {
    super();
  }
}

@QueryHandler(ExplainEntry)
export class ExplainEntryHandler implements IQueryHandler<ExplainEntry> {
  constructor(
    @Inject(LedgerQueries) private readonly queries: LedgerQueries,
    @Inject(StatementQueries) private readonly statements: StatementQueries,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ municipality: m, entryId, asOf }: ExplainEntry): Promise<Record<string, unknown>> {
    const entry = await this.queries.entry(m, entryId, asOf);
    if (!entry) throw new NotFoundError(`no ledger entry ${entryId} in municipality ${m}`);
    if (entry.kind === 'cap_adjustment' || entry.personId === null) return this.explainCapAdjustment(entry);
    const item = (await this.queries.costItem(m, entry.costItemId))!;
    const timeline = await this.queries.timeline(m, entry.personId, entry.recordedAt);
    const segment =
      timeline.find(
        (s) => s.from !== null && s.from <= entry.activityFrom && (s.to === null || s.to >= entry.activityTo),
      ) ?? null;
    const stream =
      item.kind === 'expense'
        ? `expense-${m}-${String(item.cost_item_id).slice('expense:'.length)}`
        : `mentor-agreement-${m}-${item.agreement_id}`;
    const related = [
      ...(await this.store.readStream(stream)),
      ...(await this.store.readStream(`person-${m}-${entry.personId}`)),
      ...(entry.offerId ? await this.store.readStream(`offer-${m}-${entry.offerId}`) : []),
    ];
    const events = related
      .filter(
        (e) => e.id === item.event_id || e.id === entry.causedBy.eventId || e.id === item.reversal_event_id,
      )
      .map((e) => ({
        id: e.id,
        type: e.type,
        stream: e.stream,
        revision: e.revision,
        position: e.position.toString(),
        data: e.data,
        metadata: e.metadata,
      }));
    const arithmetic = explainSegment({
      itemAmountOere: Number(item.amount_oere),
      itemFrom: item.activity_from as string,
      itemTo: item.activity_to as string,
      from: entry.activityFrom,
      to: entry.activityTo,
      rateBasisPoints: entry.refundRateBasisPoints,
    });
    return {
      entry: entryJson(entry),
      costItem: {
        costItemId: entry.costItemId,
        kind: item.kind,
        amount: formatOere(BigInt(item.amount_oere as string)),
        activityFrom: item.activity_from,
        activityTo: item.activity_to,
      },
      events,
      timelineSegment: segment,
      rule: entry.ruleId ? (ruleById(entry.ruleId) ?? null) : null,
      unresolved: entry.unresolved,
      arithmetic:
        entry.kind === 'reversal'
          ? { ...arithmetic, note: `a reversal negates ${entry.reverses} exactly` }
          : arithmetic,
      cap: entry.cap === null ? null : await this.capOf(m, entry, asOf),
    };
  }

  /** Where a cap applied: the cap of the posting's booking year as of asOf, and the adjustment that last restated it. */
  private async capOf(m: string, entry: Posting, asOf: string) {
    const year = Number(entry.bookingPeriod.slice(0, 4));
    const { computation, lastAdjustment } = await this.statements.capAsOf(m, year, entry.cap!, asOf);
    return {
      bookingYear: year,
      note: 'the posting carries its uncapped refund; the cap of its booking year is applied by cap_adjustment postings',
      ...capJson(computation),
      lastAdjustment: lastAdjustment && {
        entryId: lastAdjustment.entryId,
        ...capJson(lastAdjustment.computation),
      },
    };
  }

  /** A cap adjustment: the computation it was posted from, and the event that caused it. */
  private async explainCapAdjustment(entry: Posting) {
    const computation = await this.statements.capComputationOf(entry.entryId);
    return {
      entry: entryJson(entry),
      costItem: null,
      events: [],
      causedBy: entry.causedBy,
      timelineSegment: null,
      rule: null,
      unresolved: null,
      arithmetic: null,
      cap: computation && {
        bookingYear: computation.year,
        note: `adjustment = capped refund − refund before cap − adjustments already booked = ${formatOere(computation.requiredAdjustmentOere)} − ${formatOere(computation.adjustmentsBeforeOere)} = ${formatOere(computation.deltaOere)}`,
        ...capJson(computation),
        adjustmentsBefore: formatOere(computation.adjustmentsBeforeOere),
        delta: formatOere(computation.deltaOere),
      },
    };
  }
}
