import { citationSetId } from '../projections/citation-sets';
import type { Citation } from '@app/rules';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A posting's citations by reference: every distinct list of citations postings were made with
 * is stored once in citation_set, under the md5 of its canonical JSON (citationSetId), and
 * ledger_entry keeps the id. The JSON itself is kept — not a rule id and rulebook version — so
 * an explanation shows exactly the citations the posting was made with, whatever later
 * rulebooks say. (Half of a posting's row was the same few citation lists over and over.)
 */
export class CitationSets1732400000004 implements MigrationInterface {
  name = 'CitationSets1732400000004';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE citation_set (
        id         uuid  PRIMARY KEY,
        citations  jsonb NOT NULL
      );
      ALTER TABLE ledger_entry ADD COLUMN citations_id uuid;
    `);
    const sets: { citations: Citation[] }[] = await runner.query(
      'SELECT DISTINCT citations FROM ledger_entry',
    );
    if (sets.length) {
      const ids = sets.map((s) => citationSetId(s.citations).id);
      await runner.query(
        'INSERT INTO citation_set (id, citations) SELECT * FROM unnest($1::uuid[], $2::jsonb[])',
        [ids, sets.map((s) => JSON.stringify(s.citations))],
      );
      await runner.query(
        'UPDATE ledger_entry e SET citations_id = s.id FROM citation_set s WHERE s.citations = e.citations',
      );
    }
    await runner.query(`
      ALTER TABLE ledger_entry ALTER COLUMN citations_id SET NOT NULL;
      ALTER TABLE ledger_entry DROP COLUMN citations;
    `);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE ledger_entry ADD COLUMN citations jsonb;
      UPDATE ledger_entry e SET citations = s.citations FROM citation_set s WHERE s.id = e.citations_id;
      ALTER TABLE ledger_entry ALTER COLUMN citations SET NOT NULL;
      ALTER TABLE ledger_entry DROP COLUMN citations_id;
      DROP TABLE citation_set;
    `);
  }
}
