// What the ledger projection holds in memory for the persons a batch touches: their timeline
// changes, cost items and postings, loaded with one query per table — and kept across batches
// (PersonLedgerCache), so a person seen in recent batches is not read back.
import type { CostItem, Posting, TargetGroupChangeRecord } from '@app/ledger';
import type { EntityManager } from 'typeorm';
import { LEDGER_ENTRY_COLUMNS_WITH_CITATIONS, LEDGER_ENTRY_WITH_CITATIONS } from './citation-sets';

export interface StoredCostItem extends CostItem {
  reversed: boolean;
}

export interface PersonLedger {
  changes: TargetGroupChangeRecord[];
  items: Map<string, StoredCostItem>;
  postings: Posting[];
}

export const personKey = (municipality: string, personId: string) => `${municipality}/${personId}`;

const iso = (value: Date | string) => (value instanceof Date ? value.toISOString() : value);

interface ChangeRow {
  municipality: string;
  person_id: string;
  change_command_id: string;
  target_group: TargetGroupChangeRecord['targetGroup'];
  attributes: TargetGroupChangeRecord['attributes'];
  effective_from: string;
  recorded_at: Date;
  retracted_at: Date | null;
}

interface ItemRow {
  municipality: string;
  person_id: string;
  cost_item_id: string;
  kind: 'expense' | 'mentor';
  offer_id: string | null;
  offer_kind: CostItem['offerKind'];
  expense_type: string | null;
  amount_oere: string;
  activity_from: string;
  activity_to: string;
  mentor_window_from: string | null;
  mentor_window_to: string | null;
  agreement_start_date: string | null;
  reversed_at: Date | null;
}

export function rowToPosting(r: Record<string, unknown>): Posting {
  const posting: Posting = {
    entryId: r.entry_id as string,
    kind: r.kind as Posting['kind'],
    costItemId: r.cost_item_id as string,
    personId: r.person_id as string,
    offerId: r.offer_id as string | null,
    municipality: r.municipality as string,
    account: r.account as Posting['account'],
    refundAccount: r.refund_account as Posting['refundAccount'],
    targetGroup: r.target_group as Posting['targetGroup'],
    activityFrom: r.activity_from as string,
    activityTo: r.activity_to as string,
    bookingPeriod: r.booking_period as string,
    amountOere: Number(r.amount_oere),
    refundRateBasisPoints: r.refund_rate_bp as number | null,
    refundOere: r.refund_oere === null ? null : Number(r.refund_oere),
    ruleId: r.rule_id as string | null,
    citations: r.citations as Posting['citations'],
    cap: r.cap as Posting['cap'],
    unresolved: r.unresolved as Posting['unresolved'],
    causedBy: { eventId: r.caused_by_event as string, commandId: r.caused_by_command as string },
    reverses: r.reverses as string | null,
    recordedAt: iso(r.recorded_at as Date),
  };
  if (r.relates_to_closed_year !== null && r.relates_to_closed_year !== undefined) posting.relatesToClosedYear = Number(r.relates_to_closed_year);
  return posting;
}

/** Anything that runs a query: a data source, or a transaction's entity manager. */
type Reader = Pick<EntityManager, 'query'>;

export async function loadPersonLedgers(tx: Reader, keys: { municipality: string; personId: string }[]): Promise<Map<string, PersonLedger>> {
  const ledgers = new Map<string, PersonLedger>();
  for (const k of keys) ledgers.set(personKey(k.municipality, k.personId), { changes: [], items: new Map(), postings: [] });
  if (keys.length === 0) return ledgers;
  const params = [keys.map((k) => k.municipality), keys.map((k) => k.personId)];
  const persons = `(municipality, person_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))`;
  // One connection (the batch's transaction): the queries run one after the other.
  const changes: ChangeRow[] = await tx.query(`SELECT * FROM target_group_change WHERE ${persons} ORDER BY recorded_at, event_id`, params);
  const items: ItemRow[] = await tx.query(`SELECT * FROM cost_item WHERE ${persons} ORDER BY cost_item_id`, params);
  const postings: Record<string, unknown>[] = await tx.query(
    `SELECT ${LEDGER_ENTRY_COLUMNS_WITH_CITATIONS} FROM ${LEDGER_ENTRY_WITH_CITATIONS} WHERE ${persons} ORDER BY position, ordinal`,
    params,
  );
  for (const c of changes) {
    ledgers.get(personKey(c.municipality, c.person_id))!.changes.push({
      changeCommandId: c.change_command_id,
      targetGroup: c.target_group,
      attributes: c.attributes,
      effectiveFrom: c.effective_from,
      recordedAt: iso(c.recorded_at),
      retractedAt: c.retracted_at ? iso(c.retracted_at) : null,
    });
  }
  for (const i of items) {
    ledgers.get(personKey(i.municipality, i.person_id))!.items.set(i.cost_item_id, {
      costItemId: i.cost_item_id,
      personId: i.person_id,
      offerId: i.offer_id,
      municipality: i.municipality,
      offerKind: i.offer_kind,
      cost: i.kind === 'mentor' ? { kind: 'mentor' } : { kind: 'expense', expenseType: i.expense_type as never },
      amountOere: Number(i.amount_oere),
      activityFrom: i.activity_from,
      activityTo: i.activity_to,
      mentorWindow: i.mentor_window_from ? { from: i.mentor_window_from, to: i.mentor_window_to! } : null,
      // Rows from before the column have none; their window starts on the agreement's start (mentorRefundWindow).
      mentorAgreementStartDate: i.kind === 'mentor' ? (i.agreement_start_date ?? i.mentor_window_from) : null,
      reversed: i.reversed_at !== null,
    });
  }
  for (const p of postings) ledgers.get(personKey(p.municipality as string, p.person_id as string))!.postings.push(rowToPosting(p));
  return ledgers;
}

/** How much a person's ledger holds, for the cache's budget. */
const sizeOf = (l: PersonLedger) => 1 + l.changes.length + l.items.size + l.postings.length;

/**
 * The person ledgers of recent batches, least recently used first. Entries a batch touched stay
 * until that batch committed; then the least recently used go while more than `budget` changes,
 * items and postings are held. A rollback empties it.
 */
export class PersonLedgerCache {
  private readonly entries = new Map<string, { ledger: PersonLedger; batch: number }>();
  private prepared = 0;
  private committedThrough = 0;

  constructor(private readonly budget: number) {}

  /** Starts the next batch; returns its number. */
  nextBatch(): number {
    return ++this.prepared;
  }

  /** The ledger, marked as used by `batch` (or undefined: read it and put it). */
  take(key: string, batch: number): PersonLedger | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    entry.batch = batch;
    this.entries.set(key, entry);
    return entry.ledger;
  }

  put(key: string, ledger: PersonLedger, batch: number): void {
    this.entries.delete(key);
    this.entries.set(key, { ledger, batch });
  }

  /** The oldest uncommitted batch committed: evict down to the budget. */
  committed(): void {
    this.committedThrough = Math.min(this.committedThrough + 1, this.prepared);
    let held = 0;
    for (const { ledger } of this.entries.values()) held += sizeOf(ledger);
    for (const [key, entry] of this.entries) {
      if (held <= this.budget || entry.batch > this.committedThrough) break;
      held -= sizeOf(entry.ledger);
      this.entries.delete(key);
    }
  }

  clear(): void {
    this.entries.clear();
    this.committedThrough = this.prepared;
  }
}
