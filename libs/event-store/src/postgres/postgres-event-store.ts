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

/** The most single appends one group transaction takes. */
const MAX_GROUP = 256;

export class PostgresEventStore implements EventStore {
  private readonly queue: { request: AppendRequest; resolve: (r: AppendResult) => void; reject: (e: unknown) => void }[] = [];
  private flushing = false;

  private constructor(private readonly pool: Pool) {}

  static async connect(url: string, poolSize = 10): Promise<PostgresEventStore> {
    const pool = new Pool({ connectionString: url, max: poolSize });
    // An idle connection dropped by the server (restart, shutdown) is replaced on next use.
    pool.on('error', () => undefined);
    await pool.query(EVENT_LOG_SCHEMA);
    return new PostgresEventStore(pool);
  }

  /**
   * Single appends that arrive while a transaction is committing wait and then go together in
   * the next one (group commit): the advisory lock serialises transactions, so grouping is what
   * lets concurrent writers share one commit's fsync. Each request still succeeds or fails alone.
   */
  append(request: AppendRequest): Promise<AppendResult> {
    if (request.events.length === 0) return Promise.reject(new Error('an append needs at least one event'));
    return new Promise((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      while (this.queue.length > 0) {
        const group = this.queue.splice(0, MAX_GROUP);
        const outcomes = await this.write(group.map((g) => g.request), false).catch((error: unknown) =>
          group.map(() => (error instanceof Error ? error : new Error(String(error)))),
        );
        group.forEach((g, i) => {
          const outcome = outcomes[i];
          if (outcome instanceof Error) g.reject(outcome);
          else g.resolve(outcome);
        });
      }
    } finally {
      this.flushing = false;
    }
  }

  /** All requests in one transaction; any failure rolls all of them back and is thrown. */
  async appendMany(requests: AppendRequest[]): Promise<AppendResult[]> {
    if (requests.some((r) => r.events.length === 0)) throw new Error('an append needs at least one event');
    return (await this.write(requests, true)) as AppendResult[];
  }

  /** `atomic`: the first failing request throws; otherwise it gets its error as its outcome. */
  private write(requests: AppendRequest[], atomic: boolean): Promise<(AppendResult | Error)[]> {
    return this.lockedTransaction(async (client) => {
      const { stored, revisions, head } = await this.appendState(client, requests);
      let position = head;
      const outcomes: (AppendResult | Error)[] = [];
      const rows: RecordedEvent[] = [];
      const inserted = new Map<string, RecordedEvent>();
      for (const request of requests) {
        try {
          const replay = this.replayedResult(request, (id) => stored.get(id) ?? inserted.get(id));
          if (replay) {
            outcomes.push(replay);
            continue;
          }
          const current = revisions.get(request.stream) ?? null;
          checkExpected(request, current);
          let revision = current ?? -1;
          const appended = request.events.map((e) => ({ ...e, stream: request.stream, revision: ++revision, position: ++position }));
          revisions.set(request.stream, revision);
          rows.push(...appended);
          appended.forEach((e) => inserted.set(e.id, e));
          outcomes.push(resultOf(appended));
        } catch (error) {
          if (atomic || !(error instanceof Error)) throw error;
          outcomes.push(error);
        }
      }
      await this.insert(client, rows);
      return outcomes;
    });
  }

  /** A retried append (its first event id is stored) returns what was stored, appending nothing. */
  private replayedResult(request: AppendRequest, storedById: (id: string) => RecordedEvent | undefined): AppendResult | null {
    const found = request.events.map((e) => storedById(e.id));
    if (found.every((e) => e === undefined)) return null;
    const same = found.every((e, i) => e && e.stream === request.stream && e.type === request.events[i].type);
    if (!same) throw new DuplicateEventIdError(request.events[found.findIndex((e) => !e)]?.id ?? request.events[0].id);
    return resultOf(found as RecordedEvent[]);
  }

  /** In one round trip: the stored events with the requests' ids, the streams' revisions, the head. */
  private async appendState(client: PoolClient, requests: AppendRequest[]) {
    const ids = requests.flatMap((r) => r.events.map((e) => e.id));
    const streams = [...new Set(requests.map((r) => r.stream))];
    const { rows } = await client.query<{ stored: EventRow[]; revisions: Record<string, number> | null; head: string | null }>(
      `SELECT
         (SELECT coalesce(json_agg(e), '[]') FROM (SELECT position::text AS position, id, stream, revision, type, data, metadata
            FROM event_log WHERE id = ANY($1::uuid[])) e) AS stored,
         (SELECT json_object_agg(stream, revision) FROM
            (SELECT stream, max(revision) AS revision FROM event_log WHERE stream = ANY($2::text[]) GROUP BY stream) r) AS revisions,
         (SELECT max(position) FROM event_log)::text AS head`,
      [ids, streams],
    );
    const [{ stored, revisions, head }] = rows;
    return {
      stored: new Map(stored.map((row) => [row.id, toRecorded(row)])),
      revisions: new Map(Object.entries(revisions ?? {})),
      head: BigInt(head ?? 0),
    };
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

  async readStreams(streams: string[]): Promise<Map<string, RecordedEvent[]>> {
    const result = new Map<string, RecordedEvent[]>(streams.map((s) => [s, []]));
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${COLUMNS} FROM event_log WHERE stream = ANY($1::text[]) ORDER BY stream, revision`,
      [streams],
    );
    for (const row of rows) result.get(row.stream)!.push(toRecorded(row));
    return result;
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

  /** A transaction holding the append lock (taken in the same round trip as BEGIN). */
  private async lockedTransaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query(`BEGIN; SELECT pg_advisory_xact_lock(${APPEND_LOCK_KEY})`);
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
