import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Progress per municipality, parked events and the operators' decisions on them.
 *
 * - municipality_checkpoint: every event of the municipality at or before `position` is applied
 *   (or skipped by a recorded decision); null: none yet. `_global` holds events without one.
 * - projection_checkpoint keeps one row per projector worker, named `worker i of n`: how far
 *   that worker has read the log. A municipality without a row of its own has no events at or
 *   before the lowest of them.
 * - parked_event: the one event a municipality is parked at (it could not be applied); its
 *   later events wait until an operator resumes or skips it (projector_decision).
 */
export class MunicipalityCheckpoints1732400000005 implements MigrationInterface {
  name = 'MunicipalityCheckpoints1732400000005';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      UPDATE projection_checkpoint SET name = 'worker 1 of 1' WHERE name = 'main';
      CREATE TABLE municipality_checkpoint (
        municipality text PRIMARY KEY,
        position     bigint,
        recorded_at  timestamptz,
        updated_at   timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE parked_event (
        municipality text        PRIMARY KEY,
        position     bigint      NOT NULL,
        event_id     text        NOT NULL,
        event_type   text        NOT NULL,
        stream       text        NOT NULL,
        error        text        NOT NULL,
        parked_at    timestamptz NOT NULL DEFAULT now(),
        held_events  bigint      NOT NULL DEFAULT 0
      );
      CREATE TABLE projector_decision (
        event_id        text        PRIMARY KEY,
        position        bigint      NOT NULL,
        decision        text        NOT NULL,
        municipality    text        NOT NULL,
        parked_event_id text        NOT NULL,
        parked_position bigint      NOT NULL,
        reason          text,
        actor           text        NOT NULL,
        recorded_at     timestamptz NOT NULL
      );
    `);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      DROP TABLE projector_decision, parked_event, municipality_checkpoint;
      UPDATE projection_checkpoint SET name = 'main' WHERE name = 'worker 1 of 1';
    `);
  }
}
