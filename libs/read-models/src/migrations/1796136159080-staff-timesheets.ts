import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bilag 2 timesheets: each timesheet's ledger state (its standing revision, the parts of the salary cost and the
 * postings of its administration part) as the ledger reads it back when a corrected revision arrives.
 */
export class StaffTimesheets1796136159080 implements MigrationInterface {
  name = 'StaffTimesheets1796136159080';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE staff_timesheet (
        municipality  text        NOT NULL,
        staff_id      text        NOT NULL,
        timesheet_id  text        NOT NULL,
        state         jsonb       NOT NULL,
        recorded_at   timestamptz NOT NULL,
        event_id      uuid        NOT NULL,
        position      bigint      NOT NULL,
        PRIMARY KEY (municipality, staff_id, timesheet_id)
      );
    `);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE staff_timesheet');
  }
}
