// Reads of the ledger, timeline and offers, always "as of" a recorded instant.
import type { OfferCost } from '@app/domain';
import {
  keyParts,
  registeredSegments,
  timelineAsOf,
  type OfferCarveOut,
  type ProjectCarveOut,
  type ProjectLedger,
  type TimelineSegment,
  type TimesheetLedger,
} from '@app/ledger';
import QueryStream from 'pg-query-stream';
import type { PoolClient } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import {
  LEDGER_ENTRY_COLUMNS_WITH_CITATIONS,
  LEDGER_ENTRY_WITH_CITATIONS,
} from '../projections/citation-sets';
import { reversedByColumn, rowToReadPosting, type ReadPosting } from '../projections/rows/ledger-entry.row';
import { ledgerWhere, postingClauses, totalsServe, type LedgerFilter } from './ledger-filter';

export interface LedgerPage {
  entries: (ReadPosting & { position: string; ordinal: number })[];
  nextCursor: string | null;
}

export interface SummaryLine {
  account: string | null;
  targetGroup: string | null;
  bookingPeriod: string | null;
  activityYear: string | null;
  unresolved: string | null;
  entries: number;
  amountOere: bigint;
  refundOere: bigint;
}

const SUMMARY_COLUMNS = {
  account: `concat_ws('.', account->>'function', account->>'dranst', account->>'grouping')`,
  targetGroup: 'target_group',
  bookingPeriod: 'booking_period',
  activityYear: `to_char(activity_from, 'YYYY')`,
} as const;
export type SummaryKey = keyof typeof SUMMARY_COLUMNS;
/** What SUMMARY_COLUMNS and the lines read, of postings and of totals alike. */
const SUMMED_COLUMNS = 'account, target_group, booking_period, activity_from, unresolved';

export class LedgerQueries {
  constructor(private readonly db: DataSource | EntityManager) {}

