// The reads behind refund statements and the cap figures of explanations, as of a recorded instant.
import {
  bookingDateOf,
  buildStatement,
  computeCap,
  noCapFigures,
  quarterPeriods,
  type CapComputation,
  type CapYearToDate,
  type Quarter,
  type RefundStatement,
  type StatementGroup,
  type UnresolvedLine,
} from '@app/ledger';
import type { CapId } from '@app/rules';
import { computationOf } from '../projections/rows/cap-computation.row';
import type { PoolClient } from 'pg';
import QueryStream from 'pg-query-stream';
import type { DataSource, EntityManager } from 'typeorm';

const accountKey = (column: string) =>
  `CASE WHEN ${column} IS NULL THEN NULL ELSE concat_ws('.', ${column}->>'function', ${column}->>'dranst', ${column}->>'grouping') END`;

export interface StatementRequest {
  municipality: string;
  year: number;
  quarter: 1 | 2 | 3 | 4 | null;
  asOf: string;
}

/** A closed year's statement asked for after the close is the statement at the close. */
const effectiveAsOf = (closedAt: string | null, asOf: string) =>
  closedAt !== null && closedAt < asOf ? closedAt : asOf;

const iso = (v: Date | string) => (v instanceof Date ? v.toISOString() : new Date(v).toISOString());

/** A posting row's booking date: the one its command gave, else the Danish day it was recorded (bookingDateOf). */
const bookingDateOfRow = (r: Record<string, unknown>) =>
  bookingDateOf({
    bookingDate: (r.booking_date as string | null) ?? undefined,
    recordedAt: iso(r.recorded_at as Date),
  });

/** One posting of a statement's booking periods, for its postings sheet. */
export interface StatementPosting {
  entryId: string;
  kind: string;
  account: string | null;
  refundAccount: string | null;
  targetGroup: string | null;
  personId: string | null;
  offerId: string | null;
  activityFrom: string;
  activityTo: string;
  bookingPeriod: string;
  /** The booking date its command gave, else the day it was recorded. */
  bookingDate: string;
  amountOere: bigint;
  refundRateBasisPoints: number | null;
  refundOere: bigint | null;
  ruleId: string | null;
  cap: CapId | null;
  outcome: string | null;
  recordedAt: string;
}

/** The reads of one statement: the year's state, its groups, its unresolved lines, its caps. */
export const STATEMENT_STEPS = 4;

export class StatementQueries {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** When the year was closed, if it was by `asOf`. */
  async closedAt(municipality: string, year: number, asOf: string): Promise<string | null> {
    const rows: { closed_at: Date }[] = await this.db.query(
      'SELECT closed_at FROM accounting_year WHERE municipality = $1 AND year = $2 AND closed_at <= $3',
      [municipality, year, asOf],
    );
    return rows.length ? iso(rows[0].closed_at) : null;
  }

  /**
   * `onStep(done, STATEMENT_STEPS)` is told as each of the statement's reads ends (the year's
   * state, then its three reads), so a caller can show progress on a large municipality-year.
   */
  async statement(
    req: StatementRequest,
    onStep: (done: number, total: number) => void = () => undefined,
  ): Promise<RefundStatement> {
    let done = 0;
    const step = <T>(value: T): T => {
      onStep(++done, STATEMENT_STEPS);
      return value;
    };
    const closedAt = step(await this.closedAt(req.municipality, req.year, req.asOf));
    const effective = effectiveAsOf(closedAt, req.asOf);
    const { from, to } = quarterPeriods(req.year, req.quarter);
    const [groups, unresolvedLines, caps] = await Promise.all([
      this.groups(req.municipality, from, to, effective).then(step),
      this.unresolvedLines(req.municipality, from, to, effective).then(step),
      this.capsYearToDate(req.municipality, req.year, to, effective).then(step),
    ]);
    return buildStatement({
      municipality: req.municipality,
      year: req.year,
      quarter: req.quarter,
      asOf: req.asOf,
      closedAt,
      groups,
      unresolvedLines,
      caps,
    });
  }

