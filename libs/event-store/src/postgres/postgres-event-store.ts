import { Pool, type PoolClient, type QueryResult } from 'pg';
import { DuplicateEventIdError } from '../event-store.errors';
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
import { appendResultOf, checkExpectedRevision } from '../append-rules';
import { GroupQueue } from '../group-queue';

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

/**
 * A string as an SQL literal, as pg's escapeLiteral writes it: quotes and backslashes doubled,
 * and the E'' form when there is a backslash (correct whatever standard_conforming_strings says).
 */
function literal(value: string): string {
  const escaped = value.replace(/['\\]/g, '$&$&');
  return value.includes('\\') ? ` E'${escaped}'` : `'${escaped}'`;
}

function arrayLiteral(values: string[]): string {
  return `ARRAY[${values.map(literal).join(',')}]`;
}

/** PostgreSQL's SQLSTATE for a unique constraint violated. */
const UNIQUE_VIOLATION = '23505';

/** The most single appends one group transaction takes. */
const MAX_GROUP = 256;

export class PostgresEventStore implements EventStore {
  private readonly appends = new GroupQueue<AppendRequest, AppendResult>((requests) => this.write(requests, false), MAX_GROUP);
  private readonly reads = new GroupQueue<string, RecordedEvent[]>(async (streams) => {
    const found = await this.readStreams([...new Set(streams)]);
    const handedOut = new Set<string>();
    return streams.map((stream) => {
      const events = found.get(stream)!;
      if (handedOut.has(stream)) return [...events]; // each caller its own array: a batch stages its appends into what it read
      handedOut.add(stream);
      return events;
    });
  });

  private constructor(private readonly pool: Pool) {}

  /** The connection pool's use (for metrics). */
  poolUse(): { total: number; idle: number; waiting: number } {
    return { total: this.pool.totalCount, idle: this.pool.idleCount, waiting: this.pool.waitingCount };
  }

  static async connect(url: string, poolSize = 10): Promise<PostgresEventStore> {
    // A server that does not answer (a host gone, packets dropped) fails a connection after 5 s,
    // so that callers answer 503 instead of waiting for the operating system's TCP timeout.
    const pool = new Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5000 });
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
    return this.appends.submit(request);
  }

  /** All requests in one transaction; any failure rolls all of them back and is thrown. */
  async appendMany(requests: AppendRequest[]): Promise<AppendResult[]> {
    if (requests.some((r) => r.events.length === 0)) throw new Error('an append needs at least one event');
    return (await this.write(requests, true)) as AppendResult[];
  }

  /** `atomic`: the first failing request throws; otherwise it gets its error as its outcome. */
  private write(requests: AppendRequest[], atomic: boolean): Promise<(AppendResult | Error)[]> {
    return this.lockedTransaction(async (client) => {
      const appended = await this.appendInOneTrip(client, requests);
      if (appended) return appended;
      const { stored, revisions, head } = await this.beginWithState(client, requests);
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
          checkExpectedRevision(request, current);
          let revision = current ?? -1;
          const appended = request.events.map((e) => ({ ...e, stream: request.stream, revision: ++revision, position: ++position }));
          revisions.set(request.stream, revision);
          rows.push(...appended);
          appended.forEach((e) => inserted.set(e.id, e));
          outcomes.push(appendResultOf(appended));
        } catch (error) {
          if (atomic || !(error instanceof Error)) throw error;
          outcomes.push(error);
        }
      }
      await this.insertAndCommit(client, rows);
      return outcomes;
    });
  }

  /**
   * The common case in one round trip: every request expects a definite revision (or no stream)
   * and carries new event ids. The revisions are assigned here and the positions by
   * event_log_append after the head; one guard over all streams' current revisions lets every
   * row in or none. A guard that does not hold (a concurrent writer) or a stored event id (a
   * retry) returns null, with nothing written, and the caller takes the general path, which
   * sorts out each request.
   */
  private async appendInOneTrip(client: PoolClient, requests: AppendRequest[]): Promise<AppendResult[] | null> {
    const guards = new Map<string, number>();
    const next = new Map<string, number>();
    const rows: (Omit<RecordedEvent, 'position'> & { ord: number })[] = [];
    for (const { stream, expectedRevision, events } of requests) {
      const definite = typeof expectedRevision === 'number' && Number.isInteger(expectedRevision) && expectedRevision >= 0;
      // 'any', 'stream_exists' or a revision no stream can have: the general path decides.
      if (expectedRevision !== 'no_stream' && !definite) return null;
      const expected = definite ? (expectedRevision as number) : -1;
      if (!next.has(stream)) guards.set(stream, expected);
      else if (next.get(stream) !== expected) return null;
      let revision = expected;
      for (const event of events) rows.push({ ...event, stream, revision: ++revision, ord: rows.length + 1 });
      next.set(stream, revision);
    }
    if (new Set(rows.map((r) => r.id)).size !== rows.length) return null;
    let appended: { appended_position: string }[];
    try {
      ({ rows: appended } = await client.query({
        name: 'event-log-append',
        text: 'SELECT appended_position::text AS appended_position FROM event_log_append($1::jsonb, $2::jsonb)',
        values: [JSON.stringify(rows), JSON.stringify([...guards].map(([stream, expected]) => ({ stream, expected })))],
      }));
    } catch (error) {
      // One statement outside a transaction: a failed one has already rolled back.
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) return null;
      throw error;
    }
    if (appended.length === 0) return null;
    // The rows went in at head + ord, one after another: the first position places them all
    // (matching by id would depend on how the caller spelled its UUIDs).
    const first = appended.reduce((min, row) => (BigInt(row.appended_position) < min ? BigInt(row.appended_position) : min), BigInt(appended[0].appended_position));
    const recorded = rows.map(({ ord, ...row }) => ({ ...row, position: first + BigInt(ord - 1) }));
    let offset = 0;
    return requests.map((request) => appendResultOf(recorded.slice(offset, (offset += request.events.length))));
  }

  /** A retried append (its first event id is stored) returns what was stored, appending nothing. */
  private replayedResult(request: AppendRequest, storedById: (id: string) => RecordedEvent | undefined): AppendResult | null {
    const found = request.events.map((e) => storedById(e.id));
    if (found.every((e) => e === undefined)) return null;
    const same = found.every((e, i) => e && e.stream === request.stream && e.type === request.events[i].type);
    if (!same) throw new DuplicateEventIdError(request.events[found.findIndex((e) => !e)]?.id ?? request.events[0].id);
    return appendResultOf(found as RecordedEvent[]);
  }

  /**
   * In the transaction's first round trip, together with BEGIN and the append lock: the stored
   * events with the requests' ids, the streams' revisions and the head. (A multi-statement query
   * takes no parameters, hence literals; each statement sees what committed before the lock.)
   */
  private async beginWithState(client: PoolClient, requests: AppendRequest[]) {
    const ids = [...new Set(requests.flatMap((r) => r.events.map((e) => e.id)))];
    const streams = [...new Set(requests.map((r) => r.stream))];
    const results = (await client.query(
      `BEGIN; SELECT pg_advisory_xact_lock(${APPEND_LOCK_KEY});
       SELECT
         (SELECT coalesce(json_agg(e), '[]') FROM (SELECT position::text AS position, id, stream, revision, type, data, metadata
            FROM event_log WHERE id = ANY(${arrayLiteral(ids)}::uuid[])) e) AS stored,
         (SELECT json_object_agg(stream, revision) FROM
            (SELECT stream, max(revision) AS revision FROM event_log WHERE stream = ANY(${arrayLiteral(streams)}::text[]) GROUP BY stream) r) AS revisions,
         (SELECT max(position) FROM event_log)::text AS head`,
    )) as unknown as QueryResult<{ stored: EventRow[]; revisions: Record<string, number> | null; head: string | null }>[];
    const [{ stored, revisions, head }] = results[results.length - 1].rows;
    return {
      stored: new Map(stored.map((row) => [row.id, toRecorded(row)])),
      revisions: new Map(Object.entries(revisions ?? {})),
      head: BigInt(head ?? 0),
    };
  }

  /** The rows and COMMIT in the transaction's second round trip; a failing insert leaves COMMIT unrun. */
  private async insertAndCommit(client: PoolClient, rows: RecordedEvent[]): Promise<void> {
    if (rows.length === 0) {
      await client.query('COMMIT');
      return;
    }
    const values = rows.map(
      (r) =>
        `(${r.position.toString()},${literal(r.id)},${literal(r.stream)},${r.revision},${literal(r.type)},` +
        `${literal(JSON.stringify(r.data))},${literal(JSON.stringify(r.metadata))})`,
    );
    await client.query(`INSERT INTO event_log (${COLUMNS}) VALUES ${values.join(',')}; COMMIT`);
  }

  /**
   * Whole-stream reads that arrive while one is under way wait for it and then go together in
   * the next query (as appends do): under concurrent commands one query serves many streams.
   * A read is never answered by a query sent before it was asked, so it sees every append that
   * completed before it.
   */
  readStream(stream: string, fromRevision = 0): Promise<RecordedEvent[]> {
    return fromRevision > 0 ? this.readStreamFrom(stream, fromRevision) : this.reads.submit(stream);
  }

  private async readStreamFrom(stream: string, fromRevision: number): Promise<RecordedEvent[]> {
    const { rows } = await this.pool.query<EventRow>({
      name: 'read-stream-from',
      text: `SELECT ${COLUMNS} FROM event_log WHERE stream = $1 AND revision >= $2 ORDER BY revision`,
      values: [stream, fromRevision],
    });
    return rows.map(toRecorded);
  }

  // The reads are named prepared statements: each connection parses and plans them once.
  async readStreams(streams: string[]): Promise<Map<string, RecordedEvent[]>> {
    const result = new Map<string, RecordedEvent[]>(streams.map((s) => [s, []]));
    const { rows } = await this.pool.query<EventRow>({
      name: 'read-streams',
      text: `SELECT ${COLUMNS} FROM event_log WHERE stream = ANY($1::text[]) ORDER BY stream, revision`,
      values: [streams],
    });
    for (const row of rows) result.get(row.stream)!.push(toRecorded(row));
    return result;
  }

  async readAll(after: bigint | null, limit: number): Promise<RecordedEvent[]> {
    const { rows } = await this.pool.query<EventRow>({
      name: 'read-all',
      text: `SELECT ${COLUMNS} FROM event_log WHERE position > $1 ORDER BY position LIMIT $2`,
      values: [(after ?? 0n).toString(), limit],
    });
    return rows.map(toRecorded);
  }

  async headPosition(): Promise<bigint | null> {
    const { rows } = await this.pool.query<{ head: string | null }>('SELECT max(position) AS head FROM event_log');
    return rows[0].head === null ? null : BigInt(rows[0].head);
  }

  /** Positions are dense (numbered one by one under the append lock), so this is a subtraction. */
  async countAfter(after: bigint | null): Promise<number> {
    const head = await this.headPosition();
    return Number((head ?? 0n) - (after ?? 0n));
  }

  subscribe(after: bigint | null, handler: BatchHandler, options?: SubscribeOptions): Subscription {
    return pollingSubscription(this, after, handler, options);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  /**
   * A connection for one append: `work` either calls event_log_append (a transaction of its
   * own) or begins a transaction with the lock and commits it; on an error it is rolled back.
   */
  private async lockedTransaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    // A server that goes away between two statements reports it as an 'error' event, which
    // crashes the process while no listener holds the checked-out client: the statement in
    // flight or the next one fails instead, and the broken connection is discarded on release.
    let broken: Error | undefined;
    const onError = (error: Error) => (broken = error);
    client.on('error', onError);
    try {
      return await work(client);
    } catch (error) {
      await client.query('ROLLBACK').catch((rollbackError: Error) => (broken ??= rollbackError));
      throw error;
    } finally {
      client.removeListener('error', onError);
      client.release(broken);
    }
  }
}
