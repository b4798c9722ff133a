// Audit reads: the postings recorded between two instants, grouped by causing command, a page
// of commands at a time, with the totals of the whole span.
import { groupChanges, type ChangedPosting, type CommandChanges } from '@app/ledger';
import type { DataSource, EntityManager } from 'typeorm';
import {
  LEDGER_ENTRY_COLUMNS_WITH_CITATIONS,
  LEDGER_ENTRY_WITH_CITATIONS,
} from '../projections/citation-sets';
import { reversedByColumn, rowToReadPosting, type ReadPosting } from '../projections/rows/ledger-entry.row';

export interface ChangesPage {
  commands: CommandChanges<ReadPosting & ChangedPosting>[];
  /** Of every posting in the span, not only this page's. */
  totals: { commands: number; entries: number; amountOere: bigint; refundOere: bigint };
  /** The first log position of the page's last command: the next page's commands begin after it. */
  nextCursor: string | null;
}

interface CauseRow {
  position: string;
  command_id: string;
  command_type: string | null;
  actor: string;
  reason: string | null;
  person_id: string | null;
}

export class AuditQueries {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** Postings of the municipality recorded after `from` and at or before `to`: `limit` commands after `cursor`. */
  async changes(
    municipality: string,
    from: string,
    to: string,
    limit: number,
    cursor?: bigint,
  ): Promise<ChangesPage> {
    const span = [municipality, from, to];
    const commands: { command_id: string; first: string }[] = await this.db.query(
      `SELECT command_id, min(position)::text AS first FROM ledger_cause
        WHERE municipality = $1 AND recorded_at > $2 AND recorded_at <= $3
        GROUP BY command_id HAVING min(position) > $4 ORDER BY min(position) LIMIT $5`,
      [...span, (cursor ?? -1n).toString(), limit + 1],
    );
    const page = commands.slice(0, limit);
    const causes: CauseRow[] = await this.db.query(
      `SELECT position::text, command_id, command_type, actor, reason, person_id FROM ledger_cause
        WHERE municipality = $1 AND recorded_at > $2 AND recorded_at <= $3 AND command_id = ANY($4)`,
      [...span, page.map((c) => c.command_id)],
    );
    const causeOf = new Map(causes.map((c) => [c.command_id, c]));
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT ${LEDGER_ENTRY_COLUMNS_WITH_CITATIONS}, ${reversedByColumn('$3')} FROM ${LEDGER_ENTRY_WITH_CITATIONS}
        WHERE position = ANY($1::bigint[]) AND municipality = $2 ORDER BY position, ordinal`,
      [causes.map((c) => c.position), municipality, to],
    );
    const postings = rows.map((r) => {
      const c = causeOf.get(r.caused_by_command as string)!;
      return {
        ...rowToReadPosting(r),
        cause: { commandType: c.command_type, actor: c.actor, reason: c.reason, personId: c.person_id },
      };
    });
    const [t]: { commands: number; entries: number; amount: string; refund: string }[] = await this.db.query(
      `SELECT count(DISTINCT caused_by_command)::int AS commands, count(*)::int AS entries,
              coalesce(sum(amount_oere), 0)::text AS amount, coalesce(sum(refund_oere), 0)::text AS refund
         FROM ledger_entry WHERE municipality = $1 AND recorded_at > $2 AND recorded_at <= $3`,
      span,
    );
    return {
      commands: groupChanges(postings),
      totals: {
        commands: t.commands,
        entries: t.entries,
        amountOere: BigInt(t.amount),
        refundOere: BigInt(t.refund),
      },
      nextCursor: commands.length > limit ? page[page.length - 1].first : null,
    };
  }
}
