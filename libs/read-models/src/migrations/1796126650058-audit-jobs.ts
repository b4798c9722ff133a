import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Audit jobs (API.md "Audit jobs") kept in the database, so that a job and its dated verdict
 * outlive the api process that ran it. `until` is the caller's instant or log position as sent;
 * `progress` and `result` are the job document's fields of the same names.
 */
export class AuditJobs1796126650058 implements MigrationInterface {
  name = 'AuditJobs1796126650058';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE audit_job (
        job_id       uuid        PRIMARY KEY,
        municipality text        NOT NULL,
        until        text        NOT NULL,
        status       text        NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
        created_at   timestamptz NOT NULL,
        started_at   timestamptz,
        finished_at  timestamptz,
        progress     jsonb       NOT NULL,
        result       jsonb,
        error        text
      );
      CREATE INDEX audit_job_unfinished ON audit_job (created_at) WHERE status IN ('queued', 'running');
    `);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE audit_job');
  }
}
