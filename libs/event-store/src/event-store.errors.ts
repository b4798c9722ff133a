// Typed errors of the event log; the api maps them to problem responses in one place.
import type { RecordedEvent } from './event-store.port';

export class WrongExpectedRevisionError extends Error {
  /** `newer`: the stream's events after the expected revision, when the adapter read them as it checked (PostgreSQL). */
  constructor(
    readonly stream: string,
    readonly expected: string,
    readonly actual: number | null,
    readonly newer?: RecordedEvent[],
  ) {
    super(
      `stream ${stream}: expected revision ${expected}, actual ${actual === null ? 'no stream' : actual}`,
    );
    this.name = 'WrongExpectedRevisionError';
  }
}

/** An event id that is already stored with a different stream or type than the new request. */
export class DuplicateEventIdError extends Error {
  constructor(readonly eventId: string) {
    super(`event id ${eventId} is already stored for a different stream or type`);
    this.name = 'DuplicateEventIdError';
  }
}

/** The log's database refused an event's data (e.g. PostgreSQL's jsonb refuses NUL): nothing of the append was stored. */
export class EventNotStorableError extends Error {
  constructor(
    readonly stream: string,
    reason: string,
  ) {
    super(`the events for stream ${stream} cannot be stored: ${reason}`);
    this.name = 'EventNotStorableError';
  }
}
