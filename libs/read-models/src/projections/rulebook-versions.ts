// Which rulebook version is in force at a log position: the last RulebookAdopted at or before
// it, else the genesis version. Kept in rulebook_adoption (every worker writes the rows of the
// adoptions it meets, the same rows) and in memory between batches, as the batches in flight
// have left it; a rollback reads it again.
import type { RecordedEvent } from '@app/event-store';
import type { EntityManager } from 'typeorm';
import type { RulebookAdoption } from '../runner/rulebook-adoption';
import type { Write } from './sql-rows';

type Reader = Pick<EntityManager, 'query'>;

interface AdoptionRow {
  position: bigint;
  eventId: string;
  version: string;
  previous: string;
  recordedAt: string;
}

export class RulebookVersions {
  /** In log order. */
  private adoptions: { position: bigint; version: string }[] | null = null;
  private pending: AdoptionRow[] = [];

  constructor(private readonly genesis: string) {}

  async load(reader: Reader): Promise<void> {
    if (this.adoptions) return;
    const rows: { position: string; version: string }[] = await reader.query(
      'SELECT position, version FROM rulebook_adoption ORDER BY position',
    );
    this.adoptions = rows.map((r) => ({ position: BigInt(r.position), version: r.version }));
  }

  /** An adoption met in the log (again, after a rewind: then nothing changes). */
  adopted(recorded: RecordedEvent, adoption: RulebookAdoption): void {
    const adoptions = this.adoptions!;
    if (adoptions.some((a) => a.position === recorded.position)) return;
    adoptions.push({ position: recorded.position, version: adoption.version });
    adoptions.sort((a, b) => (a.position < b.position ? -1 : 1));
    this.pending.push({
      position: recorded.position,
      eventId: recorded.metadata.commandId,
      version: adoption.version,
      previous: adoption.previous,
      recordedAt: recorded.metadata.recordedAt,
    });
  }

  at(position: bigint): string {
    const adoptions = this.adoptions!;
    for (let i = adoptions.length - 1; i >= 0; i--)
      if (adoptions[i].position <= position) return adoptions[i].version;
    return this.genesis;
  }

  /** The rows of the adoptions met since the last call. */
  writes(): Write[] {
    const rows = this.pending;
    this.pending = [];
    if (rows.length === 0) return [];
    return [
      {
        sql: `INSERT INTO rulebook_adoption (position, event_id, version, previous, recorded_at)
              SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::timestamptz[])
              ON CONFLICT DO NOTHING`,
        params: [
          rows.map((r) => r.position.toString()),
          rows.map((r) => r.eventId),
          rows.map((r) => r.version),
          rows.map((r) => r.previous),
          rows.map((r) => r.recordedAt),
        ],
      },
    ];
  }

  clear(): void {
    this.adoptions = null;
    this.pending = [];
  }
}
