// ledger_entry: the immutable postings, written as COPY text straight from the posting (the
// table the projection writes most), and read back into postings.
import type { LedgerPosting, Posting } from '@app/ledger';
import { copyValue as storeCopyValue, escapeCopy as storeEscapeCopy } from '@app/event-store';
import { tableColumns } from '../sql-rows';
import { iso, type SourceEvent } from './event-row';

/** The columns of ledger_entry, in the order ledgerEntryLine writes them (citations by reference: citation_set). */
export const LEDGER_ENTRY = tableColumns<Record<string, unknown>>('ledger_entry', [
  'entry_id',
  'position',
  'ordinal',
  'kind',
  'municipality',
  'person_id',
  'offer_id',
  'cost_item_id',
  'account',
  'refund_account',
  'target_group',
  'activity_from',
  'activity_to',
  'booking_period',
  'amount_oere',
  'refund_rate_bp',
  'refund_oere',
  'rule_id',
  'citations_id',
  'cap',
  'unresolved',
  'caused_by_event',
  'caused_by_command',
  'reverses',
  'recorded_at',
  'caused_by_command_type',
  'relates_to_closed_year',
  'booking_date',
  'rulebook_version',
]);

// Bound once: called for every column of every posting, and each call through the library's
// compiled index would go through its re-export getter.
const copyValue = storeCopyValue;
const escapeCopy = storeEscapeCopy;

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

/** The ledger_entry row of a posting in COPY text form; `ordinal` is its place among its event's postings. */
export function ledgerEntryLine(
  { posting: p, relatesToClosedYear }: LedgerPosting,
  e: SourceEvent,
  ordinal: number,
  citationsId: string,
): string {
  return [
    text(p.entryId),
    e.position.toString(),
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
    citationsId,
    plain(p.cap),
    copyValue(p.unresolved, true),
    text(p.causedBy.eventId),
    text(p.causedBy.commandId),
    text(p.reverses),
    text(p.recordedAt),
    text(e.metadata.commandType ?? null),
    num(relatesToClosedYear),
    plain(p.bookingDate ?? null),
    text(p.rulebookVersion),
  ].join('\t');
}

/** A ledger_entry row joined with its citations (LEDGER_ENTRY_WITH_CITATIONS) as a posting. */
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
    rulebookVersion: r.rulebook_version as string | null,
  };
  if (r.relates_to_closed_year !== null && r.relates_to_closed_year !== undefined)
    posting.relatesToClosedYear = Number(r.relates_to_closed_year);
  if (r.booking_date !== null && r.booking_date !== undefined) posting.bookingDate = r.booking_date as string;
  return posting;
}

/** A posting as the queries answer it: with the reversal that reverses it, if one was recorded by then. */
export type ReadPosting = Posting & { reversedBy: string | null };

/**
 * The column reversed_by of a query of ledger_entry, as of the instant the parameter `asOf` (e.g. '$3') holds.
 * Only originals and rebookings are ever reversed, each by a reversal of its own cost item: the
 * reversal is looked for among the item's few postings (ledger_entry_cost_item), and not at all
 * for the other kinds (a cap's adjustments share one item per year).
 */
export const reversedByColumn = (asOf: string) =>
  `(SELECT r.entry_id FROM ledger_entry r WHERE ledger_entry.kind IN ('original', 'rebooking') AND r.cost_item_id = ledger_entry.cost_item_id AND r.municipality = ledger_entry.municipality AND r.reverses = ledger_entry.entry_id AND r.recorded_at <= ${asOf} LIMIT 1) AS reversed_by`;

export function rowToReadPosting(r: Record<string, unknown>): ReadPosting {
  return { ...rowToPosting(r), reversedBy: (r.reversed_by as string | null) ?? null };
}
