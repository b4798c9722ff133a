import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A posting keeps the municipality's booking date its causing command gave (an expense's
 * bookingDate); postings booked when recorded have none (their booking date is the day recorded).
 */
export class LedgerEntryBookingDate1796126778153 implements MigrationInterface {
  name = 'LedgerEntryBookingDate1796126778153';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE ledger_entry ADD COLUMN booking_date date');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE ledger_entry DROP COLUMN booking_date');
  }
}
