// Copies one event log into another (e.g. PostgreSQL → EventStoreDB), preserving event ids, types,
// streams, revisions, data and metadata, in the source's global order. Positions are the target's
// own: each log numbers its events itself.
//
// Consecutive events of one stream in a source batch become one append, with the expected
// revision the source had (revision - 1, or no_stream), and each batch goes to the target's
// appendMany, so a copy is also a check: a target stream that diverged from the source fails the
// copy with WrongExpectedRevisionError instead of being merged into.
//
// Resuming: appends reach the target in source order and each append is atomic, so what an
// interrupted run copied is a prefix of the source log. A new run walks the source batch by batch
// and, while it finds copied events, skips them: one target read (the batch's last event, by
// stream and revision) skips a whole batch, and a binary search over the batch's appends finds
// where the copied prefix ends. From there on it copies without looking. A target that is empty
// is never searched. The walk reads the source up to the resume point (the port cannot seek to an
// event id); appends are also idempotent by event id, so even a run that got the prefix wrong
// could not store an event twice.
import type { AppendRequest, EventStore, RecordedEvent } from './event-store.port';

export interface MigrateOptions {
  /** Source events read and appended per round trip (default 1000). */
  batchSize?: number;
  onProgress?: (progress: MigrateProgress) => void;
}

export interface MigrateProgress {
  copied: number;
  skipped: number;
  /** The source position up to which the log has been handled. */
  position: bigint;
}

export interface MigrateResult {
  /** Events appended to the target by this run. */
  copied: number;
  /** Events found already copied (by an earlier, interrupted run). */
  skipped: number;
}

/** Runs of consecutive events of one stream, as appends that expect the source's revisions. */
function appendsOf(batch: RecordedEvent[]): AppendRequest[] {
  const requests: AppendRequest[] = [];
  let lastRevision = -1;
  for (const event of batch) {
    const current = requests[requests.length - 1];
    const { id, type, data, metadata } = event;
    if (current && current.stream === event.stream && event.revision === lastRevision + 1) {
      current.events.push({ id, type, data, metadata });
    } else {
      const expectedRevision = event.revision === 0 ? 'no_stream' : event.revision - 1;
      requests.push({ stream: event.stream, expectedRevision, events: [{ id, type, data, metadata }] });
    }
    lastRevision = event.revision;
  }
  return requests;
}

async function isCopied(target: EventStore, request: AppendRequest): Promise<boolean> {
  const last = request.events[request.events.length - 1];
  const revision =
    request.expectedRevision === 'no_stream'
      ? request.events.length - 1
      : (request.expectedRevision as number) + request.events.length;
  const [stored] = await target.readStream(request.stream, revision);
  return stored?.id === last.id;
}

/** How many of the requests (a prefix) the target already holds. */
async function copiedPrefix(target: EventStore, requests: AppendRequest[]): Promise<number> {
  if (await isCopied(target, requests[requests.length - 1])) return requests.length;
  let low = 0; // requests[0..low) are copied
  let high = requests.length - 1; // requests[high] is not
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (await isCopied(target, requests[mid])) low = mid + 1;
    else high = mid;
  }
  return low;
}

const eventCount = (requests: AppendRequest[]) => requests.reduce((n, r) => n + r.events.length, 0);

export async function migrateLog(
  source: EventStore,
  target: EventStore,
  { batchSize = 1000, onProgress }: MigrateOptions = {},
): Promise<MigrateResult> {
  let copied = 0;
  let skipped = 0;
  let after: bigint | null = null;
  let resuming = (await target.headPosition()) !== null;
  for (;;) {
    const batch = await source.readAll(after, batchSize);
    if (batch.length === 0) return { copied, skipped };
    after = batch[batch.length - 1].position;
    let requests = appendsOf(batch);
    if (resuming) {
      const done = await copiedPrefix(target, requests);
      skipped += eventCount(requests.slice(0, done));
      requests = requests.slice(done);
      resuming = requests.length === 0;
    }
    if (requests.length > 0) {
      await target.appendMany(requests);
      copied += eventCount(requests);
    }
    onProgress?.({ copied, skipped, position: after });
  }
}