  /**
   * The postings behind a statement (its booking periods, as the statement stands), in booking
   * order, read through a server-side cursor a batch at a time: memory stays the same whatever
   * the count.
   */
  async *postings(req: StatementRequest, batchSize = 1000): AsyncGenerator<StatementPosting> {
    if (!('createQueryRunner' in this.db)) throw new Error('streaming needs the data source');
    const asOf = effectiveAsOf(await this.closedAt(req.municipality, req.year, req.asOf), req.asOf);
    const { from, to } = quarterPeriods(req.year, req.quarter);
    const runner = this.db.createQueryRunner();
    try {
      const client = (await runner.connect()) as PoolClient;
      const rows = client.query(
        new QueryStream(
          `SELECT entry_id, kind, ${accountKey('account')} AS account, ${accountKey('refund_account')} AS refund_account,
              target_group, person_id, offer_id, activity_from, activity_to, booking_period,
              booking_date::text AS booking_date, amount_oere::text AS amount,
              refund_rate_bp, refund_oere::text AS refund, rule_id, cap, unresolved->>'outcome' AS outcome, recorded_at
           FROM ledger_entry
           WHERE municipality = $1 AND booking_period >= $2 AND booking_period <= $3 AND recorded_at <= $4
           ORDER BY booking_period, position, ordinal`,
          [req.municipality, from, to, asOf],
          { batchSize },
        ),
      );
      // leaving the loop early destroys the stream, which closes the cursor
      for await (const row of rows) yield statementPostingOf(row as Record<string, unknown>);
    } finally {
      await runner.release();
    }
  }

  private async groups(
    municipality: string,
    from: string,
    to: string,
    asOf: string,
  ): Promise<StatementGroup[]> {
    const rows: Record<string, string | number | boolean | null>[] = await this.db.query(
      `SELECT ${accountKey('account')} AS account, ${accountKey('refund_account')} AS refund_account, target_group,
              extract(year FROM activity_from)::int AS activity_year, unresolved->>'outcome' AS unresolved,
              kind = 'cap_adjustment' AS cap_adjustment, cap, (substr(booking_period, 6, 2)::int + 2) / 3 AS quarter,
              count(*)::int AS entries, sum(amount_oere)::text AS amount, coalesce(sum(refund_oere), 0)::text AS refund
       FROM ledger_entry
       WHERE municipality = $1 AND booking_period >= $2 AND booking_period <= $3 AND recorded_at <= $4
       GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`,
      [municipality, from, to, asOf],
    );
    return rows.map((r) => ({
      account: r.account as string | null,
      refundAccount: r.refund_account as string | null,
      targetGroup: r.target_group as string | null,
      activityYear: Number(r.activity_year),
      unresolved: r.unresolved as StatementGroup['unresolved'],
      capAdjustment: r.cap_adjustment === true,
      cap: r.cap as CapId | null,
      quarter: Number(r.quarter) as Quarter,
      entries: Number(r.entries),
      amountOere: BigInt(r.amount as string),
      refundOere: BigInt(r.refund as string),
    }));
  }

