// What the ledger projection holds in memory for the persons a batch touches: their timeline
// changes, cost items and postings, loaded with one query per table (and kept across batches in
// a LedgerCache, ledger-cache.ts).
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

/** How much a person's ledger holds (changes, items, postings), for the cache's budget. */
export const personLedgerSize = (l: PersonLedger) =>
  1 + l.changes.length + l.items.size + l.postings.length + l.cancelledOffers.size + l.offerCarveOuts.length;
