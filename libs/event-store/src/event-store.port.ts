// The one port every event log adapter implements (postgres, eventstoredb, in-memory).

/** Metadata every event carries: the recorded time and who/what caused it. */
export interface EventMetadata {
  recordedAt: string; // ISO 8601 UTC instant
  commandId: string;
  /** The CommandType of API.md and a hash of the command body: a retry is recognised by them. */
  commandType?: string;
  commandHash?: string;
  /** How commandHash was computed (absent: the first way); see apps/api/src/commands/command-hash.ts. */
  commandHashVersion?: number;
  causationId?: string;
  correlationId?: string;
  actor: string;
  municipality: string;
  schemaVersion?: number;
}

export interface NewEvent {
  id: string; // UUID; appending an id that is already stored is a no-op
  type: string;
  data: Record<string, unknown>;
  metadata: EventMetadata;
}

export interface RecordedEvent extends NewEvent {
  stream: string;
  revision: number; // 0-based position in its stream
  position: bigint; // position in the global log, strictly increasing in log order
}

/** 'no_stream': the stream must not exist; 'any': no check; a number: the stream's current last revision. */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | number;

export interface AppendRequest {
  stream: string;
  events: NewEvent[];
  expectedRevision: ExpectedRevision;
}

export interface AppendedEvent {
  id: string;
  type: string;
  stream: string;
  revision: number;
  position: bigint;
}

export interface AppendResult {
  events: AppendedEvent[];
  /**
   * True when the request's event ids were already stored (by an earlier or a concurrent append,
   * also one of the same group or batch), so nothing was appended and `events` are the stored
   * ones: whoever needs to know whether the stored events are the ones it sent compares them.
   */
  alreadyStored: boolean;
  /** The last revision of the stream after the append. */
  nextRevision: number;
  /** The global position of the last appended event (a consistency token). */
  position: bigint;
}

export interface Subscription {
  /** Resolves once the subscription has stopped (after `stop()` or a fatal error, which rejects). */
  readonly done: Promise<void>;
  stop(): Promise<void>;
}

export interface SubscribeOptions {
  batchSize?: number;
  /** How long to wait before polling again when caught up (adapters that poll). */
  idleDelayMs?: number;
}

/** Called with each batch in log order; the subscription continues after it resolves. */
export type BatchHandler = (events: RecordedEvent[]) => Promise<void>;

export interface EventStore {
  append(request: AppendRequest): Promise<AppendResult>;
  /**
   * Appends to several streams as one unit where the adapter can (postgres: one transaction);
   * all requests succeed or none. Used for batch imports. The requests may come as they are
   * decided (an async iterable): the adapter may write each while the next is being decided
   * (postgres streams them into its COPY), and reads them all before it answers.
   */
  appendMany(requests: AppendRequest[] | AsyncIterable<AppendRequest>): Promise<AppendResult[]>;
  readStream(stream: string, fromRevision?: number): Promise<RecordedEvent[]>;
  /** Several whole streams at once (optional: see read-streams.ts for the fallback). */
  readStreams?(streams: string[]): Promise<Map<string, RecordedEvent[]>>;
  /** Events strictly after `after` (null: from the start) in global order, at most `limit`. */
  readAll(after: bigint | null, limit: number): Promise<RecordedEvent[]>;
  /** The position of the last event in the log, or null when the log is empty. */
  headPosition(): Promise<bigint | null>;
  /** Positions are numbered one by one (a distance between two is a count of events); not on EventStoreDB. */
  readonly densePositions?: boolean;
  /** Follows the log from strictly after `after`, handing batches to `handler` in order. */
  subscribe(after: bigint | null, handler: BatchHandler, options?: SubscribeOptions): Subscription;
  close(): Promise<void>;
}
