// The transaction file of the test server, in memory: one ordered list of event records with
// EventStoreDB's rules for expected versions and idempotent appends (see streams-service.ts for
// the wire side). Positions imitate the real log: byte offsets of each record, so they are
// strictly increasing but not dense, and commit == prepare for every event (implicit transactions).

export interface ProposedEvent {
  id: string;
  type: string;
  contentType: string;
  data: Uint8Array;
  metadata: Uint8Array;
}

export interface StoredEvent extends ProposedEvent {
  stream: string;
  revision: number;
  position: bigint;
  created: bigint; // .NET ticks since the Unix epoch, as the server reports "created"
}

export type Expected =
  | { kind: 'any' }
  | { kind: 'no_stream' }
  | { kind: 'stream_exists' }
  | { kind: 'revision'; revision: number };

export type AppendOutcome =
  { ok: true; lastRevision: number; position: bigint } | { ok: false; current: number | null };

/** Where the first user record lands; a real log starts with an epoch record and system events. */
const FIRST_POSITION = 128n;
/** Rough size of a record header, so that positions grow with the payload like byte offsets. */
const RECORD_OVERHEAD = 90;

export class MemoryLog {
  private readonly records: StoredEvent[] = [];
  private readonly streams = new Map<string, StoredEvent[]>();
  private readonly listeners = new Set<(events: StoredEvent[]) => void>();
  private nextPosition = FIRST_POSITION;

  get length(): number {
    return this.records.length;
  }

  at(index: number): StoredEvent {
    return this.records[index];
  }

  append(stream: string, events: ProposedEvent[], expected: Expected): AppendOutcome {
    const existing = this.streams.get(stream) ?? [];
    const current = existing.length === 0 ? null : existing.length - 1;
    const replay = this.idempotentReplay(existing, events, expected);
    if (replay === 'corrupted') return { ok: false, current };
    if (replay) return { ok: true, lastRevision: replay.revision, position: replay.position };
    const ok =
      expected.kind === 'any' ||
      (expected.kind === 'no_stream' && current === null) ||
      (expected.kind === 'stream_exists' && current !== null) ||
      (expected.kind === 'revision' && expected.revision === current);
    if (!ok) return { ok: false, current };
    if (events.length === 0) return { ok: true, lastRevision: current ?? -1, position: this.lastPosition() };
    const created = BigInt(Date.now()) * 10_000n;
    const stored = events.map((event, i) => {
      const record: StoredEvent = {
        ...event,
        stream,
        revision: existing.length + i,
        position: this.nextPosition,
        created,
      };
      this.nextPosition += BigInt(
        RECORD_OVERHEAD + stream.length + event.type.length + event.data.length + event.metadata.length,
      );
      return record;
    });
    existing.push(...stored);
    this.streams.set(stream, existing);
    this.records.push(...stored);
    for (const listener of this.listeners) listener(stored);
    const last = stored[stored.length - 1];
    return { ok: true, lastRevision: last.revision, position: last.position };
  }

  /**
   * EventStoreDB's idempotency check: the proposed ids already sit where the expected version puts
   * them (or, for any/stream_exists, where the first id was written). A partial match is
   * "corrupted idempotency", which the server answers with a wrong-expected-version error.
   */
  private idempotentReplay(
    existing: StoredEvent[],
    events: ProposedEvent[],
    expected: Expected,
  ): StoredEvent | 'corrupted' | null {
    if (events.length === 0) return null;
    const start =
      expected.kind === 'revision'
        ? expected.revision + 1
        : expected.kind === 'no_stream'
          ? 0
          : existing.findIndex((e) => e.id === events[0].id);
    if (start < 0 || existing[start]?.id !== events[0].id) return null;
    const matches = events.every((e, i) => existing[start + i]?.id === e.id);
    return matches ? existing[start + events.length - 1] : 'corrupted';
  }

  readStream(
    stream: string,
    from: number | 'start' | 'end',
    count: number,
    backwards: boolean,
  ): StoredEvent[] | null {
    const events = this.streams.get(stream);
    if (!events) return null;
    if (!backwards) {
      const start = from === 'start' ? 0 : from === 'end' ? events.length : from;
      return events.slice(start, start + count);
    }
    const end = from === 'end' ? events.length - 1 : from === 'start' ? 0 : Math.min(from, events.length - 1);
    return events.slice(Math.max(0, end - count + 1), end + 1).reverse();
  }

  /** Index of the first record at or after `position` (forwards reads include the given position). */
  indexAt(position: bigint): number {
    let low = 0;
    let high = this.records.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.records[mid].position < position) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  onAppend(listener: (events: StoredEvent[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private lastPosition(): bigint {
    return this.records.length === 0 ? FIRST_POSITION : this.records[this.records.length - 1].position;
  }
}
