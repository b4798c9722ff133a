import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Bitemporal timeline, offers, mentor agreements, cost items and the immutable ledger. */
export class LedgerReadModels1732400000001 implements MigrationInterface {
  name = 'LedgerReadModels1732400000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE target_group_change (
        municipality        text        NOT NULL,
        change_command_id   uuid        NOT NULL,
        person_id           text        NOT NULL,
        target_group        text        NOT NULL,
        attributes          jsonb       NOT NULL,
        effective_from      date        NOT NULL,
        reason              text,
        recorded_at         timestamptz NOT NULL,
        event_id            uuid        NOT NULL,
        retracted_at        timestamptz,
        retraction_event_id uuid,
        retraction_reason   text,
        PRIMARY KEY (municipality, change_command_id)
      );
      CREATE INDEX target_group_change_person ON target_group_change (municipality, person_id);

      CREATE TABLE offer_version (
        municipality   text        NOT NULL,
        offer_id       text        NOT NULL,
        recorded_at    timestamptz NOT NULL,
        position       bigint      NOT NULL,
        event_id       uuid        NOT NULL,
        event_type     text        NOT NULL,
        person_id      text        NOT NULL,
        offer_kind     text        NOT NULL,
        start_date     date        NOT NULL,
        end_date       date        NOT NULL,
        offer_category text,
        funding_frame  text,
        provider       jsonb,
        status         text        NOT NULL,
        reason         text,
        PRIMARY KEY (municipality, offer_id, position)
      );

      CREATE TABLE mentor_agreement (
        municipality text        NOT NULL,
        agreement_id text        NOT NULL,
        person_id    text        NOT NULL,
        offer_id     text,
        mentor_type  text        NOT NULL,
        mentor_kind  text        NOT NULL,
        start_date   date        NOT NULL,
        end_date     date        NOT NULL,
        recorded_at  timestamptz NOT NULL,
        event_id     uuid        NOT NULL,
        PRIMARY KEY (municipality, agreement_id)
      );
      CREATE INDEX mentor_agreement_offer ON mentor_agreement (municipality, offer_id);

      CREATE TABLE cost_item (
        municipality        text        NOT NULL,
        cost_item_id        text        NOT NULL,
        kind                text        NOT NULL,
        person_id           text        NOT NULL,
        offer_id            text,
        agreement_id        text,
        offer_kind          text        NOT NULL,
        expense_type        text,
        amount_oere         bigint      NOT NULL,
        activity_from       date        NOT NULL,
        activity_to         date        NOT NULL,
        mentor_window_from  date,
        mentor_window_to    date,
        invoice_ref         text,
        contact_hours       text,
        preparation_hours   text,
        hourly_cost_oere    bigint,
        fee_oere            bigint,
        recorded_at         timestamptz NOT NULL,
        event_id            uuid        NOT NULL,
        reversed_at         timestamptz,
        reversal_event_id   uuid,
        reversal_reason     text,
        PRIMARY KEY (municipality, cost_item_id)
      );
      CREATE INDEX cost_item_person ON cost_item (municipality, person_id);
      CREATE INDEX cost_item_offer ON cost_item (municipality, offer_id);

      CREATE TABLE ledger_entry (
        entry_id           text        PRIMARY KEY,
        position           bigint      NOT NULL,
        ordinal            integer     NOT NULL,
        kind               text        NOT NULL,
        municipality       text        NOT NULL,
        person_id          text        NOT NULL,
        offer_id           text,
        cost_item_id       text        NOT NULL,
        account            jsonb,
        refund_account     jsonb,
        target_group       text,
        activity_from      date        NOT NULL,
        activity_to        date        NOT NULL,
        booking_period     text        NOT NULL,
        amount_oere        bigint      NOT NULL,
        refund_rate_bp     integer,
        refund_oere        bigint,
        rule_id            text,
        citations          jsonb       NOT NULL,
        cap                text,
        unresolved         jsonb,
        caused_by_event    uuid        NOT NULL,
        caused_by_command  uuid        NOT NULL,
        reverses           text,
        recorded_at        timestamptz NOT NULL,
        UNIQUE (position, ordinal)
      );
      CREATE INDEX ledger_entry_municipality_recorded ON ledger_entry (municipality, recorded_at);
      CREATE INDEX ledger_entry_person ON ledger_entry (municipality, person_id);
      CREATE INDEX ledger_entry_offer ON ledger_entry (municipality, offer_id);
      CREATE INDEX ledger_entry_booking ON ledger_entry (municipality, booking_period);
      CREATE INDEX ledger_entry_cost_item ON ledger_entry (cost_item_id);
    `);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(
      'DROP TABLE ledger_entry, cost_item, mentor_agreement, offer_version, target_group_change',
    );
  }
}
