// Read endpoints of API.md: timeline, offer, ledger entries, explanation, summary.
import { Controller, Get, Inject, NotFoundException, Param, Query, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { formatOere } from '@app/domain';
import type { EventStore } from '@app/event-store/event-store.port';
import { explainSegment, type Posting } from '@app/ledger';
import { problem, ProblemException } from '@app/platform/http/problem';
import { LedgerQueries, type SummaryKey } from '@app/read-models/queries/ledger.queries';
import { StatementQueries } from '@app/read-models/queries/statement.queries';
import { TimelineHistoryQueries } from '@app/read-models/queries/timeline-history.queries';
import { capJson } from '@app/read-models/statements/statement-formats';
import { ruleById } from '@app/rules';
import type { DataSource } from 'typeorm';
import { EVENT_STORE, READ_MODELS } from '../api.tokens';
import { entryJson } from './ledger-json';
import { MinPositionInterceptor } from './min-position.interceptor';
import { AsOfQuery, GROUP_BY_KEYS, LedgerEntriesQuery, LedgerFilterQuery, LedgerSummaryQuery, TimelineQuery } from './query-params.dto';

const asOfOf = (q: AsOfQuery) => q.asOf ?? new Date().toISOString();
const filterOf = (m: string, q: LedgerFilterQuery) => ({ ...q, municipality: m, asOf: asOfOf(q) });

@ApiTags('queries')
@Controller('v1/municipalities/:m')
@UseInterceptors(MinPositionInterceptor)
export class LedgerController {
  private readonly queries: LedgerQueries;
  private readonly statements: StatementQueries;
  private readonly history: TimelineHistoryQueries;

  constructor(
    @Inject(READ_MODELS) readModels: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {
    this.queries = new LedgerQueries(readModels);
    this.statements = new StatementQueries(readModels);
    this.history = new TimelineHistoryQueries(readModels);
  }

  @Get('persons/:personId/timeline')
  @ApiOkResponse({
    description:
      '[ { targetGroup, attributes, from, to, recordedAt, changeCommandId } ] as known at asOf; with history=true every registration ' +
      '[ { changeCommandId, targetGroup, attributes, effectiveFrom, reason, recordedAt, retractedAt, retractionReason } ], retracted ones included',
  })
  async timeline(@Param('m') m: string, @Param('personId') personId: string, @Query() q: TimelineQuery) {
    if (q.history === 'true') return this.history.registrations(m, personId, asOfOf(q));
    return this.queries.timeline(m, personId, asOfOf(q));
  }

  @Get('offers/:offerId')
  @ApiOkResponse({ description: 'the offer with its expenses and mentor hours, as known at asOf' })
  async offer(@Param('m') m: string, @Param('offerId') offerId: string, @Query() q: AsOfQuery) {
    const found = await this.queries.offer(m, offerId, asOfOf(q));
    if (!found) throw new NotFoundException(`no offer ${offerId} in municipality ${m}`);
    const { registered: r, current: c, items } = found;
    const money = (v: unknown) => (v === null || v === undefined ? null : formatOere(BigInt(v as string)));
    return {
      offerId, personId: r.person_id, offerKind: r.offer_kind, startDate: c.start_date, endDate: c.end_date,
      offerCategory: r.offer_category, fundingFrame: r.funding_frame, provider: r.provider,
      status: c.status, cancellationReason: c.reason, registeredAt: (r.recorded_at as Date).toISOString(),
      expenses: items.filter((i) => i.kind === 'expense').map((i) => ({
        expenseId: String(i.cost_item_id).replace(/^expense:/, ''), expenseType: i.expense_type, amount: money(i.amount_oere),
        activityFrom: i.activity_from, activityTo: i.activity_to, invoiceRef: i.invoice_ref, reversed: i.reversed, recordedAt: (i.recorded_at as Date).toISOString(),
      })),
      mentorHours: items.filter((i) => i.kind === 'mentor').map((i) => ({
        agreementId: i.agreement_id, date: i.activity_from, contactHours: i.contact_hours, preparationHours: i.preparation_hours,
        hourlyCost: money(i.hourly_cost_oere), fee: money(i.fee_oere), cost: money(i.amount_oere), recordedAt: (i.recorded_at as Date).toISOString(),
      })),
    };
  }

  @Get('ledger/entries')
  @ApiOkResponse({ description: '{ entries: [ posting ], nextCursor }' })
  async entries(@Param('m') m: string, @Query() q: LedgerEntriesQuery) {
    const cursor = q.cursor ? { position: BigInt(q.cursor.split('.')[0]), ordinal: Number(q.cursor.split('.')[1]) } : undefined;
    const { limit, cursor: _c, minPosition: _p, ...filter } = q;
    const page = await this.queries.entries(filterOf(m, filter), limit ?? 100, cursor);
    return { entries: page.entries.map(entryJson), nextCursor: page.nextCursor };
  }

  @Get('ledger/entries/:entryId/explanation')
  @ApiOkResponse({ description: 'the events, timeline segment, rule with citation and arithmetic behind a posting' })
  async explanation(@Param('m') m: string, @Param('entryId') entryId: string, @Query() q: AsOfQuery) {
    const asOf = asOfOf(q);
    const entry = await this.queries.entry(m, entryId, asOf);
    if (!entry) throw new NotFoundException(`no ledger entry ${entryId} in municipality ${m}`);
    if (entry.kind === 'cap_adjustment' || entry.personId === null) return this.explainCapAdjustment(entry);
    const item = (await this.queries.costItem(m, entry.costItemId))!;
    const timeline = await this.queries.timeline(m, entry.personId, entry.recordedAt);
    const segment = timeline.find((s) => s.from !== null && s.from <= entry.activityFrom && (s.to === null || s.to >= entry.activityTo)) ?? null;
    const stream = item.kind === 'expense' ? `expense-${m}-${String(item.cost_item_id).slice('expense:'.length)}` : `mentor-agreement-${m}-${item.agreement_id}`;
    const related = [...(await this.store.readStream(stream)), ...(await this.store.readStream(`person-${m}-${entry.personId}`)), ...(entry.offerId ? await this.store.readStream(`offer-${m}-${entry.offerId}`) : [])];
    const events = related
      .filter((e) => e.id === item.event_id || e.id === entry.causedBy.eventId || e.id === item.reversal_event_id)
      .map((e) => ({ id: e.id, type: e.type, stream: e.stream, revision: e.revision, position: e.position.toString(), data: e.data, metadata: e.metadata }));
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
      costItem: { costItemId: entry.costItemId, kind: item.kind, amount: formatOere(BigInt(item.amount_oere as string)), activityFrom: item.activity_from, activityTo: item.activity_to },
      events,
      timelineSegment: segment,
      rule: entry.ruleId ? (ruleById(entry.ruleId) ?? null) : null,
      unresolved: entry.unresolved,
      arithmetic: entry.kind === 'reversal' ? { ...arithmetic, note: `a reversal negates ${entry.reverses} exactly` } : arithmetic,
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
      lastAdjustment: lastAdjustment && { entryId: lastAdjustment.entryId, ...capJson(lastAdjustment.computation) },
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

  @Get('ledger/summary')
  @ApiOkResponse({ description: '{ groupBy, lines: [ { …groups, unresolved, entries, amount, refund } ], totals }' })
  async summary(@Param('m') m: string, @Query() q: LedgerSummaryQuery) {
    const groupBy = (q.groupBy ? q.groupBy.split(',') : []) as SummaryKey[];
    const unknown = groupBy.filter((k) => !(GROUP_BY_KEYS as readonly string[]).includes(k));
    if (unknown.length) {
      throw new ProblemException(problem(400, 'validation', `groupBy takes ${GROUP_BY_KEYS.join(', ')}`, { errors: [{ path: 'groupBy', message: `unknown: ${unknown.join(', ')}` }] }));
    }
    const { groupBy: _g, minPosition: _p, ...filter } = q;
    const lines = await this.queries.summary(filterOf(m, filter), groupBy);
    const total = (key: 'amountOere' | 'refundOere') => formatOere(lines.reduce((sum, l) => sum + l[key], 0n));
    return {
      groupBy,
      lines: lines.map((l) => ({
        ...Object.fromEntries(groupBy.map((k) => [k, l[k]])),
        unresolved: l.unresolved,
        entries: l.entries,
        amount: formatOere(l.amountOere),
        refund: formatOere(l.refundOere),
      })),
      totals: { amount: total('amountOere'), refund: total('refundOere') },
    };
  }
}
