import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A cause is keyed by where the changes query finds it — its municipality, instant and log
 * position (an event's municipality and instant follow from its position; an adoption's copies
 * share a position, one per municipality) — instead of by its event's id as text with an index of
 * its own beside: one index fewer to keep and for a rebuild to build, and no id as text in every
 * row. Its command id is stored as a uuid, as ledger_entry stores it.
 */
export class LedgerCauseKeyedByPosition1796182880005 implements MigrationInterface {
  name = 'LedgerCauseKeyedByPosition1796182880005';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE ledger_cause DROP CONSTRAINT ledger_cause_pkey;
      DROP INDEX ledger_cause_recorded;
      ALTER TABLE ledger_cause DROP COLUMN event_id, ALTER COLUMN command_id TYPE uuid USING command_id::uuid;
      ALTER TABLE ledger_cause ADD CONSTRAINT ledger_cause_pkey PRIMARY KEY (municipality, recorded_at, position);
    `);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE ledger_cause DROP CONSTRAINT ledger_cause_pkey;
      ALTER TABLE ledger_cause ADD COLUMN event_id text, ALTER COLUMN command_id TYPE text;
      UPDATE ledger_cause c SET event_id = e.caused_by_event::text
        FROM (SELECT DISTINCT position, municipality, caused_by_event FROM ledger_entry) e
        WHERE e.position = c.position AND e.municipality = c.municipality;
      ALTER TABLE ledger_cause ALTER COLUMN event_id SET NOT NULL, ADD PRIMARY KEY (event_id);
      CREATE INDEX ledger_cause_recorded ON ledger_cause (municipality, recorded_at, position);
    `);
  }
}
