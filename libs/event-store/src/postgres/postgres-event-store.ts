import { Pool, type PoolClient } from 'pg';
import {
  DuplicateEventIdError,
  EventNotStorableError,
  WrongExpectedRevisionError,
} from '../event-store.errors';
import type {
  AppendedEvent,
  AppendRequest,
  AppendResult,
  BatchHandler,
  EventStore,
  NewEvent,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from '../event-store.port';
import { pollingSubscription } from '../polling-subscription';
import { CopyIn, copyIn, copyValue, escapeCopy } from './copy-text';
import { EVENT_LOG_SCHEMA } from './postgres-event-store.schema';
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

/** Built member by member: an object spread is many times slower on V8, for every event read. */
function toRecorded(row: EventRow): RecordedEvent {
  return {
    position: BigInt(row.position),
    id: row.id,
    stream: row.stream,
    revision: row.revision,
    type: row.type,
    data: row.data,
    metadata: row.metadata,
  };
}

/** PostgreSQL's SQLSTATE for a unique constraint violated. */
const UNIQUE_VIOLATION = '23505';

/** The most single appends one group transaction takes. */
const MAX_GROUP = 256;

/** PostgreSQL's SQLSTATE class of data exceptions (a value the column type refuses, e.g. NUL in jsonb). */
const DATA_EXCEPTION_CLASS = '22';

/** What event_log_append_guarded did: the first position it wrote (null: none); the streams it refused with their revisions and newer events, and those of them with stored ids. */
interface GuardedAppend {
  first: bigint | null;
  conflicts: Record<string, number | null>;
  newer: RecordedEvent[];
  retried: Set<string>;
}

/** A row of event_log_append_guarded: its place in the statement (`ord`) orders its position. */
type AppendRow = Omit<RecordedEvent, 'position'> & { ord: number };

// Rows are built member by member: V8 makes an object spread followed by new members (`{ ...event,
// stream }`) some fifty times slower, and every event of a batch is one.
const rowOf = (event: NewEvent, stream: string, revision: number, ord: number): AppendRow => ({
  id: event.id,
  type: event.type,
  data: event.data,
  metadata: event.metadata,
  stream,
  revision,
  ord,
});

const recordedOf = (row: AppendRow, position: bigint): RecordedEvent => ({
  id: row.id,
  type: row.type,
  data: row.data,
  metadata: row.metadata,
  stream: row.stream,
  revision: row.revision,
  position,
});

/** An event in COPY text form, at its position in the log and its revision in its stream, with its newline. */
const eventLine = (position: bigint, event: NewEvent, stream: string, revision: number) =>
  `${position}\t${escapeCopy(event.id)}\t${escapeCopy(stream)}\t${revision}\t${escapeCopy(event.type)}\t${copyValue(event.data, true)}\t${copyValue(event.metadata, true)}\n`;

/** A row in COPY text form, at head + ord. */
const copyLine = (head: bigint, row: AppendRow) =>
  eventLine(head + BigInt(row.ord), row, row.stream, row.revision);

const isDefiniteRevision = (expected: AppendRequest['expectedRevision']) =>
  typeof expected === 'number' && Number.isInteger(expected) && expected >= 0;

export class PostgresEventStore implements EventStore {
  readonly densePositions = true;
  private readonly appends = new GroupQueue<AppendRequest, AppendResult>(
    (requests) => this.appendGroup(requests),
    MAX_GROUP,
  );
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

  /**
   * All requests in one transaction, their events streamed in with COPY under the append lock;
   * any failure rolls all of them back and is thrown. Requests that come as they are decided go
   * into the COPY as they come (the database inserts while the caller decides the next ones).
   */
  async appendMany(requests: AppendRequest[] | AsyncIterable<AppendRequest>): Promise<AppendResult[]> {
    if (!Array.isArray(requests)) return this.appendAsDecided(requests);
    if (requests.some((r) => r.events.length === 0)) throw new Error('an append needs at least one event');
    return (await this.write(requests, true)) as AppendResult[];
  }

  /**
   * A group whose data the database refuses is written again member by member, so that only the
   * member at fault fails. Any other failure (a lost connection, a server shutting down) is no
   * member's fault: the whole group fails with it, and no member is tried again.
   */
  private async appendGroup(requests: AppendRequest[]): Promise<(AppendResult | Error)[]> {
    try {
      return await this.write(requests, false);
    } catch (error) {
      if (requests.length === 1 || !(error instanceof EventNotStorableError)) throw error;
      const outcomes: (AppendResult | Error)[] = [];
      for (const request of requests) {
        outcomes.push(
          await this.write([request], false).then(
            ([outcome]) => outcome,
            (e: unknown) => (e instanceof Error ? e : new Error(String(e))),
          ),
        );
      }
      return outcomes;
    }
  }

  /** `atomic`: the first failing request throws; otherwise it gets its error as its outcome. */
  private write(requests: AppendRequest[], atomic: boolean): Promise<(AppendResult | Error)[]> {
    return this.onClient(
      async (client, transaction) => {
        const appended = atomic ? null : await this.appendInOneTrip(client, requests);
        if (appended) {
          const left = requests.filter((_, i) => appended[i] === undefined);
          if (left.length === 0) return appended as (AppendResult | Error)[];
          transaction.open = true;
          const outcomes = await this.appendUnderLock(client, left, false, false);
          return appended.map((outcome) => outcome ?? outcomes.shift()!);
        }
        transaction.open = true;
        if (!atomic) return await this.appendUnderLock(client, requests, atomic, false);
        // A batch takes its ids, and the streams it expects to have none, for new; a stored one (a
        // retried batch, a stream appended to since it was read) is a unique violation, and the
        // batch is written again looking them up.
        try {
          return await this.appendUnderLock(client, requests, atomic, true);
        } catch (error) {
          if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
          await client.query('ROLLBACK');
          return await this.appendUnderLock(client, requests, atomic, false);
        }
      },
      () => requests[0].stream,
    );
  }

  /**
   * `work` on a connection of the pool; a failure rolls back the transaction it opened
   * (`transaction.open`), and a value the database refuses is an EventNotStorableError of `stream()`.
   */
  private async onClient<T>(
    work: (client: PoolClient, transaction: { open: boolean }) => Promise<T>,
    stream: () => string,
  ): Promise<T> {
    const client = await this.pool.connect();
    // A server that goes away between two statements reports it as an 'error' event, which
    // crashes the process while no listener holds the checked-out client: the statement in
    // flight or the next one fails instead, and the broken connection is discarded on release.
    let broken: Error | undefined;
    const onError = (error: Error) => (broken = error);
    client.on('error', onError);
    const transaction = { open: false };
    try {
      return await work(client, transaction);
    } catch (error) {
      if (transaction.open)
        await client.query('ROLLBACK').catch((rollbackError: Error) => (broken ??= rollbackError));
      const code = (error as { code?: unknown }).code;
      if (typeof code === 'string' && code.startsWith(DATA_EXCEPTION_CLASS))
        throw new EventNotStorableError(stream(), (error as Error).message);
      throw error;
    } finally {
      client.removeListener('error', onError);
      client.release(broken);
    }
  }

  /**
   * A batch whose requests come as they are decided: under the append lock, each request's rows
   * go into one COPY as it comes, so the database inserts while the caller decides. The ids are
   * taken for new and each stream for being where its first request expects it (a stream
   * expected at no stream fails the COPY on its revision 0, one expected at revision r on r + 1
   * if it has more, and is looked up after the COPY for having r). A stored id or revision, a
   * stream somewhere else, or a request that expects no definite revision: the batch is written
   * again from all its requests, looking everything up, as for an array.
   */
  private async appendAsDecided(requests: AsyncIterable<AppendRequest>): Promise<AppendResult[]> {
    const source = requests[Symbol.asyncIterator]();
    // The first request is decided while the transaction takes the append lock and opens its COPY.
    const first = source.next();
    first.catch(() => undefined); // awaited below, unless no connection is to be had
    let next: IteratorResult<AppendRequest> | null = null;
    const all: AppendRequest[] = [];
    return this.onClient(
      async (client, transaction) => {
        transaction.open = true;
        await client.query('BEGIN');
        const { head } = await this.stateOf(client, [], true);
        const copy = new CopyIn(client, `COPY event_log (${COLUMNS}) FROM STDIN`);
        // What each request appends, made as its rows go into the COPY (null: looked up below).
        let results: AppendResult[] | null = [];
        let position = head;
        const lastRevisions = new Map<string, number>();
        const expectedToExist = new Map<string, number>();
        try {
          for (next = await first; !next.done; next = await source.next()) {
            const request = next.value;
            if (request.events.length === 0) throw new Error('an append needs at least one event');
            all.push(request);
            if (results === null) continue;
            const { stream, expectedRevision } = request;
            const written = lastRevisions.get(stream);
            const definite = isDefiniteRevision(expectedRevision);
            if (
              written !== undefined
                ? expectedRevision !== written
                : !definite && expectedRevision !== 'no_stream'
            ) {
              results = null; // looked up below
              continue;
            }
            if (written === undefined && definite) expectedToExist.set(stream, expectedRevision as number);
            let revision = written ?? (definite ? (expectedRevision as number) : -1);
            let lines = '';
            const events: AppendedEvent[] = [];
            for (const event of request.events) {
              lines += eventLine(++position, event, stream, ++revision);
              events.push({ id: event.id, type: event.type, stream, revision, position });
            }
            results.push({ events, alreadyStored: false, nextRevision: revision, position });
            lastRevisions.set(stream, revision);
            await copy.add(lines);
          }
          if (results !== null) await copy.end();
          else await copy.abort();
        } catch (error) {
          await copy.abort();
          if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
          results = null; // the batch is written again from all its requests
          if (next !== null && !next.done)
            for (next = await source.next(); !next.done; next = await source.next()) all.push(next.value);
        }
        if (results !== null && (await this.allHaveRevisions(client, expectedToExist))) {
          await client.query('COMMIT');
          return results;
        }
        await client.query('ROLLBACK');
        return (await this.appendUnderLock(client, all, true, false)) as AppendResult[];
      },
      () => all[0]?.stream ?? '',
    );
  }

  /** Whether each stream has the revision given (the one a batch expected it at). */
  private async allHaveRevisions(client: PoolClient, revisions: Map<string, number>): Promise<boolean> {
    if (revisions.size === 0) return true;
    const { rows } = await client.query<{ found: number }>({
      name: 'streams-have-revisions',
      text: `SELECT count(*)::int AS found FROM unnest($1::text[], $2::int[]) AS g(stream, revision)
        WHERE EXISTS (SELECT 1 FROM event_log e WHERE e.stream = g.stream AND e.revision = g.revision)`,
      values: [[...revisions.keys()], [...revisions.values()]],
    });
    return rows[0].found === revisions.size;
  }

  /**
   * The common case in one round trip: every request expects a definite revision (or no stream)
   * of a stream no other request of the group appends to, and carries new event ids. The
   * revisions are assigned here; a request whose stream is not at its expected revision (a
   * concurrent writer, or a writer that decided on an older state) gets a conflict carrying the
   * stream's events after that revision, and the others go in. A stored event id (a retry)
   * among requests whose guard holds returns null, with nothing written, and the caller takes
   * appendUnderLock, which sorts out each request; among refused ones it leaves that request
   * (undefined) to appendUnderLock.
   */
  private async appendInOneTrip(
    client: PoolClient,
    requests: AppendRequest[],
  ): Promise<(AppendResult | Error | undefined)[] | null> {
    const guards = new Map<string, number>();
    const rows: AppendRow[] = [];
    for (const { stream, expectedRevision, events } of requests) {
      const definite = isDefiniteRevision(expectedRevision);
      // 'any', 'stream_exists', a revision no stream can have, or a stream twice: appendUnderLock decides.
      if ((expectedRevision !== 'no_stream' && !definite) || guards.has(stream)) return null;
      let revision = definite ? (expectedRevision as number) : -1;
      guards.set(stream, revision);
      for (const event of events) rows.push(rowOf(event, stream, ++revision, rows.length + 1));
    }
    if (new Set(rows.map((r) => r.id.toLowerCase())).size !== rows.length) return null;
    let appended: GuardedAppend;
    try {
      // One statement outside a transaction: a failed one has already rolled back.
      appended = await this.insert(
        client,
        rows,
        [...guards].map(([stream, expected]) => ({ stream, expected })),
      );
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) return null;
      throw error;
    }
    const { first, conflicts, newer, retried } = appended;
    let next = first;
    let offset = 0;
    return requests.map((request) => {
      const own = rows.slice(offset, (offset += request.events.length));
      if (retried.has(request.stream)) return undefined;
      if (request.stream in conflicts) {
        const expected = guards.get(request.stream)!;
        return new WrongExpectedRevisionError(
          request.stream,
          String(request.expectedRevision),
          conflicts[request.stream],
          newer.filter((e) => e.stream === request.stream && e.revision > expected),
        );
      }
      return appendResultOf(own.map((row) => recordedOf(row, next!++)));
    });
  }

  /**
   * Batches, and every case the one-trip append leaves, in a transaction under the append lock:
   * the statement that takes the lock reads the head, the streams' revisions and the stored
   * events with the requests' ids; each request is answered (what is stored already, a conflict,
   * or rows to insert) and the rows go in with one COPY at head + ord. The lock is held from
   * that statement to the commit: three round trips. `asNew` takes the ids, and the streams of
   * requests that expect no stream, for new without looking them up: a stored one makes the COPY
   * fail with a unique violation (of the id, or of the stream's revision 0).
   */
  private async appendUnderLock(
    client: PoolClient,
    requests: AppendRequest[],
    atomic: boolean,
    asNew: boolean,
  ): Promise<(AppendResult | Error)[]> {
    await client.query('BEGIN');
    const { head, stored, revisions } = await this.stateOf(client, requests, asNew);
    const outcomes: ({ rows: (AppendRow | RecordedEvent)[]; alreadyStored: boolean } | Error)[] = [];
    const rows: AppendRow[] = [];
    const inserted = new Map<string, AppendRow>();
    for (const request of requests) {
      try {
        const found = this.storedEventsOf(request, (id) => stored.get(id) ?? inserted.get(id));
        if (found) {
          outcomes.push({ rows: found, alreadyStored: true });
          continue;
        }
        const current = revisions.get(request.stream) ?? null;
        checkExpectedRevision(request, current);
        let revision = current ?? -1;
        const own = request.events.map((e) => rowOf(e, request.stream, ++revision, 0));
        for (const row of own) {
          row.ord = rows.push(row);
          inserted.set(row.id.toLowerCase(), row);
        }
        revisions.set(request.stream, revision);
        outcomes.push({ rows: own, alreadyStored: false });
      } catch (error) {
        if (atomic || !(error instanceof Error)) throw error;
        outcomes.push(error);
      }
    }
    if (rows.length > 0) await this.copyRows(client, head, rows);
    await client.query('COMMIT');
    const placed = (row: AppendRow | RecordedEvent) =>
      'ord' in row ? recordedOf(row, head + BigInt(row.ord)) : row;
    return outcomes.map((o) =>
      o instanceof Error ? o : appendResultOf(o.rows.map(placed), o.alreadyStored),
    );
  }

  /** The rows at head + ord, in one COPY (fails as an INSERT would: a stored id or revision is a unique violation). */
  private async copyRows(client: PoolClient, head: bigint, rows: AppendRow[]): Promise<void> {
    let lines = '';
    for (const row of rows) lines += copyLine(head, row);
    await copyIn(client, `COPY event_log (${COLUMNS}) FROM STDIN`, Buffer.from(lines, 'utf8'));
  }

  /** event_log_append_guarded: inserts the rows of the streams whose guard holds, in ord order from the head on. */
  private async insert(
    client: PoolClient,
    rows: AppendRow[],
    guards: { stream: string; expected: number }[],
  ): Promise<GuardedAppend> {
    const { rows: appended } = await client.query<{
      first: string | null;
      conflicts: Record<string, number | null> | null;
      newer: EventRow[] | null;
      retried: string[] | null;
    }>({
      name: 'event-log-append-guarded',
      text: 'SELECT first_position::text AS first, conflicts, newer, retried FROM event_log_append_guarded($1::jsonb, $2::jsonb)',
      values: [JSON.stringify(rows), JSON.stringify(guards)],
    });
    const { first, conflicts, newer, retried } = appended[0];
    return {
      first: first === null ? null : BigInt(first),
      conflicts: conflicts ?? {},
      newer: (newer ?? []).map(toRecorded),
      retried: new Set(retried),
    };
  }

  /** The stored events of a retried append (its event ids are stored); null when none is. */
  private storedEventsOf<E extends { stream: string; type: string }>(
    request: AppendRequest,
    storedById: (id: string) => E | undefined,
  ): E[] | null {
    const found = request.events.map((e) => storedById(e.id.toLowerCase()));
    if (found.every((e) => e === undefined)) return null;
    const same = found.every((e, i) => e && e.stream === request.stream && e.type === request.events[i].type);
    if (!same)
      throw new DuplicateEventIdError(request.events[found.findIndex((e) => !e)]?.id ?? request.events[0].id);
    return found as E[];
  }

  /**
   * event_log_append_state: takes the append lock, then reads the head, the stored events with
   * the requests' ids and the streams' revisions (`asNew`: no ids, and only the streams some
   * request expects to exist).
   */
  private async stateOf(client: PoolClient, requests: AppendRequest[], asNew: boolean) {
    const ids = asNew ? [] : [...new Set(requests.flatMap((r) => r.events.map((e) => e.id.toLowerCase())))];
    const streams = [
      ...new Set(requests.flatMap((r) => (asNew && r.expectedRevision === 'no_stream' ? [] : [r.stream]))),
    ];
    const { rows } = await client.query<{
      head: string;
      stored: EventRow[];
      revisions: Record<string, number>;
    }>({
      name: 'append-state',
      text: 'SELECT head::text AS head, stored, revisions FROM event_log_append_state($1::uuid[], $2::text[])',
      values: [ids, streams],
    });
    return {
      head: BigInt(rows[0].head),
      stored: new Map(rows[0].stored.map((row) => [row.id, toRecorded(row)])),
      revisions: new Map(Object.entries(rows[0].revisions)),
    };
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
    const { rows } = await this.pool.query<{ head: string | null }>(
      'SELECT max(position) AS head FROM event_log',
    );
    return rows[0].head === null ? null : BigInt(rows[0].head);
  }

  subscribe(after: bigint | null, handler: BatchHandler, options?: SubscribeOptions): Subscription {
    return pollingSubscription(this, after, handler, options);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
