import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * ledger_cause: the actor, reason and person of each event that posted (for "what changed"),
 * and an index to find the reversal of a posting (its reversedBy). Rows for postings made before
 * come from ledger_entry, with the actor unknown ('') and no reason, until a rebuild.
 */
export class LedgerCause1796127921187 implements MigrationInterface {
  name = 'LedgerCause1796127921187';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE ledger_cause (
        event_id     text        PRIMARY KEY,
        position     bigint      NOT NULL,
        municipality text        NOT NULL,
        command_id   text        NOT NULL,
        command_type text,
        actor        text        NOT NULL,
        reason       text,
        person_id    text,
        recorded_at  timestamptz NOT NULL
      );
      CREATE INDEX ledger_cause_recorded ON ledger_cause (municipality, recorded_at, position);
      INSERT INTO ledger_cause
        SELECT caused_by_event, min(position), municipality, caused_by_command,
               min(caused_by_command_type), '', NULL,
               CASE WHEN count(DISTINCT person_id) = 1 THEN min(person_id) END, min(recorded_at)
          FROM ledger_entry GROUP BY caused_by_event, caused_by_command, municipality;
      CREATE INDEX ledger_entry_reverses ON ledger_entry (municipality, reverses) WHERE reverses IS NOT NULL;
    `);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX ledger_entry_reverses; DROP TABLE ledger_cause');
  }
}
