import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every posting keeps the rulebook version it was made under; rulebook_adoption lists the
 * RulebookAdopted events of the log (the version in force from each position on). Postings
 * written before were made under the version in force before any adoption (2026.12-2). One
 * adoption posts in many municipalities at one log position: a posting's ordinal is unique
 * within its event and municipality.
 */
export class RulebookVersions1796128160855 implements MigrationInterface {
  name = 'RulebookVersions1796128160855';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE ledger_entry ADD COLUMN rulebook_version text`);
    await runner.query(`UPDATE ledger_entry SET rulebook_version = '2026.12-2'`);
    await runner.query(
      `ALTER TABLE ledger_entry DROP CONSTRAINT ledger_entry_position_ordinal_key,
         ADD CONSTRAINT ledger_entry_position_municipality_ordinal_key UNIQUE (position, municipality, ordinal)`,
    );
    await runner.query(`
      CREATE TABLE rulebook_adoption (
        position bigint PRIMARY KEY,
        event_id text NOT NULL UNIQUE,
        version text NOT NULL UNIQUE,
        previous text NOT NULL,
        recorded_at timestamptz NOT NULL
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE rulebook_adoption');
    await runner.query(
      `ALTER TABLE ledger_entry DROP CONSTRAINT ledger_entry_position_municipality_ordinal_key,
         ADD CONSTRAINT ledger_entry_position_ordinal_key UNIQUE (position, ordinal)`,
    );
    await runner.query('ALTER TABLE ledger_entry DROP COLUMN rulebook_version');
  }
}