  async entries(
    filter: LedgerFilter,
    limit: number,
    cursor?: { position: bigint; ordinal: number },
  ): Promise<LedgerPage> {
    const params: unknown[] = [];
    let where = ledgerWhere(filter, params);
    if (cursor)
      where += ` AND (position, ordinal) > ($${params.push(cursor.position.toString())}, $${params.push(cursor.ordinal)})`;
    const reversedBy = reversedByColumn(`$${params.push(filter.asOf)}`);
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT ${LEDGER_ENTRY_COLUMNS_WITH_CITATIONS}, ${reversedBy} FROM ${LEDGER_ENTRY_WITH_CITATIONS} WHERE ${where} ORDER BY position, ordinal LIMIT $${params.push(limit + 1)}`,
      params,
    );
    const page = rows
      .slice(0, limit)
      .map((r) => ({ ...rowToReadPosting(r), position: String(r.position), ordinal: Number(r.ordinal) }));
    const last = page[page.length - 1];
    return {
      entries: page,
      nextCursor: rows.length > limit && last ? `${last.position}.${last.ordinal}` : null,
    };
  }

  /**
   * Every posting matching the filter, in log order, read through a server-side cursor a batch at
   * a time: memory stays the same whatever the count.
   */
  async *allEntries(filter: LedgerFilter, batchSize = 1000): AsyncGenerator<ReadPosting> {
    if (!('createQueryRunner' in this.db)) throw new Error('streaming needs the data source');
    const params: unknown[] = [];
    const where = ledgerWhere(filter, params);
    const reversedBy = reversedByColumn(`$${params.push(filter.asOf)}`);
    const runner = this.db.createQueryRunner();
    try {
      const client = (await runner.connect()) as PoolClient;
      const rows = client.query(
        new QueryStream(
          `SELECT ${LEDGER_ENTRY_COLUMNS_WITH_CITATIONS}, ${reversedBy} FROM ${LEDGER_ENTRY_WITH_CITATIONS} WHERE ${where} ORDER BY position, ordinal`,
          params,
          { batchSize },
        ),
      );
      // leaving the loop early destroys the stream, which closes the cursor
      for await (const row of rows) yield rowToReadPosting(row as Record<string, unknown>);
    } finally {
      await runner.release();
    }
  }

  /** A posting, with the log position of its causing event. */
  async entry(
    municipality: string,
    entryId: string,
    asOf: string,
  ): Promise<(ReadPosting & { position: string }) | null> {
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT ${LEDGER_ENTRY_COLUMNS_WITH_CITATIONS}, ${reversedByColumn('$3')} FROM ${LEDGER_ENTRY_WITH_CITATIONS} WHERE municipality = $1 AND entry_id = $2 AND recorded_at <= $3`,
      [municipality, entryId, asOf],
    );
    return rows.length ? { ...rowToReadPosting(rows[0]), position: String(rows[0].position) } : null;
  }

  /**
   * Totals per group; unresolved postings (no rule / ambiguous) always form lines of their own.
   * Unless it names a person, an offer or a project, it adds up the day totals (ledger_total)
   * of the days before asOf's and the postings of asOf's own day up to asOf.
   */
  async summary(filter: LedgerFilter, groupBy: SummaryKey[]): Promise<SummaryLine[]> {
    const params: unknown[] = [];
    const keys = groupBy.map((k) => `${SUMMARY_COLUMNS[k]} AS "${k}"`);
    const select = [...keys, `unresolved->>'outcome' AS "unresolved"`].join(', ');
    const group = [...groupBy.map((k) => `"${k}"`), '"unresolved"'].join(', ');
    const postings = (where: string) =>
      `SELECT ${SUMMED_COLUMNS}, 1 AS entries, amount_oere, refund_oere FROM ledger_entry WHERE ${where}`;
    let summed: string;
    if (totalsServe(filter)) {
      const clauses = postingClauses(filter, params).join(' AND ');
      const asOf = `$${params.push(filter.asOf)}`;
      const day = `(${asOf}::timestamptz AT TIME ZONE 'UTC')::date`;
      summed = `SELECT ${SUMMED_COLUMNS}, entries, amount_oere, refund_oere FROM ledger_total WHERE ${clauses} AND recorded_on < ${day}
        UNION ALL ${postings(`${clauses} AND recorded_at <= ${asOf} AND recorded_at >= ${day}::timestamp AT TIME ZONE 'UTC'`)}`;
    } else summed = postings(ledgerWhere(filter, params));
    // GROUP BY "unresolved" names the postings' column (outcome, reason, candidates): unresolved
    // postings of different reasons form lines of their own, which would tie on the outcome
    // shown; the column itself orders them, whatever plan the statistics choose.
    const rows: Record<string, string | null>[] = await this.db.query(
      `SELECT ${select}, sum(entries)::int AS entries, coalesce(sum(amount_oere), 0)::text AS amount, coalesce(sum(refund_oere), 0)::text AS refund
       FROM (${summed}) summed GROUP BY ${group} ORDER BY ${group}, summed.unresolved`,
      params,
    );
    return rows.map((r) => ({
      account: r.account ?? null,
      targetGroup: r.targetGroup ?? null,
      bookingPeriod: r.bookingPeriod ?? null,
      activityYear: r.activityYear ?? null,
      unresolved: r.unresolved,
      entries: Number(r.entries),
      amountOere: BigInt(r.amount!),
      refundOere: BigInt(r.refund!),
    }));
  }

  /** The registered segments, each with the reason given with its change. */
  async timeline(
    municipality: string,
    personId: string,
    asOf: string,
  ): Promise<(TimelineSegment & { reason: string | null })[]> {
    const rows: {
      change_command_id: string;
      target_group: never;
      attributes: never;
      effective_from: string;
      reason: string | null;
      recorded_at: Date;
      retracted_at: Date | null;
    }[] = await this.db.query(
      'SELECT * FROM target_group_change WHERE municipality = $1 AND person_id = $2 AND recorded_at <= $3 ORDER BY recorded_at, event_id',
      [municipality, personId, asOf],
    );
    const changes = rows.map((r) => ({
      changeCommandId: r.change_command_id,
      targetGroup: r.target_group,
      attributes: r.attributes,
      effectiveFrom: r.effective_from,
      recordedAt: r.recorded_at.toISOString(),
      retractedAt: r.retracted_at?.toISOString() ?? null,
    }));
    if (!rows.length) return [];
    const reasons = new Map(rows.map((r) => [r.change_command_id, r.reason]));
    return registeredSegments(timelineAsOf(changes, asOf)).map((s) => ({
      ...s,
      reason: reasons.get(s.changeCommandId!) ?? null,
    }));
  }

  async offer(municipality: string, offerId: string, asOf: string) {
    const versions: Record<string, unknown>[] = await this.db.query(
      'SELECT * FROM offer_version WHERE municipality = $1 AND offer_id = $2 AND recorded_at <= $3 ORDER BY position',
      [municipality, offerId, asOf],
    );
    if (versions.length === 0) return null;
    const items: Record<string, unknown>[] = await this.db.query(
      'SELECT * FROM cost_item WHERE municipality = $1 AND offer_id = $2 AND recorded_at <= $3 ORDER BY recorded_at, cost_item_id',
      [municipality, offerId, asOf],
    );
    const asOfMs = Date.parse(asOf);
    const reversed = (i: Record<string, unknown>) =>
      i.reversed_at instanceof Date && i.reversed_at.getTime() <= asOfMs;
    return {
      registered: versions[0],
      current: versions[versions.length - 1],
      items: items.map((i): Record<string, unknown> => ({ ...i, reversed: reversed(i) })),
    };
  }

  /**
   * A project as known at asOf: its ledger state (participants, expenses), its participants'
   * offer versions and every share given (latest per cost item first), each recorded at or before asOf.
   */
  async project(municipality: string, projectId: string, asOf: string) {
    const state = await this.projectState(municipality, projectId);
    if (!state || Date.parse(state.registeredAt) > Date.parse(asOf)) return null;
    const versions: Record<string, unknown>[] = await this.db.query(
      'SELECT * FROM offer_version WHERE municipality = $1 AND offer_id = ANY($2) AND recorded_at <= $3 ORDER BY position',
      [municipality, state.participants.map((p) => p.offerId), asOf],
    );
    const shares: Record<string, unknown>[] = await this.db.query(
      `SELECT DISTINCT ON (cost_item_id) * FROM project_share
       WHERE municipality = $1 AND project_id = $2 AND recorded_at <= $3 ORDER BY cost_item_id, position DESC`,
      [municipality, projectId, asOf],
    );
    const carveOuts = (
      await this.db.query<{ state: ProjectCarveOut }[]>(
        `SELECT DISTINCT ON (share_id) state FROM administrative_share_version
         WHERE municipality = $1 AND project_id = $2 AND recorded_at <= $3 ORDER BY share_id, position DESC`,
        [municipality, projectId, asOf],
      )
    )
      .map((r) => r.state)
      .sort((a, b) => Date.parse(a.recordedAt) - Date.parse(b.recordedAt));
    return { state, versions, shares, carveOuts };
  }

  /**
   * A carve-out as it stood when a posting was made: its last version at or before the posting's log position
   * (for a reversal, the posting it reverses), as the shares' are (projectShareOf).
   */
  async carveOutOf(
    municipality: string,
    of: { projectId: string } | { offerId: string },
    shareId: string,
    entryId: string,
  ): Promise<ProjectCarveOut | OfferCarveOut | null> {
    const [column, id] = 'projectId' in of ? ['project_id', of.projectId] : ['offer_id', of.offerId];
    const rows: { state: ProjectCarveOut }[] = await this.db.query(
      `SELECT state FROM administrative_share_version
       WHERE municipality = $1 AND ${column} = $2 AND share_id = $3
         AND position <= (SELECT position FROM ledger_entry WHERE entry_id = $4)
       ORDER BY position DESC LIMIT 1`,
      [municipality, id, shareId, entryId],
    );
    return rows[0]?.state ?? null;
  }

  /** A project's ledger state as it now stands. */
  async projectState(municipality: string, projectId: string): Promise<ProjectLedger | null> {
    const rows: { state: ProjectLedger }[] = await this.db.query(
      'SELECT state FROM project WHERE municipality = $1 AND project_id = $2',
      [municipality, projectId],
    );
    return rows[0]?.state ?? null;
  }

  /** The share a posting of a project share was made from: the last one given at or before the posting (for a reversal, the posting it reverses). */
  async projectShareOf(municipality: string, costItemId: string, entryId: string) {
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT * FROM project_share WHERE municipality = $1 AND cost_item_id = $2
         AND position <= (SELECT position FROM ledger_entry WHERE entry_id = $3)
       ORDER BY position DESC LIMIT 1`,
      [municipality, costItemId, entryId],
    );
    return rows[0] ?? null;
  }

  /**
   * The timesheet a cost item comes from, as it stands now: its offer part (timesheet:{staffId}:{timesheetId}:{offerId}),
   * its administration part, or a project's share of it (project:{projectId}:timesheet:{staffId}:{timesheetId}:…).
   */
  async timesheetOf(municipality: string, costItemId: string): Promise<TimesheetLedger | null> {
    const inProject = costItemId.indexOf(':timesheet:');
    const key = costItemId.startsWith('timesheet:')
      ? costItemId
      : inProject >= 0
        ? costItemId.slice(inProject + 1)
        : null;
    if (key === null) return null;
    const rows: { state: TimesheetLedger }[] = await this.db.query(
      `SELECT state FROM staff_timesheet WHERE municipality = $1
         AND starts_with($2, 'timesheet:' || replace(staff_id, ':', '%3A') || ':' || replace(timesheet_id, ':', '%3A') || ':')`,
      [municipality, `${key}:`],
    );
    return rows[0]?.state ?? null;
  }

  /** An offer's own expenses not reversed, as the ledger carves an offer's administrative share out of them. */
  async offerExpenseCosts(municipality: string, offerId: string): Promise<OfferCost[]> {
    const rows: { cost_item_id: string; activity_from: string; activity_to: string; amount_oere: string }[] =
      await this.db.query(
        `SELECT cost_item_id, to_char(activity_from, 'YYYY-MM-DD') AS activity_from,
                to_char(activity_to, 'YYYY-MM-DD') AS activity_to, amount_oere
         FROM cost_item WHERE municipality = $1 AND offer_id = $2 AND reversed_at IS NULL
           AND starts_with(cost_item_id, 'expense:') ORDER BY cost_item_id`,
        [municipality, offerId],
      );
    return rows.map((r) => ({
      expenseId: keyParts(r.cost_item_id)[1],
      activityFrom: r.activity_from,
      activityTo: r.activity_to,
      amountOere: Number(r.amount_oere),
    }));
  }

  /** An offer's carve-outs as they stood at asOf, in the order recorded. */
  async offerCarveOuts(municipality: string, offerId: string, asOf: string): Promise<OfferCarveOut[]> {
    const rows: { state: OfferCarveOut }[] = await this.db.query(
      `SELECT state FROM (
         SELECT DISTINCT ON (share_id) state, min(position) OVER (PARTITION BY share_id) AS recorded
         FROM administrative_share_version
         WHERE municipality = $1 AND offer_id = $2 AND recorded_at <= $3 ORDER BY share_id, position DESC
       ) c ORDER BY recorded`,
      [municipality, offerId, asOf],
    );
    return rows.map((r) => r.state);
  }

  async costItem(municipality: string, costItemId: string): Promise<Record<string, unknown> | null> {
    const rows: Record<string, unknown>[] = await this.db.query(
      'SELECT * FROM cost_item WHERE municipality = $1 AND cost_item_id = $2',
      [municipality, costItemId],
    );
    return rows[0] ?? null;
  }
}
