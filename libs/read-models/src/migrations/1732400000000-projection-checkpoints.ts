import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ProjectionCheckpoints1732400000000 implements MigrationInterface {
  name = 'ProjectionCheckpoints1732400000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE projection_checkpoint (
        name        text PRIMARY KEY,
        position    bigint NOT NULL,
        recorded_at timestamptz,
        updated_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE TABLE event_type_count (type text PRIMARY KEY, count bigint NOT NULL)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE event_type_count');
    await runner.query('DROP TABLE projection_checkpoint');
  }
}
