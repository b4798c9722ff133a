import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The postings' totals per municipality, UTC day recorded and every key a summary filters or
 * groups by (ledger-total.row.ts), filled from the postings already projected: a summary over
 * them adds up those totals and reads only the postings of its own day. The activity index goes
 * back to its keys alone, as no summary reads the postings' sums from it any more.
 */
export class LedgerTotals1796169475128 implements MigrationInterface {
  name = 'LedgerTotals1796169475128';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE ledger_total (
        municipality   text    NOT NULL,
        activity_to    date    NOT NULL,
        activity_from  date    NOT NULL,
        recorded_on    date    NOT NULL,
        account        jsonb,
        target_group   text,
        booking_period text    NOT NULL,
        kind           text    NOT NULL,
        unresolved     jsonb,
        entries        integer NOT NULL,
        amount_oere    bigint  NOT NULL,
        refund_oere    bigint  NOT NULL,
        CONSTRAINT ledger_total_key UNIQUE NULLS NOT DISTINCT
          (municipality, activity_to, activity_from, recorded_on, account, target_group, booking_period, kind, unresolved)
      );
      INSERT INTO ledger_total
        SELECT municipality, activity_to, activity_from, (recorded_at AT TIME ZONE 'UTC')::date, account,
               target_group, booking_period, kind, unresolved, count(*), sum(amount_oere), coalesce(sum(refund_oere), 0)
        FROM ledger_entry GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;
      DROP INDEX ledger_entry_activity;
      CREATE INDEX ledger_entry_activity ON ledger_entry (municipality, activity_to, activity_from);
    `);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      DROP INDEX ledger_entry_activity;
      CREATE INDEX ledger_entry_activity ON ledger_entry (municipality, activity_to, activity_from)
        INCLUDE (recorded_at, account, target_group, booking_period, unresolved, amount_oere, refund_oere);
      DROP TABLE ledger_total;
    `);
  }
}
