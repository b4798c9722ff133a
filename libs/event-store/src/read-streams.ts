import type { EventStore, RecordedEvent } from './event-store.port';

const PARALLEL_READS = 16;

/** Whole streams by name: in one call where the adapter can, else a few reads at a time. */
export async function readStreams(
  store: EventStore,
  streams: string[],
): Promise<Map<string, RecordedEvent[]>> {
  if (store.readStreams) return store.readStreams(streams);
  const result = new Map<string, RecordedEvent[]>();
  for (let i = 0; i < streams.length; i += PARALLEL_READS) {
    const chunk = streams.slice(i, i + PARALLEL_READS);
    const read = await Promise.all(chunk.map((s) => store.readStream(s)));
    chunk.forEach((s, j) => result.set(s, read[j]));
  }
  return result;
}
