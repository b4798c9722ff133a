import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every state a carve-out stood at against its period's costs (the costs, what they carry, the
 * deductions), by log position: an explanation shows the carve-out as it stood when its posting
 * was made, and a project as of an instant its carve-outs as they stood then.
 */
export class AdministrativeShareVersions1796137172557 implements MigrationInterface {
  name = 'AdministrativeShareVersions1796137172557';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE administrative_share_version (
        municipality  text        NOT NULL,
        project_id    text        NOT NULL,
        share_id      text        NOT NULL,
        position      bigint      NOT NULL,
        event_id      uuid        NOT NULL,
        recorded_at   timestamptz NOT NULL,
        state         jsonb       NOT NULL,
        PRIMARY KEY (municipality, project_id, share_id, position)
      );
      -- Carve-outs projected before: their present state, from their first posting on (a rebuild gives the history).
      INSERT INTO administrative_share_version
      SELECT p.municipality, p.project_id, c->>'shareId', first.position, first.caused_by_event,
             (c->>'recordedAt')::timestamptz, c
      FROM project p
      CROSS JOIN LATERAL jsonb_array_elements(p.state->'carveOuts') AS c
      CROSS JOIN LATERAL (
        SELECT e.position, e.caused_by_event FROM ledger_entry e
        WHERE e.municipality = p.municipality
          AND (e.cost_item_id = 'admin:' || p.project_id || ':' || (c->>'shareId')
               OR starts_with(e.cost_item_id, 'admin:' || p.project_id || ':' || (c->>'shareId') || ':'))
        ORDER BY e.position LIMIT 1
      ) AS first;
    `);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE administrative_share_version');
  }
}
