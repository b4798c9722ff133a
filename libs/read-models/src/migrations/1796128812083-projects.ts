import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Projects with shared costs: each project's ledger state (participants, expenses and the shares
 * they stand at, the postings of an expense no participant bears) as the ledger reads it back;
 * every share a participant was given, by log position, so an explanation shows the share a
 * posting was made from; and the project of a share's cost item.
 */
export class Projects1796128812083 implements MigrationInterface {
  name = 'Projects1796128812083';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE project (
        municipality  text        NOT NULL,
        project_id    text        NOT NULL,
        state         jsonb       NOT NULL,
        recorded_at   timestamptz NOT NULL,
        event_id      uuid        NOT NULL,
        position      bigint      NOT NULL,
        PRIMARY KEY (municipality, project_id)
      );
      CREATE TABLE project_share (
        municipality            text        NOT NULL,
        cost_item_id            text        NOT NULL,
        position                bigint      NOT NULL,
        event_id                uuid        NOT NULL,
        recorded_at             timestamptz NOT NULL,
        project_id              text        NOT NULL,
        expense_id              text        NOT NULL,
        offer_id                text        NOT NULL,
        person_id               text        NOT NULL,
        expense_amount_oere     bigint      NOT NULL,
        total_participant_days  integer     NOT NULL,
        participant_days        integer,
        days_before             integer,
        share_oere              bigint,
        share_from              date,
        share_to                date,
        PRIMARY KEY (municipality, cost_item_id, position)
      );
      ALTER TABLE cost_item ADD COLUMN project_id text;
    `);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(
      'DROP TABLE project_share; DROP TABLE project; ALTER TABLE cost_item DROP COLUMN project_id',
    );
  }
}
