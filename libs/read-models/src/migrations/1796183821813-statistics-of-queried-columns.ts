import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The planner's statistics are gathered for the columns queries filter, join, group or sort
 * by, not for the columns they only return: an ANALYZE (a rebuild's at its end, autovacuum's
 * later) samples every column it keeps statistics of, and sorts the sample of each. A query
 * that comes to filter by one of these columns should give it its statistics back.
 */
const RETURNED_ONLY: Record<string, string[]> = {
  // entry_id is unique by its key, which tells the planner as much as statistics would.
  ledger_entry: [
    'entry_id',
    'ordinal',
    'refund_account',
    'amount_oere',
    'refund_rate_bp',
    'refund_oere',
    'rule_id',
    'caused_by_event',
    'caused_by_command_type',
    'relates_to_closed_year',
    'booking_date',
    'rulebook_version',
  ],
  cost_item: [
    'kind',
    'agreement_id',
    'offer_kind',
    'expense_type',
    'amount_oere',
    'activity_from',
    'activity_to',
    'mentor_window_from',
    'mentor_window_to',
    'invoice_ref',
    'contact_hours',
    'preparation_hours',
    'hourly_cost_oere',
    'fee_oere',
    'event_id',
    'reversal_event_id',
    'reversal_reason',
    'agreement_start_date',
    'funding_frame',
    'unemployment_months_on',
  ],
  ledger_cause: ['command_type', 'actor', 'reason', 'person_id'],
};

const statistics = (target: number) =>
  Object.entries(RETURNED_ONLY)
    .map(
      ([table, columns]) =>
        `ALTER TABLE ${table} ${columns.map((c) => `ALTER COLUMN ${c} SET STATISTICS ${target}`).join(', ')};`,
    )
    .join('\n');

export class StatisticsOfQueriedColumns1796183821813 implements MigrationInterface {
  name = 'StatisticsOfQueriedColumns1796183821813';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(statistics(0));
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(statistics(-1));
  }
}
