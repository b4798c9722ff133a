import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An offer expense's cost item keeps the offer's bevillingsramme: some frames decide the refund
 * of the offer's costs (seed 002 section 4: frame 17 is the § 97 a scheme, 14 carries no refund,
 * 5, 6 and 12 are pools). Rows written before have none, as their events carried none.
 */
export class CostItemFundingFrame1732400000006 implements MigrationInterface {
  name = 'CostItemFundingFrame1732400000006';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE cost_item ADD COLUMN funding_frame text');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE cost_item DROP COLUMN funding_frame');
  }
}
