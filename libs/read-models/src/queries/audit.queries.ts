// Audit reads: the postings recorded between two instants, grouped by causing command.
import { groupChanges, type Changes } from '@app/ledger';
import type { DataSource, EntityManager } from 'typeorm';
import {
  LEDGER_ENTRY_COLUMNS_WITH_CITATIONS,
  LEDGER_ENTRY_WITH_CITATIONS,
} from '../projections/citation-sets';
import { rowToPosting } from '../projections/rows/ledger-entry.row';

export class AuditQueries {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** Postings of the municipality recorded after `from` and at or before `to`. */
  async changes(municipality: string, from: string, to: string): Promise<Changes> {
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT ${LEDGER_ENTRY_COLUMNS_WITH_CITATIONS} FROM ${LEDGER_ENTRY_WITH_CITATIONS} WHERE municipality = $1 AND recorded_at > $2 AND recorded_at <= $3 ORDER BY position, ordinal`,
      [municipality, from, to],
    );
    return groupChanges(
      rows.map((r) => ({
        ...rowToPosting(r),
        commandType: (r.caused_by_command_type as string | null) ?? null,
      })),
    );
  }
}
