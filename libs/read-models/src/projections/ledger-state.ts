// What the ledger projection holds in memory for the persons a batch touches: their timeline
// changes, cost items and postings, loaded with one query per table for the persons that have
// anything stored (and kept across batches in a LedgerCache, ledger-cache.ts). The queries are
// named prepared statements (prepared-query.ts).
import { emptyPersonLedger, type OfferCarveOut, type PersonLedger } from '@app/ledger';
import type { PoolClient } from 'pg';
import { LEDGER_ENTRY_COLUMNS_WITH_CITATIONS, LEDGER_ENTRY_WITH_CITATIONS } from './citation-sets';
import { storedCostItemOf, type StoredCostItemRow } from './rows/cost-item.row';
import { rowToPosting } from './rows/ledger-entry.row';
import { changeRecordOf, type StoredChangeRow } from './rows/target-group-change.row';
import { preparedRows, withClient, type Reader } from './prepared-query';

export const personKey = (municipality: string, personId: string) => `${municipality}/${personId}`;

const PERSONS = `(municipality, person_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))`;

/**
 * Of the persons given, those with any of the rows readPersonLedgers reads: a person new to the
 * read models (most of those a live batch meets first) then costs one look-up instead of five.
 * Each person is looked up by the tables' person indexes, one table after the other until one has
 * a row (LATERAL … LIMIT 1): with EXISTS the planner may hash a whole table instead, and keep that
 * plan (a prepared statement's) while the table grows.
 */
const STORED_PERSONS = `SELECT k.municipality, k.person_id FROM unnest($1::text[], $2::text[]) AS k(municipality, person_id)
  CROSS JOIN LATERAL (
    SELECT 1 FROM target_group_change t WHERE t.municipality = k.municipality AND t.person_id = k.person_id
    UNION ALL SELECT 1 FROM cost_item c WHERE c.municipality = k.municipality AND c.person_id = k.person_id
    UNION ALL SELECT 1 FROM ledger_entry e WHERE e.municipality = k.municipality AND e.person_id = k.person_id
    UNION ALL SELECT 1 FROM offer_version o WHERE o.status = 'cancelled' AND o.municipality = k.municipality AND o.person_id = k.person_id
    UNION ALL SELECT 1 FROM administrative_share_version a WHERE a.municipality = k.municipality AND a.person_id = k.person_id
    LIMIT 1) AS stored`;

export async function loadPersonLedgers(
  reader: Reader,
  keys: { municipality: string; personId: string }[],
): Promise<Map<string, PersonLedger>> {
  const ledgers = new Map<string, PersonLedger>();
  for (const k of keys) ledgers.set(personKey(k.municipality, k.personId), emptyPersonLedger());
  if (keys.length === 0) return ledgers;
  return withClient(reader, async (client) => {
    const stored = await preparedRows<{ municipality: string; person_id: string }>(
      client,
      'ledger-stored-persons',
      STORED_PERSONS,
      [keys.map((k) => k.municipality), keys.map((k) => k.personId)],
    );
    if (stored.length === 0) return ledgers;
    await readPersonLedgers(client, ledgers, [
      stored.map((k) => k.municipality),
      stored.map((k) => k.person_id),
    ]);
    return ledgers;
  });
}

/** Reads the stored persons' rows into their (empty) ledgers, one query per table, one after the other on one connection. */
async function readPersonLedgers(
  client: PoolClient,
  ledgers: Map<string, PersonLedger>,
  params: [string[], string[]],
): Promise<void> {
  const changes = await preparedRows<StoredChangeRow>(
    client,
    'ledger-person-changes',
    `SELECT * FROM target_group_change WHERE ${PERSONS} ORDER BY recorded_at, event_id`,
    params,
  );
  const items = await preparedRows<StoredCostItemRow>(
    client,
    'ledger-person-items',
    `SELECT * FROM cost_item WHERE ${PERSONS} ORDER BY cost_item_id`,
    params,
  );
  const postings = await preparedRows<Record<string, unknown>>(
    client,
    'ledger-person-postings',
    `SELECT ${LEDGER_ENTRY_COLUMNS_WITH_CITATIONS} FROM ${LEDGER_ENTRY_WITH_CITATIONS} WHERE ${PERSONS} ORDER BY position, municipality, ordinal`,
    params,
  );
  const cancelled = await preparedRows<{
    municipality: string;
    person_id: string;
    offer_id: string;
    reason: string | null;
  }>(
    client,
    'ledger-person-cancelled-offers',
    `SELECT municipality, person_id, offer_id, reason FROM offer_version WHERE status = 'cancelled' AND ${PERSONS}`,
    params,
  );
  // In the order recorded (the first version's position: recordedAt ties within a batch), the order an offer's
  // carve-outs come out of its costs in; each in its last state.
  const carveOuts = await preparedRows<{
    municipality: string;
    person_id: string;
    state: OfferCarveOut;
    recorded: string;
  }>(
    client,
    'ledger-person-carve-outs',
    `SELECT DISTINCT ON (municipality, person_id, offer_id, share_id) municipality, person_id, state,
            (min(position) OVER (PARTITION BY municipality, person_id, offer_id, share_id))::text AS recorded
     FROM administrative_share_version WHERE person_id IS NOT NULL AND ${PERSONS}
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
}

/** How much a person's ledger holds (changes, items, postings), for the cache's budget. */
export const personLedgerSize = (l: PersonLedger) =>
  1 + l.changes.length + l.items.size + l.postings.length + l.cancelledOffers.size + l.offerCarveOuts.length;
