// The event log on EventStoreDB (selected by EVENTSTORE_URL=esdb://…).
//
// Streams are EventStoreDB streams, revisions its stream revisions (from 0), event ids its event
// ids. The port's global `position` is the event's $all commit position. That is a total order
// safe for checkpoints: events written over gRPC are implicit transactions whose commit position
// equals the event's own prepare position (its byte offset in the transaction log), so every event
// has a distinct one; it grows in the order the leader committed, which is the order $all reads and
// subscriptions deliver, and a position once handed out never gets an event before it. (Explicit
// multi-event transactions of the legacy TCP API shared one commit position; nothing in this
// application can write them.) Positions are byte offsets: increasing, not dense.
//
// `readAll(after)` maps to a $all read forwards from {commit: after, prepare: after}; the server
// includes the event at that position, so it is skipped. Subscriptions start strictly after
// the position by the server's own rule.
//
// appendMany: EventStoreDB has no transaction across streams. The requests' expected revisions are
// checked up front against the streams' current revisions (and each other), then the requests are
// appended one by one in order. That keeps the all-or-nothing promise against everything but a
// concurrent writer sneaking in between the check and the appends (best effort, documented in the
// port's terms: a later request may then fail with WrongExpectedRevisionError after earlier ones
// were written; a retry of the whole call is safe because appends are idempotent by event id).
//
// Event ids are unique across streams through reservations (see event-id-reservations.ts). A
// retried append returns the stored result, read back from the stream.
import { DuplicateEventIdError, WrongExpectedRevisionError } from '../event-store.errors';
import { isDeepStrictEqual } from 'node:util';
import type {
  AppendRequest,
  AppendResult,
  BatchHandler,
  EventStore,
  NewEvent,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from '../event-store.port';
import { EsdbConflict, EsdbConnection, type Expected } from './esdb-connection';
import { EsdbSubscription } from './esdb-subscription';
import { EventIdReservations } from './event-id-reservations';
import { isSystemEvent, toProposed, toRecorded } from './event-mapping';
import { appendResultOf, checkExpectedRevision, requestsOf } from '../append-rules';

const WHOLE_STREAM = Number.MAX_SAFE_INTEGER;

/** An event's data and metadata as a read gives them back (JSON: no undefined values). */
function asStored({ data, metadata }: NewEvent): { data: unknown; metadata: unknown } {
  return JSON.parse(JSON.stringify({ data, metadata })) as { data: unknown; metadata: unknown };
}
/** Backwards page size when looking for the last non-system event. */
const HEAD_PAGE = 64;

export class EventStoredbEventStore implements EventStore {
  private readonly reservations: EventIdReservations;

  private constructor(private readonly connection: EsdbConnection) {
    this.reservations = new EventIdReservations(connection);
  }

  /** Connects and checks the server answers (a read of $all), so a wrong URL fails here. */
  static async connect(url: string): Promise<EventStoredbEventStore> {
    const connection = EsdbConnection.open(url);
    await connection.readAll('end', 1, 'backwards');
    return new EventStoredbEventStore(connection);
  }

  async append(request: AppendRequest): Promise<AppendResult> {
    const [result] = await this.appendMany([request]);
    return result;
  }

  async appendMany(source: AppendRequest[] | AsyncIterable<AppendRequest>): Promise<AppendResult[]> {
    const requests = await requestsOf(source);
    if (requests.some((r) => r.events.length === 0)) throw new Error('an append needs at least one event');
    const maybeRetried = await this.reservations.reserve(requests);
    const stored = await Promise.all(
      requests.map((request) =>
        request.events.some((e) => maybeRetried.has(e.id)) ? this.storedEvents(request) : null,
      ),
    );
    const writes = requests.filter((_, i) => stored[i] === null);
    // A single append is checked by the server itself; several are checked up front (see header).
    if (requests.length > 1) await this.checkUpFront(writes);
    // Several appends are read back from $all in one go, starting at the head as it was before.
    const head = writes.length > 1 ? await this.rawHead() : null;
    const lastRevisions: bigint[] = [];
    for (const request of writes) lastRevisions.push(await this.write(request));
    const readBack = await this.readBack(writes, lastRevisions, head);
    return requests.map((request, i) =>
      stored[i] ? appendResultOf(stored[i], true) : readBack.get(request)!,
    );
  }

  /** Checks the requests' expected revisions in order against the streams' current revisions. */
  private async checkUpFront(requests: AppendRequest[]): Promise<void> {
    const streams = [...new Set(requests.map((r) => r.stream))];
    const currents = await Promise.all(streams.map((stream) => this.currentRevision(stream)));
    const revisions = new Map(streams.map((stream, i) => [stream, currents[i]]));
    for (const request of requests) {
      const current = revisions.get(request.stream)!;
      checkExpectedRevision(request, current);
      revisions.set(request.stream, (current ?? -1) + request.events.length);
    }
  }

  /** The stored events when every event of the request is stored in its stream; null when none is. */
  private async storedEvents(request: AppendRequest): Promise<RecordedEvent[] | null> {
    const stored = new Map((await this.readStream(request.stream)).map((e) => [e.id, e]));
    const found = request.events.map((e) => stored.get(e.id));
    if (found.every((e) => e === undefined)) return null;
    const mismatch = found.findIndex((e, i) => e?.type !== request.events[i].type);
    if (mismatch >= 0) throw new DuplicateEventIdError(request.events[mismatch].id);
    return found as RecordedEvent[];
  }

  /** Appends one request; returns the stream's revision after it. */
  private async write({ stream, events, expectedRevision }: AppendRequest): Promise<bigint> {
    const expected: Expected =
      typeof expectedRevision === 'number' ? BigInt(expectedRevision) : expectedRevision;
    try {
      return (await this.connection.append(stream, events.map(toProposed), expected)).lastRevision;
    } catch (error) {
      if (!(error instanceof EsdbConflict)) throw error;
      throw new WrongExpectedRevisionError(
        stream,
        String(expectedRevision),
        error.current === null ? null : Number(error.current),
      );
    }
  }

  /**
   * The written requests' events as stored: they carry their positions, and they show whether
   * the server stored these events or answered with those of an append of the same ids that got
   * there first (its idempotency compares ids only): then the result is `alreadyStored`. Several
   * requests are looked up in $all after `head`; what is not found there (stored before it) and a
   * single request are read from their streams.
   */
  private async readBack(
    requests: AppendRequest[],
    lastRevisions: bigint[],
    head: bigint | null,
  ): Promise<Map<AppendRequest, AppendResult>> {
    const key = (stream: string, id: string) => `${stream}\n${id}`;
    const found = new Map<string, RecordedEvent>();
    if (requests.length > 1) {
      const wanted = new Set(requests.flatMap((r) => r.events.map((e) => key(r.stream, e.id))));
      let from: bigint | 'start' = head ?? 'start';
      while (wanted.size > 0) {
        const size = Math.max(wanted.size + 1, HEAD_PAGE);
        const page = await this.connection.readAll(from, size, 'forwards');
        for (const event of page)
          if (wanted.delete(key(event.stream, event.id)))
            found.set(key(event.stream, event.id), toRecorded(event));
        if (page.length < size) break;
        from = page[page.length - 1].position; // read on from there: the server includes it again
      }
    }
    const results = new Map<AppendRequest, AppendResult>();
    for (const [i, request] of requests.entries()) {
      const { stream, events } = request;
      let stored = events.map((e) => found.get(key(stream, e.id)));
      if (stored.some((e) => e === undefined))
        stored = (await this.readStream(stream, Number(lastRevisions[i]) - events.length + 1)).slice(
          0,
          events.length,
        );
      const mismatch = events.findIndex((e, j) => stored[j]?.id !== e.id);
      if (mismatch >= 0) throw new DuplicateEventIdError(events[mismatch].id);
      const mine = events.every((e, j) =>
        isDeepStrictEqual(asStored(e), { data: stored[j]!.data, metadata: stored[j]!.metadata }),
      );
      results.set(request, appendResultOf(stored as RecordedEvent[], !mine));
    }
    return results;
  }

  /** The position of the last record in $all, system events included (null: empty log). */
  private async rawHead(): Promise<bigint | null> {
    const [last] = await this.connection.readAll('end', 1, 'backwards');
    return last ? last.position : null;
  }

  private async currentRevision(stream: string): Promise<number | null> {
    const [last] = await this.connection.readStream(stream, 'end', 1);
    return last ? Number(last.revision) : null;
  }

  async readStream(stream: string, fromRevision = 0): Promise<RecordedEvent[]> {
    const events = await this.connection.readStream(stream, BigInt(fromRevision), WHOLE_STREAM);
    return events.filter((e) => !isSystemEvent(e)).map(toRecorded);
  }

  async readAll(after: bigint | null, limit: number): Promise<RecordedEvent[]> {
    const found: RecordedEvent[] = [];
    // A few system events (reservation journal entries) may sit between the application's events.
    const page = limit + 32;
    let seen = after;
    for (;;) {
      const events = await this.connection.readAll(seen ?? 'start', page, 'forwards');
      for (const event of events) {
        if (seen !== null && event.position <= seen) continue; // the event at `after` itself
        seen = event.position;
        if (isSystemEvent(event)) continue;
        found.push(toRecorded(event));
        if (found.length === limit) return found;
      }
      if (events.length < page) return found;
    }
  }

  async headPosition(): Promise<bigint | null> {
    let from: bigint | 'end' = 'end';
    for (;;) {
      const events = await this.connection.readAll(from, HEAD_PAGE, 'backwards');
      const last = events.find((e) => !isSystemEvent(e));
      if (last) return last.position;
      if (events.length < HEAD_PAGE) return null;
      from = events[events.length - 1].position;
    }
  }

  subscribe(after: bigint | null, handler: BatchHandler, options?: SubscribeOptions): Subscription {
    return new EsdbSubscription(this.connection, after, handler, options);
  }

  async close(): Promise<void> {
    await this.connection.close();
  }
}
