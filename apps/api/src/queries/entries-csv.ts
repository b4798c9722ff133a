// Ledger postings as CSV (API.md "Queries" (2), `Accept: text/csv`): the fields of the JSON
// posting, one row each, the way Danish spreadsheets read them — UTF-8 with BOM, ';' between
// fields, decimal comma, CRLF, recorded times in Danish local time (as the statements show them) — written as the rows come
// from the database's cursor, so any number of postings streams in constant memory.
import { Readable } from 'node:stream';
import { danishLocalTimeOf } from '@app/domain';
import { csvCell, type ReadPosting } from '@app/read-models';
import type { Account } from '@app/rules';
import { entryJson } from './ledger-json';

type Entry = ReturnType<typeof entryJson>;

const accountText = (a: Account | null) => (a === null ? null : `${a.function}.${a.dranst}.${a.grouping}`);
const decimalComma = (v: string | null) => (v === null ? null : v.replace('.', ','));

/** The columns: header (the JSON field's name) and value. */
const COLUMNS: [string, (e: Entry) => string | number | null][] = [
  ['entryId', (e) => e.entryId],
  ['kind', (e) => e.kind],
  ['account', (e) => accountText(e.account)],
  ['refundAccount', (e) => accountText(e.refundAccount)],
  ['targetGroup', (e) => e.targetGroup],
  ['activityFrom', (e) => e.activityFrom],
  ['activityTo', (e) => e.activityTo],
  ['bookingPeriod', (e) => e.bookingPeriod],
  ['bookingDate', (e) => e.bookingDate],
  ['amount', (e) => decimalComma(e.amount)],
  ['refundRate', (e) => decimalComma(e.refundRate)],
  ['refundAmount', (e) => decimalComma(e.refundAmount)],
  ['ruleId', (e) => e.ruleId],
  ['citation', (e) => e.citation],
  ['cap', (e) => e.cap],
  ['unresolved', (e) => e.unresolved?.outcome ?? null],
  ['unresolvedReason', (e) => e.unresolved?.reason ?? null],
  ['causedByCommandId', (e) => e.causedBy.commandId],
  ['causedByEventId', (e) => e.causedBy.eventId],
  ['reverses', (e) => e.reverses],
  ['reversedBy', (e) => e.reversedBy],
  ['relatesToClosedYear', (e) => e.relatesToClosedYear],
  ['recordedAt', (e) => danishLocalTimeOf(e.recordedAt)],
  ['personId', (e) => e.personId],
  ['offerId', (e) => e.offerId],
  ['costItemId', (e) => e.costItemId],
  // Last, so that columns read by position before it was added keep their place.
  ['rulebookVersion', (e) => e.rulebookVersion],
];

export const ENTRIES_CSV_HEADER = COLUMNS.map(([header]) => header);

export function entryCsvLine(p: ReadPosting): string {
  const entry = entryJson(p);
  return COLUMNS.map(([, value]) => {
    const v = value(entry);
    return v === null ? '' : csvCell(String(v));
  }).join(';');
}

/** Lines per chunk written: fewer, larger writes than one per posting. */
const LINES_PER_CHUNK = 500;

/** The CSV of the postings, as a stream of UTF-8 chunks: BOM and header first. */
export function entriesCsv(postings: AsyncIterable<ReadPosting>): Readable {
  async function* chunks() {
    yield `\uFEFF${ENTRIES_CSV_HEADER.join(';')}\r\n`;
    let lines: string[] = [];
    for await (const p of postings) {
      lines.push(entryCsvLine(p));
      if (lines.length === LINES_PER_CHUNK) {
        yield `${lines.join('\r\n')}\r\n`;
        lines = [];
      }
    }
    if (lines.length) yield `${lines.join('\r\n')}\r\n`;
  }
  return Readable.from(chunks(), { objectMode: false });
}
