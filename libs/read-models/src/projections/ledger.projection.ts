// The timeline, offers, mentor agreements, cost items and the period-correct ledger, projected
// together: a ledger posting depends on the person's timeline and cost items as they stood at
// its causing event, so the batch is folded event by event in memory (for the persons it
// touches) and then written with one multi-row insert per table.
import { DOMAIN_EVENT_TYPES, parseEvent, type DomainEvent } from '@app/domain';
import type { RecordedEvent } from '@app/event-store/event-store.port';
import {
  addDays,
  addMonths,
  allocate,
  capAdjustmentPosting,
  computeCap,
  minDate,
  openBookingPeriod,
  reconcile,
  relatedClosedYear,
  timelineAsOf,
  type Cause,
  type DecideRefund,
  type Posting,
} from '@app/ledger';
import type { EntityManager } from 'typeorm';
import { capYearKey, capYearRow, emptyCapYear, loadMunicipalityFinance, type MunicipalityFinance } from './finance-state';
import { loadPersonLedgers, personKey, type PersonLedger, type StoredCostItem } from './ledger-state';
import type { Projection } from './projection';
import { insertRows, updateRows, upsertRows } from './sql-rows';

const DOMAIN_TYPES = new Set<string>(DOMAIN_EVENT_TYPES);

type FinanceEvent = Extract<DomainEvent, { type: 'CapParametersSet' | 'AccountingYearClosed' }>;
type PersonEvent = Exclude<DomainEvent, FinanceEvent>;
const isFinanceEvent = (e: DomainEvent): e is FinanceEvent => e.type === 'CapParametersSet' || e.type === 'AccountingYearClosed';

/** Rows a batch writes, collected while folding. */
class BatchWrites {
  changes: Record<string, unknown>[] = [];
  retractions: Record<string, unknown>[] = [];
  offerVersions: Record<string, unknown>[] = [];
  agreements: Record<string, unknown>[] = [];
  items: Record<string, unknown>[] = [];
  itemReversals: Record<string, unknown>[] = [];
  postings: Record<string, unknown>[] = [];
  capParameters: Record<string, unknown>[] = [];
  capComputations: Record<string, unknown>[] = [];
  closedYears: Record<string, unknown>[] = [];
  /** The postings of `postings`, as objects, in the same order. */
  postingObjects: Posting[] = [];

  /** Ordinal of the next posting of the current event (unique with its position, whatever the batch). */
  private ordinal = 0;

  startEvent(): void {
    this.ordinal = 0;
  }

  nextOrdinal(): number {
    return this.ordinal++;
  }

  postingsSince(index: number): Posting[] {
    return this.postingObjects.slice(index);
  }
}

export const expenseItemId = (expenseId: string) => `expense:${expenseId}`;
export const mentorItemId = (agreementId: string, eventId: string) => `mentor:${agreementId}:${eventId}`;

/**
 * The refundable window of a mentor agreement: while it runs, and for company and education
 * mentors at most 6 months beyond the start of the job or education, taken as the agreement's
 * start (API.md RegisterMentorAgreement; seed000.md on mentor support, VEJ 9584 §11).
 */
export function mentorRefundWindow(d: { mentorType: string; agreementStartDate: string; agreementEndDate: string }): { from: string; to: string } {
  if (d.mentorType === 'social') return { from: d.agreementStartDate, to: d.agreementEndDate };
  const sixMonths = addDays(addMonths(d.agreementStartDate, 6), -1);
  return { from: d.agreementStartDate, to: minDate(d.agreementEndDate, sixMonths) };
}

export class LedgerProjection implements Projection {
  readonly name = 'ledger';

  constructor(private readonly decide: DecideRefund) {}

  async apply(batch: RecordedEvent[], tx: EntityManager): Promise<void> {
    const events = batch.filter((e) => DOMAIN_TYPES.has(e.type)).map((e) => ({ recorded: e, domain: parseEvent(e.type, e.metadata.schemaVersion ?? 1, e.data) }));
    if (events.length === 0) return;
    const persons = new Map<string, { municipality: string; personId: string }>();
    const municipalities = new Set<string>();
    for (const { recorded, domain } of events) {
      const municipality = recorded.metadata.municipality;
      municipalities.add(municipality);
      if (isFinanceEvent(domain)) continue;
      persons.set(personKey(municipality, domain.data.personId), { municipality, personId: domain.data.personId });
    }
    const [ledgers, finance] = await Promise.all([loadPersonLedgers(tx, [...persons.values()]), loadMunicipalityFinance(tx, [...municipalities])]);
    const writes = new BatchWrites();
    for (const { recorded, domain } of events) {
      writes.startEvent();
      const books = finance.get(recorded.metadata.municipality)!;
      if (isFinanceEvent(domain)) {
        this.foldFinance(recorded, domain, books, writes);
        continue;
      }
      const ledger = ledgers.get(personKey(recorded.metadata.municipality, domain.data.personId))!;
      const before = writes.postingObjects.length;
      this.fold(recorded, domain, ledger, books, writes);
      this.restateCaps(recorded, books, writes, writes.postingsSince(before));
    }
    await this.write(tx, writes, finance);
  }

