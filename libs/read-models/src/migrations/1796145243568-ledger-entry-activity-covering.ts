import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The activity index carries every column a ledger summary over activity dates reads (the as-of
 * and booking-period filters, every grouping key, the sums), so that the summary of a
 * municipality-year is an index-only scan instead of a visit to every posting's row (where
 * vacuum has marked the pages all-visible, as autovacuum does soon after a rebuild). It replaces
 * the index on the same keys.
 */
export class LedgerEntryActivityCovering1796145243568 implements MigrationInterface {
  name = 'LedgerEntryActivityCovering1796145243568';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      DROP INDEX ledger_entry_activity;
      CREATE INDEX ledger_entry_activity ON ledger_entry (municipality, activity_to, activity_from)
        INCLUDE (recorded_at, account, target_group, booking_period, unresolved, amount_oere, refund_oere);
    `);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      DROP INDEX ledger_entry_activity;
      CREATE INDEX ledger_entry_activity ON ledger_entry (municipality, activity_to, activity_from);
    `);
  }
}
