// ledger_total: the postings summed per municipality, UTC day recorded and every key a summary
// filters or groups by, so that a summary adds up a row per key and day instead of reading every
// posting. The projection adds each batch's postings in the transaction that writes them; a bulk
// load sums them all once at its end.
import type { Posting } from '@app/ledger';
import type { DataSource } from 'typeorm';
import type { Write } from '../sql-rows';

/** The key of a total: every column but the sums. */
export const LEDGER_TOTAL_KEY = [
  'municipality',
  'activity_to',
  'activity_from',
  'recorded_on',
  'account',
  'target_group',
  'booking_period',
  'kind',
  'unresolved',
] as const;

interface LedgerTotalRow {
  municipality: string;
  activity_to: string;
  activity_from: string;
  recorded_on: string;
  account: Posting['account'];
  target_group: string | null;
  booking_period: string;
  kind: string;
  unresolved: Posting['unresolved'];
  entries: number;
  amount_oere: number;
  refund_oere: number;
}

const KEY = LEDGER_TOTAL_KEY.join(', ');
// Grouped again in SQL: keys the batch kept apart (equal values in different objects) must land
// in one row, and ON CONFLICT may touch a row once per statement.
const UPSERT = `INSERT INTO ledger_total (${KEY}, entries, amount_oere, refund_oere)
  SELECT ${KEY}, sum(entries), sum(amount_oere), sum(refund_oere)
  FROM jsonb_populate_recordset(null::ledger_total, $1::jsonb) GROUP BY ${KEY}
  ON CONFLICT (${KEY}) DO UPDATE SET entries = ledger_total.entries + excluded.entries,
    amount_oere = ledger_total.amount_oere + excluded.amount_oere,
    refund_oere = ledger_total.refund_oere + excluded.refund_oere`;

/**
 * Every posting summed at once, in key order (a summary's rows lie together): how a bulk load
 * fills the totals once its postings are written, instead of adding each batch's to them.
 */
export async function sumAllPostings(db: DataSource): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(`SET LOCAL work_mem = '256MB'`); // the groups in memory: one pass over the postings
    await tx.query(
      `INSERT INTO ledger_total (${KEY}, entries, amount_oere, refund_oere)
       SELECT municipality, activity_to, activity_from, (recorded_at AT TIME ZONE 'UTC')::date, account, target_group,
              booking_period, kind, unresolved, count(*), sum(amount_oere), coalesce(sum(refund_oere), 0)
       FROM ledger_entry GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9`,
    );
  });
  await db.query('ANALYZE ledger_total');
}

/** A batch's postings summed by total key. */
export class LedgerTotals {
  private readonly rows = new Map<string, LedgerTotalRow>();
  /** Accounts and unresolved outcomes are shared objects (canonical copies): keyed by identity. */
  private readonly ids = new Map<object, number>();
  private recordedAt = '';
  private day = '';

  add(p: Posting): void {
    if (p.recordedAt !== this.recordedAt) {
      this.recordedAt = p.recordedAt;
      this.day = new Date(p.recordedAt).toISOString().slice(0, 10);
    }
    const key = `${p.municipality}\t${this.day}\t${p.activityFrom}\t${p.activityTo}\t${this.idOf(p.account)}\t${p.targetGroup === null ? '' : `=${p.targetGroup}`}\t${p.bookingPeriod}\t${p.kind}\t${this.idOf(p.unresolved)}`;
    const row = this.rows.get(key);
    if (row) {
      row.entries += 1;
      row.amount_oere += p.amountOere;
      row.refund_oere += p.refundOere ?? 0;
      return;
    }
    this.rows.set(key, {
      municipality: p.municipality,
      activity_to: p.activityTo,
      activity_from: p.activityFrom,
      recorded_on: this.day,
      account: p.account,
      target_group: p.targetGroup,
      booking_period: p.bookingPeriod,
      kind: p.kind,
      unresolved: p.unresolved,
      entries: 1,
      amount_oere: p.amountOere,
      refund_oere: p.refundOere ?? 0,
    });
  }

  write(): Write | null {
    if (this.rows.size === 0) return null;
    return { sql: UPSERT, params: [JSON.stringify([...this.rows.values()])] };
  }

  private idOf(value: object | null): number {
    if (value === null) return 0;
    let id = this.ids.get(value);
    if (id === undefined) this.ids.set(value, (id = this.ids.size + 1));
    return id;
  }
}