  /** Cap parameters and closings: restate the cap, or mark the year closed. */
  private foldFinance(recorded: RecordedEvent, event: FinanceEvent, books: MunicipalityFinance, writes: BatchWrites): void {
    const { municipality, recordedAt, commandId } = recorded.metadata;
    const d = event.data;
    if (event.type === 'AccountingYearClosed') {
      books.closedYears.add(d.year);
      writes.closedYears.push({ municipality, year: d.year, closed_at: recordedAt, event_id: recorded.id, command_id: commandId, reason: d.reason });
      return;
    }
    const c = event.data;
    writes.capParameters.push({
      municipality, year: c.year, cap: c.cap, position: recorded.position.toString(), amount_per_full_year_person_oere: c.amountPerFullYearPersonOere,
      full_year_persons_hundredths: c.fullYearPersonsHundredths, reason: c.reason, recorded_at: recordedAt, event_id: recorded.id, command_id: commandId,
    });
    if (books.closedYears.has(c.year)) return; // the decider refuses this; an old log may still hold it
    const key = capYearKey(c.year, c.cap);
    const state = books.caps.get(key) ?? emptyCapYear(municipality, c.year, c.cap);
    books.caps.set(key, state);
    state.parameters = { amountPerFullYearPersonOere: c.amountPerFullYearPersonOere, fullYearPersonsHundredths: c.fullYearPersonsHundredths };
    state.dirty = true;
    this.adjustCap(recorded, state, writes);
  }

  /** Adds the capped postings an event caused to their cap years and restates each of them. */
  private restateCaps(recorded: RecordedEvent, books: MunicipalityFinance, writes: BatchWrites, postings: Posting[]): void {
    const touched = new Map<string, ReturnType<typeof emptyCapYear>>();
    for (const p of postings) {
      if (p.cap === null || p.kind === 'cap_adjustment') continue;
      const year = Number(p.bookingPeriod.slice(0, 4));
      const key = capYearKey(year, p.cap);
      const state = books.caps.get(key) ?? emptyCapYear(p.municipality, year, p.cap);
      books.caps.set(key, state);
      state.eligibleCostsOere += p.amountOere;
      state.refundBeforeCapOere += p.refundOere ?? 0;
      if (p.refundRateBasisPoints !== null) state.rateBasisPoints = Math.max(state.rateBasisPoints ?? 0, p.refundRateBasisPoints);
      if (state.refundAccount === null && p.refundAccount !== null) state.refundAccount = { ...p.refundAccount };
      state.dirty = true;
      touched.set(key, state);
    }
    for (const key of [...touched.keys()].sort()) {
      const state = touched.get(key)!;
      if (!books.closedYears.has(state.year)) this.adjustCap(recorded, state, writes);
    }
  }

  /** Posts the difference between the capped refund and what the cap adjustments say so far. */
  private adjustCap(recorded: RecordedEvent, state: ReturnType<typeof emptyCapYear>, writes: BatchWrites): void {
    const computation = computeCap(state);
    if (computation.deltaOere === 0) return;
    const cause: Cause = { eventId: recorded.id, commandId: recorded.metadata.commandId, recordedAt: recorded.metadata.recordedAt };
    const posting = capAdjustmentPosting(computation, cause, state.refundAccount);
    state.adjustmentsOere += computation.deltaOere;
    state.dirty = true;
    writes.postings.push(postingRow(posting, recorded, writes.nextOrdinal(), null));
    writes.postingObjects.push(posting);
    writes.capComputations.push({ entry_id: posting.entryId, municipality: state.municipality, year: state.year, cap: state.cap, computation, recorded_at: posting.recordedAt });
  }

