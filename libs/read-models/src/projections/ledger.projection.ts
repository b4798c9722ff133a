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
import type { DataSource, EntityManager } from 'typeorm';
import { citationSetId, type CitationSet } from './citation-sets';
import { capYearKey, capYearRow, emptyCapYear, loadMunicipalityFinance, type MunicipalityFinance } from './finance-state';
import { loadPersonLedgers, PersonLedgerCache, personKey, type PersonLedger, type StoredCostItem } from './ledger-state';
import type { BatchWriter, Projection } from './projection';
import { copyValue, copyWrite, escapeCopy, insertWrite, runWrites, updateWrite, upsertWrite, type Write } from './sql-rows';

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
  postings: PostingWrite[] = [];
  capParameters: Record<string, unknown>[] = [];
  capComputations: Record<string, unknown>[] = [];
  closedYears: Record<string, unknown>[] = [];

  /** Ordinal of the next posting of the current event (unique with its position, whatever the batch). */
  private ordinal = 0;

  startEvent(): void {
    this.ordinal = 0;
  }

  nextOrdinal(): number {
    return this.ordinal++;
  }

  postingsSince(index: number): Posting[] {
    return this.postings.slice(index).map((w) => w.posting);
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

/**
 * Folding is synchronous work: every so many events it lets I/O callbacks run, so the previous
 * batch's statements (pipelined catch-up) progress meanwhile instead of waiting for the fold.
 */
const YIELD_EVERY = 100;
const yieldToIo = () => new Promise<void>((resolve) => setImmediate(resolve));

/** How much of the person ledgers the projection keeps between batches (changes, items and postings). */
export const DEFAULT_LEDGER_CACHE_BUDGET = 25_000;

export class LedgerProjection implements Projection {
  readonly name = 'ledger';
  /** Persons of recent batches, and every municipality's finance state: not read back for each batch. */
  private readonly persons: PersonLedgerCache;
  private readonly finance = new Map<string, MunicipalityFinance>();
  /** Ids of the citation lists in citation_set (written by a prepared batch, or found there). */
  private readonly storedCitationSets = new Set<string>();

  constructor(
    private readonly decide: DecideRefund,
    options: { cacheBudget?: number } = {},
  ) {
    this.persons = new PersonLedgerCache(options.cacheBudget ?? DEFAULT_LEDGER_CACHE_BUDGET);
  }

  async apply(batch: RecordedEvent[], tx: EntityManager): Promise<void> {
    const write = await this.prepare(batch, tx);
    await write(tx);
  }

  committed(): void {
    this.persons.committed();
  }

  rolledBack(): void {
    this.persons.clear();
    this.finance.clear();
    this.storedCitationSets.clear();
  }

  async prepare(batch: RecordedEvent[], reader: DataSource | EntityManager): Promise<BatchWriter> {
    const batchNumber = this.persons.nextBatch();
    const events: { recorded: RecordedEvent; domain: DomainEvent }[] = [];
    for (const e of batch) {
      if (!DOMAIN_TYPES.has(e.type)) continue;
      events.push({ recorded: e, domain: parseEvent(e.type, e.metadata.schemaVersion ?? 1, e.data) });
      if (events.length % YIELD_EVERY === 0) await yieldToIo();
    }
    if (events.length === 0) return async () => {};
    const ledgers = new Map<string, PersonLedger>();
    const toLoad = new Map<string, { municipality: string; personId: string }>();
    const municipalities = new Set<string>();
    for (const { recorded, domain } of events) {
      const municipality = recorded.metadata.municipality;
      if (!this.finance.has(municipality)) municipalities.add(municipality);
      if (isFinanceEvent(domain)) continue;
      const key = personKey(municipality, domain.data.personId);
      if (ledgers.has(key) || toLoad.has(key)) continue;
      const held = this.persons.take(key, batchNumber);
      if (held) ledgers.set(key, held);
      else toLoad.set(key, { municipality, personId: domain.data.personId });
    }
    for (const [key, ledger] of await loadPersonLedgers(reader, [...toLoad.values()])) {
      ledgers.set(key, ledger);
      this.persons.put(key, ledger, batchNumber);
    }
    for (const [municipality, books] of await loadMunicipalityFinance(reader, [...municipalities])) this.finance.set(municipality, books);
    const writes = new BatchWrites();
    let folded = 0;
    for (const { recorded, domain } of events) {
      if (++folded % YIELD_EVERY === 0) await yieldToIo();
      writes.startEvent();
      const books = this.finance.get(recorded.metadata.municipality)!;
      if (isFinanceEvent(domain)) {
        this.foldFinance(recorded, domain, books, writes);
        continue;
      }
      const ledger = ledgers.get(personKey(recorded.metadata.municipality, domain.data.personId))!;
      const before = writes.postings.length;
      this.fold(recorded, domain, ledger, books, writes);
      this.restateCaps(recorded, books, writes, writes.postingsSince(before));
    }
    const statements = await this.writesOf(reader, writes);
    return (tx) => runWrites(tx, statements);
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
    writes.postings.push({ posting, recorded, ordinal: writes.nextOrdinal(), relatesToClosedYear: null });
    writes.capComputations.push({ entry_id: posting.entryId, municipality: state.municipality, year: state.year, cap: state.cap, computation, recorded_at: posting.recordedAt });
  }

  private fold(recorded: RecordedEvent, event: PersonEvent, ledger: PersonLedger, books: MunicipalityFinance, writes: BatchWrites): void {
    const { municipality, recordedAt } = recorded.metadata;
    const eventId = recorded.id;
    const affected = (predicate: (item: StoredCostItem) => boolean) => [...ledger.items.values()].filter(predicate);
    switch (event.type) {
      case 'TargetGroupChanged': {
        const d = event.data;
        ledger.changes.push({ changeCommandId: d.changeCommandId, targetGroup: d.targetGroup, attributes: d.attributes, effectiveFrom: d.effectiveFrom, recordedAt, retractedAt: null });
        writes.changes.push({ municipality, recorded_at: recordedAt, event_id: eventId, change_command_id: d.changeCommandId, person_id: d.personId, target_group: d.targetGroup, attributes: d.attributes, effective_from: d.effectiveFrom, reason: d.reason });
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
          municipality,
          recorded_at: recordedAt,
          event_id: eventId,
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
        writes.items.push({ municipality, recorded_at: recordedAt, event_id: eventId, cost_item_id: item.costItemId, kind: 'expense', person_id: d.personId, offer_id: d.offerId, offer_kind: d.offerKind, expense_type: d.expenseType, amount_oere: d.amountOere, activity_from: d.activityFrom, activity_to: d.activityTo, invoice_ref: d.invoiceRef });
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
        writes.agreements.push({ municipality, recorded_at: recordedAt, event_id: eventId, agreement_id: d.agreementId, person_id: d.personId, offer_id: d.offerId, mentor_type: d.mentorType, mentor_kind: d.mentorKind, start_date: d.startDate, end_date: d.endDate });
        return;
      }
      case 'MentorHoursRecorded': {
        const d = event.data;
        const window = mentorRefundWindow(d);
        const item: StoredCostItem = {
          costItemId: mentorItemId(d.agreementId, recorded.id), personId: d.personId, offerId: d.offerId, municipality, offerKind: 'mentor',
          cost: { kind: 'mentor' }, amountOere: d.costOere, activityFrom: d.date, activityTo: d.date,
          mentorWindow: window, mentorAgreementStartDate: d.agreementStartDate, reversed: false,
        };
        ledger.items.set(item.costItemId, item);
        writes.items.push({
          municipality, recorded_at: recordedAt, event_id: eventId, cost_item_id: item.costItemId, kind: 'mentor', person_id: d.personId, offer_id: d.offerId, agreement_id: d.agreementId, offer_kind: 'mentor',
          amount_oere: d.costOere, activity_from: d.date, activity_to: d.date, mentor_window_from: window.from, mentor_window_to: window.to, agreement_start_date: d.agreementStartDate,
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
      writes.postings.push({ posting: p, recorded, ordinal: writes.nextOrdinal(), relatesToClosedYear: relatedClosedYear(p.activityFrom, p.activityTo, books.closedYears) });
    }
  }

  /** The batch's statements, one per table and kind, its rows already turned into text. */
  private async writesOf(reader: DataSource | EntityManager, w: BatchWrites): Promise<Write[]> {
    const capYears: Record<string, unknown>[] = [];
    for (const books of this.finance.values()) {
      for (const c of books.caps.values()) {
        if (!c.dirty) continue;
        capYears.push(capYearRow(c));
        c.dirty = false;
      }
    }
    // Citation lists not stored yet (by this projection, in these read models) go with the batch.
    const newSets: CitationSet[] = [];
    const citationsId = (citations: Posting['citations']) => {
      const set = citationSetOf(citations);
      if (!this.storedCitationSets.has(set.id)) {
        this.storedCitationSets.add(set.id);
        newSets.push(set);
      }
      return set.id;
    };
    const lines = await ledgerEntryLines(w.postings, citationsId);
    const statements = [
      await insertWrite(reader, 'target_group_change', w.changes),
      updateWrite('target_group_change', ['municipality', 'change_command_id'], w.retractions),
      await insertWrite(reader, 'offer_version', w.offerVersions),
      await insertWrite(reader, 'mentor_agreement', w.agreements),
      await insertWrite(reader, 'cost_item', w.items),
      updateWrite('cost_item', ['municipality', 'cost_item_id'], w.itemReversals),
      citationSetsWrite(newSets),
      copyWrite('ledger_entry', LEDGER_ENTRY_COLUMNS, lines),
      await insertWrite(reader, 'cap_parameters', w.capParameters),
      await insertWrite(reader, 'cap_computation', w.capComputations),
      await insertWrite(reader, 'accounting_year', w.closedYears),
      upsertWrite('cap_year', ['municipality', 'year', 'cap'], capYears),
    ];
    return statements.filter((x): x is Write => x !== null);
  }
}

/** New citation lists: inserted unless there (a restarted projector may have stored them before). */
function citationSetsWrite(sets: CitationSet[]): Write | null {
  if (sets.length === 0) return null;
  return {
    sql: 'INSERT INTO citation_set (id, citations) SELECT * FROM unnest($1::uuid[], $2::jsonb[]) ON CONFLICT (id) DO NOTHING',
    params: [sets.map((s) => s.id), sets.map((s) => s.json)],
  };
}

/** A posting to write: the posting, the event that caused it and its ordinal among that event's postings. */
interface PostingWrite {
  posting: Posting;
  recorded: RecordedEvent;
  ordinal: number;
  relatesToClosedYear: number | null;
}

const LEDGER_ENTRY_COLUMNS = [
  'entry_id', 'position', 'ordinal', 'kind', 'municipality', 'person_id', 'offer_id', 'cost_item_id', 'account', 'refund_account', 'target_group',
  'activity_from', 'activity_to', 'booking_period', 'amount_oere', 'refund_rate_bp', 'refund_oere', 'rule_id', 'citations_id', 'cap', 'unresolved',
  'caused_by_event', 'caused_by_command', 'reverses', 'recorded_at', 'caused_by_command_type', 'relates_to_closed_year',
] as const;

const NULL = '\\N';
const text = (v: string | null) => (v === null ? NULL : escapeCopy(v));
/** Values from closed vocabularies or validated dates: nothing to escape. */
const plain = (v: string | null) => (v === null ? NULL : v);
const num = (v: number | null) => (v === null ? NULL : String(v));
/** Accounts repeat endlessly: their JSON text, memoised by value. */
const accountJson = new Map<string, string>();
function account(a: Posting['account']): string {
  if (a === null) return NULL;
  const key = `${a.function}\u0000${a.dranst}\u0000${a.grouping}`;
  let json = accountJson.get(key);
  if (json === undefined) {
    json = copyValue({ function: a.function, dranst: a.dranst, grouping: a.grouping }, true);
    if (accountJson.size > 10_000) accountJson.clear();
    accountJson.set(key, json);
  }
  return json;
}

async function ledgerEntryLines(postings: PostingWrite[], citationsId: (citations: Posting['citations']) => string): Promise<string[]> {
  const lines = new Array<string>(postings.length);
  for (let i = 0; i < postings.length; i++) {
    lines[i] = ledgerEntryLine(postings[i], citationsId);
    if (i % (YIELD_EVERY * 10) === YIELD_EVERY * 10 - 1) await yieldToIo();
  }
  return lines;
}

/** Citation lists repeat endlessly: their id and JSON, memoised by value. */
const citationSets = new Map<string, CitationSet>();
function citationSetOf(cs: Posting['citations']): CitationSet {
  let key = '';
  for (const c of cs) key += `${c.source}\u0000${c.section}\u0000${c.note === undefined ? '\u0001' : `\u0002${c.note}`}\u0003`;
  let set = citationSets.get(key);
  if (set === undefined) {
    set = citationSetId(cs);
    if (citationSets.size > 10_000) citationSets.clear();
    citationSets.set(key, set);
  }
  return set;
}

/** The ledger_entry row of a posting in COPY text form, columns as LEDGER_ENTRY_COLUMNS. */
function ledgerEntryLine({ posting: p, recorded, ordinal, relatesToClosedYear }: PostingWrite, citationsId: (citations: Posting['citations']) => string): string {
  return [
    text(p.entryId),
    recorded.position.toString(),
    String(ordinal),
    plain(p.kind),
    text(p.municipality),
    text(p.personId),
    text(p.offerId),
    text(p.costItemId),
    account(p.account),
    account(p.refundAccount),
    plain(p.targetGroup),
    plain(p.activityFrom),
    plain(p.activityTo),
    plain(p.bookingPeriod),
    num(p.amountOere),
    num(p.refundRateBasisPoints),
    num(p.refundOere),
    text(p.ruleId),
    citationsId(p.citations),
    plain(p.cap),
    copyValue(p.unresolved, true),
    text(p.causedBy.eventId),
    text(p.causedBy.commandId),
    text(p.reverses),
    text(p.recordedAt),
    text(recorded.metadata.commandType ?? null),
    num(relatesToClosedYear),
  ].join('\t');
}
