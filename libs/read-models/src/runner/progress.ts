// How far the read models are, as the api and the operator tools read it: per municipality
// (municipality_checkpoint), the parked events, and the whole read models' low-water mark.
import type { DataSource, EntityManager } from 'typeorm';
import { unseenFloor } from './partition';

type Reader = Pick<DataSource | EntityManager, 'query'>;

export interface ParkedEvent {
  municipality: string;
  position: string;
  eventId: string;
  eventType: string;
  stream: string;
  error: string;
  parkedAt: string;
  /** Events of the municipality read since, waiting for the parked one to be resumed or skipped. */
  heldEvents: number;
}

interface ParkedRow {
  municipality: string;
  position: string;
  event_id: string;
  event_type: string;
  stream: string;
  error: string;
  parked_at: Date;
  held_events: string;
}

export async function parkedEvents(db: Reader, municipality?: string): Promise<ParkedEvent[]> {
  const rows: ParkedRow[] = await db.query(
    'SELECT * FROM parked_event WHERE $1::text IS NULL OR municipality = $1 ORDER BY position',
    [municipality ?? null],
  );
  return rows.map((r) => ({
    municipality: r.municipality,
    position: r.position,
    eventId: r.event_id,
    eventType: r.event_type,
    stream: r.stream,
    error: r.error,
    parkedAt: r.parked_at.toISOString(),
    heldEvents: Number(r.held_events),
  }));
}

/** A municipality without a checkpoint of its own has no events at or before this position. */
async function workersFloor(db: Reader): Promise<bigint | null> {
  return unseenFloor(await db.query('SELECT name, position FROM projection_checkpoint'));
}

/**
 * The position through which the read models hold every event: of one municipality (its
 * checkpoint, which stops before a parked event), or of every municipality not parked.
 */
export async function projectedThrough(db: Reader, municipality?: string): Promise<bigint | null> {
  const floor = await workersFloor(db);
  if (municipality !== undefined) {
    const rows: { position: string | null }[] = await db.query(
      'SELECT position FROM municipality_checkpoint WHERE municipality = $1',
      [municipality],
    );
    if (rows.length === 0) return floor;
    return rows[0].position === null ? null : BigInt(rows[0].position);
  }
  const [{ lowest, unstarted }]: { lowest: string | null; unstarted: boolean }[] = await db.query(
    `SELECT min(position) AS lowest, bool_or(position IS NULL) AS unstarted FROM municipality_checkpoint c
     WHERE NOT EXISTS (SELECT 1 FROM parked_event p WHERE p.municipality = c.municipality)`,
  );
  if (unstarted || floor === null) return null;
  return lowest === null || BigInt(lowest) > floor ? floor : BigInt(lowest);
}
