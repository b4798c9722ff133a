import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The cancelled offers of the persons a batch loads: the ledger reverses a cost of one that arrives after the cancellation. */
export class OfferVersionCancelled1796145097095 implements MigrationInterface {
  name = 'OfferVersionCancelled1796145097095';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE INDEX offer_version_cancelled ON offer_version (municipality, person_id) WHERE status = 'cancelled'`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX offer_version_cancelled');
  }
}
