import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The reversal of a posting is found among its cost item's postings (ledger_entry_cost_item: a
 * reversal books the cost item of the posting it reverses, and an item has a few postings) instead
 * of through an index of its own, which every write of postings kept and every rebuild built.
 */
export class ReversalByCostItem1796165336090 implements MigrationInterface {
  name = 'ReversalByCostItem1796165336090';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX ledger_entry_reverses');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(
      'CREATE INDEX ledger_entry_reverses ON ledger_entry (municipality, reverses) WHERE reverses IS NOT NULL',
    );
  }
}
