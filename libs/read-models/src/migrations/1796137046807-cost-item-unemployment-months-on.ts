import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An offer expense's cost item keeps the day its months of unemployment are read on, when the expense asked for the
 * offer's start date (RecordOfferExpense.unemploymentMonthsAt 'offer_start'): re-judging the item after a reload must
 * read them there again. Rows written before have none, as their events carried none.
 */
export class CostItemUnemploymentMonthsOn1796137046807 implements MigrationInterface {
  name = 'CostItemUnemploymentMonthsOn1796137046807';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE cost_item ADD COLUMN unemployment_months_on date');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE cost_item DROP COLUMN unemployment_months_on');
  }
}
