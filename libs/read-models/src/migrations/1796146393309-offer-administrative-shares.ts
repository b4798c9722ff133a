import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Carve-outs of an offer outside a project: their versions name the offer and its person instead of a project, and
 * the person's carve-outs are read back with the person's ledger.
 */
export class OfferAdministrativeShares1796146393309 implements MigrationInterface {
  name = 'OfferAdministrativeShares1796146393309';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE administrative_share_version
        ADD COLUMN offer_id text,
        ADD COLUMN person_id text,
        DROP CONSTRAINT administrative_share_version_pkey,
        ALTER COLUMN project_id DROP NOT NULL,
        ADD CONSTRAINT administrative_share_version_of_one CHECK ((project_id IS NULL) <> (offer_id IS NULL));
      CREATE UNIQUE INDEX administrative_share_version_key ON administrative_share_version
        (municipality, coalesce(project_id, ''), coalesce(offer_id, ''), share_id, position);
      CREATE INDEX administrative_share_version_person ON administrative_share_version
        (municipality, person_id) WHERE person_id IS NOT NULL;
    `);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      DELETE FROM administrative_share_version WHERE project_id IS NULL;
      DROP INDEX administrative_share_version_person;
      DROP INDEX administrative_share_version_key;
      ALTER TABLE administrative_share_version
        DROP CONSTRAINT administrative_share_version_of_one,
        ALTER COLUMN project_id SET NOT NULL,
        ADD PRIMARY KEY (municipality, project_id, share_id, position),
        DROP COLUMN person_id,
        DROP COLUMN offer_id;
    `);
  }
}
