import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Finance and audit: cap parameters (bitemporal history), the running figures per
 * municipality × accounting year × cap, the computation behind every cap adjustment, closed
 * accounting years; on ledger_entry the command type of the cause (for "what changed") and the
 * closed year a later correction relates to. Cap adjustments have no person.
 */
export class FinanceReadModels1732400000002 implements MigrationInterface {
  name = 'FinanceReadModels1732400000002';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE ledger_entry ALTER COLUMN person_id DROP NOT NULL;
      ALTER TABLE ledger_entry ADD COLUMN caused_by_command_type text;
      ALTER TABLE ledger_entry ADD COLUMN relates_to_closed_year integer;
      CREATE INDEX ledger_entry_cap_year ON ledger_entry (municipality, cap, booking_period) WHERE cap IS NOT NULL;

      CREATE TABLE cap_parameters (
        municipality                      text        NOT NULL,
        year                              integer     NOT NULL,
        cap                               text        NOT NULL,
        position                          bigint      NOT NULL,
        amount_per_full_year_person_oere  bigint      NOT NULL,
        full_year_persons_hundredths      integer     NOT NULL,
        reason                            text,
        recorded_at                       timestamptz NOT NULL,
        event_id                          uuid        NOT NULL,
        command_id                        uuid        NOT NULL,
        PRIMARY KEY (municipality, year, cap, position)
      );

      CREATE TABLE cap_year (
        municipality                      text    NOT NULL,
        year                              integer NOT NULL,
        cap                               text    NOT NULL,
        rate_bp                           integer,
        amount_per_full_year_person_oere  bigint,
        full_year_persons_hundredths      integer,
        eligible_oere                     bigint  NOT NULL,
        refund_before_cap_oere            bigint  NOT NULL,
        adjustments_oere                  bigint  NOT NULL,
        refund_account                    jsonb,
        PRIMARY KEY (municipality, year, cap)
      );

      CREATE TABLE cap_computation (
        entry_id      text        PRIMARY KEY,
        municipality  text        NOT NULL,
        year          integer     NOT NULL,
        cap           text        NOT NULL,
        computation   jsonb       NOT NULL,
        recorded_at   timestamptz NOT NULL
      );
      CREATE INDEX cap_computation_year ON cap_computation (municipality, year, cap, recorded_at);

      CREATE TABLE accounting_year (
        municipality  text        NOT NULL,
        year          integer     NOT NULL,
        closed_at     timestamptz NOT NULL,
        event_id      uuid        NOT NULL,
        command_id    uuid        NOT NULL,
        reason        text,
        PRIMARY KEY (municipality, year)
      );
    `);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      DROP TABLE accounting_year, cap_computation, cap_year, cap_parameters;
      DROP INDEX ledger_entry_cap_year;
      ALTER TABLE ledger_entry DROP COLUMN relates_to_closed_year, DROP COLUMN caused_by_command_type;
    `);
  }
}
