import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A posting's id, and the id of the posting it reverses, compare byte by byte (collation "C"):
 * they are identifiers, never sorted for a reader, and compared only with each other and with
 * ids given. Under the database's default collation every comparison went through the C
 * library's collation and a sort could not compare abbreviated keys — the largest index a
 * rebuild builds (ledger_entry_pkey) sorted twice as slowly. Equality is the same in both.
 */
export class EntryIdsCompareBytes1796184368921 implements MigrationInterface {
  name = 'EntryIdsCompareBytes1796184368921';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `ALTER TABLE ledger_entry ALTER COLUMN entry_id TYPE text COLLATE "C", ALTER COLUMN reverses TYPE text COLLATE "C"`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(
      `ALTER TABLE ledger_entry ALTER COLUMN entry_id TYPE text COLLATE "default", ALTER COLUMN reverses TYPE text COLLATE "default"`,
    );
  }
}
