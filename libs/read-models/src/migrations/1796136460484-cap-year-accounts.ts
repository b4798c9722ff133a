import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every cap year keeps its dranst-2 accounts: per refund account of its capped postings the refund
 * before the cap and the adjustments posted on it (libs/ledger caps/cap-accounts.ts), so a cap
 * spanning several accounts posts its adjustment on each. Filled from the postings already made:
 * per municipality, booking year, cap and refund account, the refunds of the capped postings and
 * of the cap adjustments, in the ledger's order (by 'function.dranst.grouping', none first).
 */
export class CapYearAccounts1796136460484 implements MigrationInterface {
  name = 'CapYearAccounts1796136460484';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE cap_year ADD COLUMN accounts jsonb NOT NULL DEFAULT '[]'`);
    await runner.query(`
      UPDATE cap_year c SET accounts = a.accounts
      FROM (
        SELECT municipality, year, cap,
               jsonb_agg(jsonb_build_object('refundAccount', refund_account,
                                            'refundBeforeCapOere', before::text,
                                            'adjustmentsOere', adjusted::text) ORDER BY account_key COLLATE "C") AS accounts
        FROM (
          SELECT municipality, substr(booking_period, 1, 4)::int AS year, cap, refund_account,
                 CASE WHEN refund_account IS NULL THEN ''
                      ELSE concat_ws('.', refund_account->>'function', refund_account->>'dranst', refund_account->>'grouping') END AS account_key,
                 coalesce(sum(refund_oere) FILTER (WHERE kind <> 'cap_adjustment'), 0) AS before,
                 coalesce(sum(refund_oere) FILTER (WHERE kind = 'cap_adjustment'), 0) AS adjusted
          FROM ledger_entry
          WHERE cap IS NOT NULL
          GROUP BY 1, 2, 3, 4, 5
        ) per_account
        GROUP BY 1, 2, 3
      ) a
      WHERE c.municipality = a.municipality AND c.year = a.year AND c.cap = a.cap`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE cap_year DROP COLUMN accounts');
  }
}