  private fold(recorded: RecordedEvent, event: PersonEvent, ledger: PersonLedger, books: MunicipalityFinance, writes: BatchWrites): void {
    const { municipality, recordedAt } = recorded.metadata;
    const base = { municipality, recorded_at: recordedAt, event_id: recorded.id };
    const affected = (predicate: (item: StoredCostItem) => boolean) => [...ledger.items.values()].filter(predicate);
    switch (event.type) {
      case 'TargetGroupChanged': {
        const d = event.data;
        ledger.changes.push({ changeCommandId: d.changeCommandId, targetGroup: d.targetGroup, attributes: d.attributes, effectiveFrom: d.effectiveFrom, recordedAt, retractedAt: null });
        writes.changes.push({ ...base, change_command_id: d.changeCommandId, person_id: d.personId, target_group: d.targetGroup, attributes: d.attributes, effective_from: d.effectiveFrom, reason: d.reason });
        return this.regroup(recorded, ledger, books, affected(() => true), writes);
      }
      case 'TargetGroupChangeRetracted': {
        const d = event.data;
        const change = ledger.changes.find((c) => c.changeCommandId === d.changeCommandId);
        if (change) change.retractedAt = recordedAt;
        writes.retractions.push({ municipality, change_command_id: d.changeCommandId, retracted_at: recordedAt, retraction_event_id: recorded.id, retraction_reason: d.reason });
        return this.regroup(recorded, ledger, books, affected(() => true), writes);
      }
      case 'OfferRegistered':
      case 'OfferPeriodChanged':
      case 'OfferCancelled': {
        const d = event.data;
        const registered = event.type === 'OfferRegistered' ? event.data : null;
        writes.offerVersions.push({
          ...base,
          position: recorded.position.toString(),
          event_type: event.type,
          offer_id: d.offerId,
          person_id: d.personId,
          offer_kind: d.offerKind,
          start_date: d.startDate,
          end_date: d.endDate,
          offer_category: registered?.offerCategory ?? null,
          funding_frame: registered?.fundingFrame ?? null,
          provider: registered?.provider ?? null,
          status: event.type === 'OfferCancelled' ? 'cancelled' : 'registered',
          reason: event.type === 'OfferCancelled' ? event.data.reason : null,
        });
        if (event.type !== 'OfferCancelled') return;
        const ofOffer = affected((i) => i.offerId === d.offerId && !i.reversed);
        for (const item of ofOffer) {
          item.reversed = true; // a cancelled offer's costs are reversed, not rebooked
          writes.itemReversals.push({ municipality, cost_item_id: item.costItemId, reversed_at: recordedAt, reversal_event_id: recorded.id, reversal_reason: `offer cancelled: ${event.data.reason}` });
        }
        return this.regroup(recorded, ledger, books, ofOffer, writes);
      }
      case 'OfferExpenseRecorded': {
        const d = event.data;
        const item: StoredCostItem = {
          costItemId: expenseItemId(d.expenseId), personId: d.personId, offerId: d.offerId, municipality, offerKind: d.offerKind,
          cost: { kind: 'expense', expenseType: d.expenseType }, amountOere: d.amountOere, activityFrom: d.activityFrom, activityTo: d.activityTo,
          mentorWindow: null, reversed: false,
        };
        ledger.items.set(item.costItemId, item);
        writes.items.push({ ...base, cost_item_id: item.costItemId, kind: 'expense', person_id: d.personId, offer_id: d.offerId, offer_kind: d.offerKind, expense_type: d.expenseType, amount_oere: d.amountOere, activity_from: d.activityFrom, activity_to: d.activityTo, invoice_ref: d.invoiceRef });
        return this.regroup(recorded, ledger, books, [item], writes);
      }
      case 'OfferExpenseReversed': {
        const item = ledger.items.get(expenseItemId(event.data.expenseId));
        if (!item) return;
        item.reversed = true;
        writes.itemReversals.push({ municipality, cost_item_id: item.costItemId, reversed_at: recordedAt, reversal_event_id: recorded.id, reversal_reason: event.data.reason });
        return this.regroup(recorded, ledger, books, [item], writes);
      }
      case 'MentorAgreementRegistered': {
        const d = event.data;
        writes.agreements.push({ ...base, agreement_id: d.agreementId, person_id: d.personId, offer_id: d.offerId, mentor_type: d.mentorType, mentor_kind: d.mentorKind, start_date: d.startDate, end_date: d.endDate });
        return;
      }
      case 'MentorHoursRecorded': {
        const d = event.data;
        const window = mentorRefundWindow(d);
        const item: StoredCostItem = {
          costItemId: mentorItemId(d.agreementId, recorded.id), personId: d.personId, offerId: d.offerId, municipality, offerKind: 'mentor',
          cost: { kind: 'mentor' }, amountOere: d.costOere, activityFrom: d.date, activityTo: d.date,
          mentorWindow: window, reversed: false,
        };
        ledger.items.set(item.costItemId, item);
        writes.items.push({
          ...base, cost_item_id: item.costItemId, kind: 'mentor', person_id: d.personId, offer_id: d.offerId, agreement_id: d.agreementId, offer_kind: 'mentor',
          amount_oere: d.costOere, activity_from: d.date, activity_to: d.date, mentor_window_from: window.from, mentor_window_to: window.to,
          contact_hours: d.contactHours, preparation_hours: d.preparationHours, hourly_cost_oere: d.hourlyCostOere, fee_oere: d.feeOere,
        });
        return this.regroup(recorded, ledger, books, [item], writes);
      }
    }
  }

