// What the ledger projection holds in memory for the persons a batch touches: their timeline
// changes, cost items and postings, loaded with one query per table — and kept across batches
// (PersonLedgerCache), so a person seen in recent batches is not read back.
import { emptyPersonLedger, type OfferCarveOut, type PersonLedger } from '@app/ledger';
import type { EntityManager } from 'typeorm';
import { LEDGER_ENTRY_COLUMNS_WITH_CITATIONS, LEDGER_ENTRY_WITH_CITATIONS } from './citation-sets';
import { storedCostItemOf, type StoredCostItemRow } from './rows/cost-item.row';
import { rowToPosting } from './rows/ledger-entry.row';
import { changeRecordOf, type StoredChangeRow } from './rows/target-group-change.row';

export const personKey = (municipality: string, personId: string) => `${municipality}/${personId}`;

/** Anything that runs a query: a data source, or a transaction's entity manager. */
type Reader = Pick<EntityManager, 'query'>;

export async function loadPersonLedgers(
  tx: Reader,
  keys: { municipality: string; personId: string }[],
): Promise<Map<string, PersonLedger>> {
  const ledgers = new Map<string, PersonLedger>();
  for (const k of keys) ledgers.set(personKey(k.municipality, k.personId), emptyPersonLedger());
  if (keys.length === 0) return ledgers;
  const params = [keys.map((k) => k.municipality), keys.map((k) => k.personId)];
  const persons = `(municipality, person_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))`;
  // One connection (the batch's transaction): the queries run one after the other.
  const changes: StoredChangeRow[] = await tx.query(
    `SELECT * FROM target_group_change WHERE ${persons} ORDER BY recorded_at, event_id`,
    params,
  );
  const items: StoredCostItemRow[] = await tx.query(
    `SELECT * FROM cost_item WHERE ${persons} ORDER BY cost_item_id`,
    params,
  );
  const postings: Record<string, unknown>[] = await tx.query(
    `SELECT ${LEDGER_ENTRY_COLUMNS_WITH_CITATIONS} FROM ${LEDGER_ENTRY_WITH_CITATIONS} WHERE ${persons} ORDER BY position, municipality, ordinal`,
    params,
  );
  const cancelled: { municipality: string; person_id: string; offer_id: string; reason: string | null }[] =
    await tx.query(
      `SELECT municipality, person_id, offer_id, reason FROM offer_version WHERE status = 'cancelled' AND ${persons}`,
      params,
    );
  // In the order recorded (the first version's position: recordedAt ties within a batch), the order an offer's
  // carve-outs come out of its costs in; each in its last state.
  const carveOuts: { municipality: string; person_id: string; state: OfferCarveOut; recorded: string }[] =
    await tx.query(
      `SELECT DISTINCT ON (municipality, person_id, offer_id, share_id) municipality, person_id, state,
              (min(position) OVER (PARTITION BY municipality, person_id, offer_id, share_id))::text AS recorded
       FROM administrative_share_version WHERE person_id IS NOT NULL AND ${persons}
       ORDER BY municipality, person_id, offer_id, share_id, position DESC`,
      params,
    );
  for (const c of changes)
    ledgers.get(personKey(c.municipality, c.person_id))!.changes.push(changeRecordOf(c));
  for (const i of items)
    ledgers.get(personKey(i.municipality, i.person_id))!.items.set(i.cost_item_id, storedCostItemOf(i));
  for (const c of cancelled)
    ledgers.get(personKey(c.municipality, c.person_id))!.cancelledOffers.set(c.offer_id, c.reason ?? '');
  carveOuts.sort((a, b) =>
    BigInt(a.recorded) < BigInt(b.recorded) ? -1 : a.recorded === b.recorded ? 0 : 1,
  );
  for (const c of carveOuts)
    ledgers.get(personKey(c.municipality, c.person_id))!.offerCarveOuts.push(c.state);
  for (const p of postings)
    ledgers.get(personKey(p.municipality as string, p.person_id as string))!.postings.push(rowToPosting(p));
  return ledgers;
}

/** How much a person's ledger holds, for the cache's budget. */
const sizeOf = (l: PersonLedger) =>
  1 + l.changes.length + l.items.size + l.postings.length + l.cancelledOffers.size + l.offerCarveOuts.length;

/**
 * The person ledgers of recent batches, least recently used first. Entries a batch touched stay
 * until that batch committed; then the least recently used go while more than `budget` changes,
 * items and postings are held. A rollback empties it.
 */
export class PersonLedgerCache {
  private readonly entries = new Map<string, { ledger: PersonLedger; batch: number }>();
  private prepared = 0;
  private committedThrough = 0;
  /** From startingEmpty() until a rollback: every key put since, evicted or not. */
  private everPut: Set<string> | null = null;

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
    this.everPut?.add(key);
  }

  /**
   * No person's ledger is stored yet and only the ledgers put here will be written: from now on
   * a person never put has nothing stored (knownEmpty).
   */
  startingEmpty(): void {
    this.everPut = new Set();
  }

  /** Whether the person's stored ledger is known to be empty, so there is nothing to read. */
  knownEmpty(key: string): boolean {
    return this.everPut !== null && !this.everPut.has(key);
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
    this.everPut = null;
  }
}
