import { Pool, type PoolClient } from 'pg';
import { DuplicateEventIdError, WrongExpectedRevisionError } from '../event-store.errors';
import type {
  AppendRequest,
  AppendResult,
  BatchHandler,
  EventStore,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from '../event-store.port';
import { pollingSubscription } from '../polling-subscription';
import { APPEND_LOCK_KEY, EVENT_LOG_SCHEMA } from './postgres-event-store.schema';

interface EventRow {
  position: string;
  id: string;
  stream: string;
  revision: number;
  type: string;
  data: Record<string, unknown>;
  metadata: RecordedEvent['metadata'];
}

const COLUMNS = 'position, id, stream, revision, type, data, metadata';

function toRecorded(row: EventRow): RecordedEvent {
  return { ...row, position: BigInt(row.position) };
}

function resultOf(events: RecordedEvent[]): AppendResult {
  const last = events[events.length - 1];
  return {
    events: events.map(({ id, type, stream, revision, position }) => ({ id, type, stream, revision, position })),
    nextRevision: last.revision,
    position: last.position,
  };
}

function checkExpected(request: AppendRequest, current: number | null): void {
  const { expectedRevision: expected, stream } = request;
  const ok =
    expected === 'any' ||
    (expected === 'no_stream' && current === null) ||
    (expected === 'stream_exists' && current !== null) ||
    expected === current;
  if (!ok) throw new WrongExpectedRevisionError(stream, String(expected), current);
}

export class PostgresEventStore implements EventStore {
  private constructor(private readonly pool: Pool) {}

  static async connect(url: string, poolSize = 10): Promise<PostgresEventStore> {
    const pool = new Pool({ connectionString: url, max: poolSize });
    // An idle connection dropped by the server (restart, shutdown) is replaced on next use.
    pool.on('error', () => undefined);
    await pool.query(EVENT_LOG_SCHEMA);
    return new PostgresEventStore(pool);
  }

  async append(request: AppendRequest): Promise<AppendResult> {
    const [result] = await this.appendMany([request]);
    return result;
  }

  async appendMany(requests: AppendRequest[]): Promise<AppendResult[]> {
    if (requests.some((r) => r.events.length === 0)) throw new Error('an append needs at least one event');
    return this.transaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [APPEND_LOCK_KEY]);
      const stored = await this.storedEvents(client, requests);
      const revisions = await this.currentRevisions(client, requests.map((r) => r.stream));
      const head = await client.query<{ head: string | null }>('SELECT max(position) AS head FROM event_log');
      let position = BigInt(head.rows[0].head ?? 0);
      const results: AppendResult[] = [];
      const rows: RecordedEvent[] = [];
      for (const request of requests) {
        const replay = this.replayedResult(request, stored);
        if (replay) {
          results.push(replay);
          continue;
        }
        const current = revisions.get(request.stream) ?? null;
        checkExpected(request, current);
        let revision = current ?? -1;
        const appended = request.events.map((e) => ({ ...e, stream: request.stream, revision: ++revision, position: ++position }));
        revisions.set(request.stream, revision);
        rows.push(...appended);
        results.push(resultOf(appended));
      }
      await this.insert(client, rows);
      return results;
    });
  }

  /** A retried append (its first event id is stored) returns what was stored, appending nothing. */
  private replayedResult(request: AppendRequest, stored: Map<string, RecordedEvent>): AppendResult | null {
    const found = request.events.map((e) => stored.get(e.id));
    if (found.every((e) => e === undefined)) return null;
    const same = found.every((e, i) => e && e.stream === request.stream && e.type === request.events[i].type);
    if (!same) throw new DuplicateEventIdError(request.events[found.findIndex((e) => !e)]?.id ?? request.events[0].id);
    return resultOf(found as RecordedEvent[]);
  }

  private async storedEvents(client: PoolClient, requests: AppendRequest[]): Promise<Map<string, RecordedEvent>> {
    const ids = requests.flatMap((r) => r.events.map((e) => e.id));
    const { rows } = await client.query<EventRow>(`SELECT ${COLUMNS} FROM event_log WHERE id = ANY($1::uuid[])`, [ids]);
    return new Map(rows.map((row) => [row.id, toRecorded(row)]));
  }

  private async currentRevisions(client: PoolClient, streams: string[]): Promise<Map<string, number>> {
    const { rows } = await client.query<{ stream: string; revision: number }>(
      'SELECT stream, max(revision) AS revision FROM event_log WHERE stream = ANY($1::text[]) GROUP BY stream',
      [[...new Set(streams)]],
    );
    return new Map(rows.map((r) => [r.stream, r.revision]));
  }

  private async insert(client: PoolClient, rows: RecordedEvent[]): Promise<void> {
    if (rows.length === 0) return;
    await client.query(
      `INSERT INTO event_log (${COLUMNS})
       SELECT * FROM unnest($1::bigint[], $2::uuid[], $3::text[], $4::int[], $5::text[], $6::jsonb[], $7::jsonb[])`,
      [
        rows.map((r) => r.position.toString()),
        rows.map((r) => r.id),
        rows.map((r) => r.stream),
        rows.map((r) => r.revision),
        rows.map((r) => r.type),
        rows.map((r) => JSON.stringify(r.data)),
        rows.map((r) => JSON.stringify(r.metadata)),
      ],
    );
  }

  async readStream(stream: string, fromRevision = 0): Promise<RecordedEvent[]> {
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${COLUMNS} FROM event_log WHERE stream = $1 AND revision >= $2 ORDER BY revision`,
      [stream, fromRevision],
    );
    return rows.map(toRecorded);
  }

  async readAll(after: bigint | null, limit: number): Promise<RecordedEvent[]> {
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${COLUMNS} FROM event_log WHERE position > $1 ORDER BY position LIMIT $2`,
      [(after ?? 0n).toString(), limit],
    );
    return rows.map(toRecorded);
  }

  async headPosition(): Promise<bigint | null> {
    const { rows } = await this.pool.query<{ head: string | null }>('SELECT max(position) AS head FROM event_log');
    return rows[0].head === null ? null : BigInt(rows[0].head);
  }

  subscribe(after: bigint | null, handler: BatchHandler, options?: SubscribeOptions): Subscription {
    return pollingSubscription(this, after, handler, options);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private async transaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }
}