  /** Posts, for each affected cost item, the difference between what stands and what should. */
  private regroup(recorded: RecordedEvent, ledger: PersonLedger, books: MunicipalityFinance, items: StoredCostItem[], writes: BatchWrites): void {
    if (items.length === 0) return;
    const timeline = timelineAsOf(ledger.changes);
    const ids = new Set(items.map((i) => i.costItemId));
    const history = ledger.postings.filter((p) => ids.has(p.costItemId));
    const desired = items.filter((i) => !i.reversed).flatMap((i) => allocate(i, timeline, this.decide));
    // Nothing is posted into a closed year's booking periods: the first open period takes it.
    const bookingPeriod = openBookingPeriod(recorded.metadata.recordedAt, books.closedYears);
    const cause: Cause = { eventId: recorded.id, commandId: recorded.metadata.commandId, recordedAt: recorded.metadata.recordedAt, bookingPeriod };
    const postings = reconcile(history, desired, cause);
    ledger.postings.push(...postings);
    for (const p of postings) {
      writes.postings.push(postingRow(p, recorded, writes.nextOrdinal(), relatedClosedYear(p.activityFrom, p.activityTo, books.closedYears)));
      writes.postingObjects.push(p);
    }
  }

  private async write(tx: EntityManager, w: BatchWrites, finance: Map<string, MunicipalityFinance>): Promise<void> {
    await insertRows(tx, 'target_group_change', w.changes);
    await updateRows(tx, 'target_group_change', ['municipality', 'change_command_id'], w.retractions);
    await insertRows(tx, 'offer_version', w.offerVersions);
    await insertRows(tx, 'mentor_agreement', w.agreements);
    await insertRows(tx, 'cost_item', w.items);
    await updateRows(tx, 'cost_item', ['municipality', 'cost_item_id'], w.itemReversals);
    await insertRows(tx, 'ledger_entry', w.postings);
    await insertRows(tx, 'cap_parameters', w.capParameters);
    await insertRows(tx, 'cap_computation', w.capComputations);
    await insertRows(tx, 'accounting_year', w.closedYears);
    const capYears = [...finance.values()].flatMap((f) => [...f.caps.values()].filter((c) => c.dirty).map(capYearRow));
    await upsertRows(tx, 'cap_year', ['municipality', 'year', 'cap'], capYears);
  }
}

function postingRow(p: Posting, recorded: RecordedEvent, ordinal: number, relatesToClosedYear: number | null): Record<string, unknown> {
  return {
    entry_id: p.entryId,
    position: recorded.position.toString(),
    ordinal,
    kind: p.kind,
    municipality: p.municipality,
    person_id: p.personId,
    offer_id: p.offerId,
    cost_item_id: p.costItemId,
    account: p.account,
    refund_account: p.refundAccount,
    target_group: p.targetGroup,
    activity_from: p.activityFrom,
    activity_to: p.activityTo,
    booking_period: p.bookingPeriod,
    amount_oere: p.amountOere,
    refund_rate_bp: p.refundRateBasisPoints,
    refund_oere: p.refundOere,
    rule_id: p.ruleId,
    citations: p.citations,
    cap: p.cap,
    unresolved: p.unresolved,
    caused_by_event: p.causedBy.eventId,
    caused_by_command: p.causedBy.commandId,
    reverses: p.reverses,
    recorded_at: p.recordedAt,
    caused_by_command_type: recorded.metadata.commandType ?? null,
    relates_to_closed_year: relatesToClosedYear,
  };
}