  private async unresolvedLines(
    municipality: string,
    from: string,
    to: string,
    asOf: string,
  ): Promise<UnresolvedLine[]> {
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT entry_id, person_id, offer_id, cost_item_id, ${accountKey('account')} AS account, target_group, activity_from, activity_to, booking_period,
              booking_date::text AS booking_date, recorded_at,
              amount_oere::text AS amount, unresolved->>'outcome' AS outcome, unresolved->>'reason' AS reason,
              coalesce(unresolved->'candidates', '[]') AS candidates
       FROM ledger_entry
       WHERE municipality = $1 AND booking_period >= $2 AND booking_period <= $3 AND recorded_at <= $4 AND unresolved IS NOT NULL
       ORDER BY position, ordinal`,
      [municipality, from, to, asOf],
    );
    return rows.map((r) => ({
      entryId: r.entry_id as string,
      personId: r.person_id as string | null,
      offerId: r.offer_id as string | null,
      costItemId: r.cost_item_id as string,
      account: r.account as string | null,
      targetGroup: r.target_group as string | null,
      activityFrom: r.activity_from as string,
      activityTo: r.activity_to as string,
      bookingPeriod: r.booking_period as string,
      bookingDate: bookingDateOfRow(r),
      amountOere: Number(r.amount),
      outcome: r.outcome as string,
      reason: r.reason as string,
      candidates: r.candidates as string[],
    }));
  }

  /** Each cap's figures of booking periods year-01 .. `through`, with the parameters standing at `asOf`. */
  async capsYearToDate(
    municipality: string,
    year: number,
    through: string,
    asOf: string,
  ): Promise<CapYearToDate[]> {
    const [sums, params] = await Promise.all([
      this.db.query(
        `SELECT cap, max(refund_rate_bp) FILTER (WHERE kind <> 'cap_adjustment') AS rate,
                coalesce(sum(amount_oere) FILTER (WHERE kind <> 'cap_adjustment'), 0)::text AS eligible,
                coalesce(sum(refund_oere) FILTER (WHERE kind <> 'cap_adjustment'), 0)::text AS refund,
                coalesce(sum(refund_oere) FILTER (WHERE kind = 'cap_adjustment'), 0)::text AS adjustments
         FROM ledger_entry
         WHERE municipality = $1 AND cap IS NOT NULL AND booking_period >= $2 AND booking_period <= $3 AND recorded_at <= $4
         GROUP BY cap`,
        [municipality, `${year}-01`, through, asOf],
      ) as Promise<
        { cap: CapId; rate: number | null; eligible: string; refund: string; adjustments: string }[]
      >,
      this.db.query(
        `SELECT DISTINCT ON (cap) cap, amount_per_full_year_person_oere::text AS amount, full_year_persons_hundredths AS persons
         FROM cap_parameters WHERE municipality = $1 AND year = $2 AND recorded_at <= $3 ORDER BY cap, position DESC`,
        [municipality, year, asOf],
      ) as Promise<{ cap: CapId; amount: string; persons: number }[]>,
    ]);
    const out = new Map<CapId, CapYearToDate>();
    for (const s of sums) {
      out.set(s.cap, {
        cap: s.cap,
        rateBasisPoints: s.rate,
        parameters: null,
        eligibleCostsOere: BigInt(s.eligible),
        refundBeforeCapOere: BigInt(s.refund),
        adjustmentsOere: BigInt(s.adjustments),
      });
    }
    for (const p of params) {
      const c = out.get(p.cap) ?? noCapFigures(p.cap);
      c.parameters = { amountPerFullYearPersonOere: Number(p.amount), fullYearPersonsHundredths: p.persons };
      out.set(p.cap, c);
    }
    return [...out.values()];
  }

  /** The cap computation of a booking year as of an instant (for explanations of capped postings). */
  async capAsOf(
    municipality: string,
    year: number,
    cap: CapId,
    asOf: string,
  ): Promise<{
    computation: CapComputation;
    lastAdjustment: { entryId: string; computation: CapComputation } | null;
  }> {
    const effective = effectiveAsOf(await this.closedAt(municipality, year, asOf), asOf);
    const ytd =
      (await this.capsYearToDate(municipality, year, `${year}-12`, effective)).find((c) => c.cap === cap) ??
      noCapFigures(cap);
    const last: { entry_id: string; computation: Record<string, unknown> }[] = await this.db.query(
      'SELECT entry_id, computation FROM cap_computation WHERE municipality = $1 AND year = $2 AND cap = $3 AND recorded_at <= $4 ORDER BY recorded_at DESC, entry_id DESC LIMIT 1',
      [municipality, year, cap, effective],
    );
    return {
      computation: computeCap({ municipality, year, ...ytd }),
      lastAdjustment: last.length
        ? { entryId: last[0].entry_id, computation: computationOf(last[0].computation) }
        : null,
    };
  }

  async capComputationOf(entryId: string): Promise<CapComputation | null> {
    const rows: { computation: Record<string, unknown> }[] = await this.db.query(
      'SELECT computation FROM cap_computation WHERE entry_id = $1',
      [entryId],
    );
    return rows.length ? computationOf(rows[0].computation) : null;
  }

  /** Municipalities and booking years present in the ledger as of an instant (for verify). */
  async bookingYears(asOf: string): Promise<{ municipality: string; year: number }[]> {
    const rows: { municipality: string; year: string }[] = await this.db.query(
      `SELECT DISTINCT municipality, substr(booking_period, 1, 4) AS year FROM ledger_entry WHERE recorded_at <= $1 ORDER BY 1, 2`,
      [asOf],
    );
    return rows.map((r) => ({ municipality: r.municipality, year: Number(r.year) }));
  }
}

function statementPostingOf(r: Record<string, unknown>): StatementPosting {
  return {
    entryId: r.entry_id as string,
    kind: r.kind as string,
    account: r.account as string | null,
    refundAccount: r.refund_account as string | null,
    targetGroup: r.target_group as string | null,
    personId: r.person_id as string | null,
    offerId: r.offer_id as string | null,
    activityFrom: r.activity_from as string,
    activityTo: r.activity_to as string,
    bookingPeriod: r.booking_period as string,
    bookingDate: bookingDateOfRow(r),
    amountOere: BigInt(r.amount as string),
    refundRateBasisPoints: r.refund_rate_bp as number | null,
    refundOere: r.refund === null ? null : BigInt(r.refund as string),
    ruleId: r.rule_id as string | null,
    cap: r.cap as CapId | null,
    outcome: r.outcome as string | null,
    recordedAt: iso(r.recorded_at as Date),
  };
}
