// The only module that knows the client library (@eventstore/db-client 6.x). Everything above it
// speaks plain revisions, positions and JSON; moving to @kurrent/kurrentdb-client (same API under
// new names: KurrentDBClient, kurrentdb:// connection strings) means rewriting this file only.
import {
  ANY,
  BACKWARDS,
  CancelledError,
  DeadlineExceededError,
  END,
  EventStoreDBClient,
  excludeSystemEvents,
  FORWARDS,
  jsonEvent,
  NO_STREAM,
  NotLeaderError,
  START,
  STREAM_EXISTS,
  StreamNotFoundError,
  TimeoutError,
  UnavailableError,
  WrongExpectedVersionError,
  type AppendExpectedRevision,
  type ResolvedEvent,
} from '@eventstore/db-client';

export type Expected = 'any' | 'no_stream' | 'stream_exists' | bigint;

export interface EsdbEvent {
  id: string;
  type: string;
  stream: string;
  revision: bigint;
  /** The $all commit position (== prepare position for every event written over gRPC). */
  position: bigint;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
}

export interface ProposedEvent {
  id: string;
  type: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
}

/** The server refused an append: the stream's current revision (null: no stream) is not the expected one. */
export class EsdbConflict extends Error {
  constructor(
    readonly stream: string,
    readonly current: bigint | null,
  ) {
    super(`wrong expected version on ${stream}`);
  }
}

/** Errors after which a new call may succeed (connection lost, leader changed, server busy). */
export function isTransient(error: unknown): boolean {
  return [UnavailableError, CancelledError, DeadlineExceededError, NotLeaderError, TimeoutError].some(
    (type) => error instanceof type,
  );
}

export interface LiveFeed {
  pause(): void;
  resume(): void;
  close(): Promise<void>;
}

export interface FeedSink {
  event(event: EsdbEvent): void;
  /** The feed failed or ended; no more events follow. */
  failed(error: unknown): void;
}

/**
 * Two clients (two HTTP/2 connections): one for appends and reads, one for subscriptions. The
 * client library reacts to an UNAVAILABLE or CANCELLED call by closing its channel and opening a
 * new one; when a subscription is dropped on a shared channel, that tears down the BatchAppend call
 * under appends in flight, and 6.2.1 keeps its pending appends in one module-wide map that the
 * failed call clears, so appends made meanwhile on the new channel fail and their answers throw
 * (batchAppend.js: `promiseBank.get(...)` is undefined). Keeping subscriptions apart means a dropped
 * subscription reconnects only itself.
 */
export class EsdbConnection {
  private subscriber: EventStoreDBClient | null = null;

  private constructor(
    private readonly url: string,
    private readonly client: EventStoreDBClient,
  ) {}

  static open(url: string): EsdbConnection {
    return new EsdbConnection(url, EventStoreDBClient.connectionString(url));
  }

  /** Appends atomically; returns the stream's last revision and, when the server reports one, the write's position. */
  async append(
    stream: string,
    events: ProposedEvent[],
    expected: Expected,
  ): Promise<{ lastRevision: bigint; position?: bigint }> {
    const expectedRevision: AppendExpectedRevision =
      expected === 'any'
        ? ANY
        : expected === 'no_stream'
          ? NO_STREAM
          : expected === 'stream_exists'
            ? STREAM_EXISTS
            : expected;
    try {
      const result = await this.client.appendToStream(
        stream,
        events.map((e) => jsonEvent(e)),
        { expectedRevision },
      );
      return { lastRevision: result.nextExpectedRevision, position: result.position?.commit };
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) {
        throw new EsdbConflict(stream, typeof error.actualVersion === 'bigint' ? error.actualVersion : null);
      }
      throw error;
    }
  }

  /** Forwards from a revision, or backwards from the end; a missing stream reads as empty. */
  async readStream(stream: string, from: bigint | 'end', maxCount: number): Promise<EsdbEvent[]> {
    const read = this.client.readStream(stream, {
      fromRevision: from === 'end' ? 'end' : from,
      direction: from === 'end' ? BACKWARDS : FORWARDS,
      maxCount,
    });
    try {
      return await collect(read);
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
  }

  /**
   * $all from a position: forwards includes the event at `from`, backwards starts with the one
   * before it (the server's rules); 'start'/'end' are the ends of the log.
   */
  async readAll(
    from: bigint | 'start' | 'end',
    maxCount: number,
    direction: 'forwards' | 'backwards',
  ): Promise<EsdbEvent[]> {
    const fromPosition =
      typeof from === 'bigint' ? { commit: from, prepare: from } : from === 'end' ? END : START;
    return collect(
      this.client.readAll({
        fromPosition,
        direction: direction === 'forwards' ? FORWARDS : BACKWARDS,
        maxCount,
      }),
    );
  }

  /**
   * A catch-up subscription to $all strictly after `after` (null: from the start), filtered on the
   * server to exclude system events ($-prefixed event types).
   */
  subscribeToAll(after: bigint | null, sink: FeedSink): LiveFeed {
    this.subscriber ??= EventStoreDBClient.connectionString(this.url);
    const subscription = this.subscriber.subscribeToAll({
      fromPosition: after === null ? START : { commit: after, prepare: after },
      filter: excludeSystemEvents(),
    });
    let closed = false;
    const fail = (error: unknown) => {
      if (closed) return;
      closed = true;
      sink.failed(error);
    };
    subscription.on('data', (resolved: ResolvedEvent) => {
      const event = toEvent(resolved);
      if (!closed && event) sink.event(event);
    });
    subscription.on('error', fail);
    subscription.on('end', () => fail(new UnavailableError(undefined, 'subscription ended by the server')));
    return {
      pause: () => subscription.pause(),
      resume: () => subscription.resume(),
      close: async () => {
        closed = true;
        await subscription.unsubscribe();
      },
    };
  }

  async close(): Promise<void> {
    await Promise.all([this.client.dispose(), this.subscriber?.dispose()]);
  }
}

async function collect(read: AsyncIterable<ResolvedEvent>): Promise<EsdbEvent[]> {
  const events: EsdbEvent[] = [];
  for await (const resolved of read) {
    const event = toEvent(resolved);
    if (event) events.push(event);
  }
  return events;
}

/**
 * Every event converts, so that page sizes count what the server returned. Binary events (only
 * system events, e.g. `$>` links; this application writes JSON) come out with empty data.
 */
function toEvent({ event }: ResolvedEvent): EsdbEvent | null {
  if (!event?.position) return null;
  const json = event.isJson;
  return {
    id: event.id,
    type: event.type,
    stream: event.streamId,
    revision: event.revision,
    position: event.position.commit,
    data: json ? (event.data as Record<string, unknown>) : {},
    metadata: json ? ((event.metadata ?? {}) as Record<string, unknown>) : {},
  };
}
