// What every adapter decides the same way: whether an expected revision holds, and the result
// an append reports.
import { WrongExpectedRevisionError } from './event-store.errors';
import type { AppendedEvent, AppendRequest, AppendResult } from './event-store.port';

/** The requests of an appendMany, read to the end where they come as they are decided. */
export async function requestsOf(
  requests: AppendRequest[] | AsyncIterable<AppendRequest>,
): Promise<AppendRequest[]> {
  if (Array.isArray(requests)) return requests;
  const all: AppendRequest[] = [];
  for await (const request of requests) all.push(request);
  return all;
}

/** Throws WrongExpectedRevisionError unless the stream's current revision (null: no stream) meets the request's expectation. */
export function checkExpectedRevision(
  { stream, expectedRevision: expected }: AppendRequest,
  current: number | null,
): void {
  const ok =
    expected === 'any' ||
    (expected === 'no_stream' && current === null) ||
    (expected === 'stream_exists' && current !== null) ||
    expected === current;
  if (!ok) throw new WrongExpectedRevisionError(stream, String(expected), current);
}

/** The result of an append of `events` (in stream order, at least one); `alreadyStored`: see AppendResult. */
export function appendResultOf(events: AppendedEvent[], alreadyStored = false): AppendResult {
  const last = events[events.length - 1];
  return {
    events: events.map(({ id, type, stream, revision, position }) => ({
      id,
      type,
      stream,
      revision,
      position,
    })),
    alreadyStored,
    nextRevision: last.revision,
    position: last.position,
  };
}
