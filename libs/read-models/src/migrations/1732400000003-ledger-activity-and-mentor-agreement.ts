import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The as-of summary of a municipality's activity year (activity_to ≥ year start, activity_from
 * ≤ year end) reads its postings through an index instead of the whole ledger; mentor cost items
 * keep the agreement's start date (the person's target group on it decides the mentor refund
 * after a move from jobafklaring into a job or education). Rows written before this migration
 * have no start date; their refundable window starts on it (mentor_window_from).
 */
export class LedgerActivityAndMentorAgreement1732400000003 implements MigrationInterface {
  name = 'LedgerActivityAndMentorAgreement1732400000003';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE INDEX ledger_entry_activity ON ledger_entry (municipality, activity_to, activity_from);
      ALTER TABLE cost_item ADD COLUMN agreement_start_date date;
    `);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE cost_item DROP COLUMN agreement_start_date;
      DROP INDEX ledger_entry_activity;
    `);
  }
}
