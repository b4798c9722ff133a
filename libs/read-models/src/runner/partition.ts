// The projector's partition key is the municipality: everything a posting depends on lives
// within one (ARCHITECTURE.md, "Scaling past one machine"). Workers own municipalities by a
// stable hash, so the same municipality always lands on the same worker for a given count.
import type { RecordedEvent } from '@app/event-store';
import { crc32 } from 'node:zlib';

/** The partition of events that carry no municipality. */
const GLOBAL_PARTITION = '_global';

export function partitionOf(event: Pick<RecordedEvent, 'metadata'>): string {
  const municipality = (event.metadata as { municipality?: unknown } | undefined)?.municipality;
  return typeof municipality === 'string' && municipality !== '' ? municipality : GLOBAL_PARTITION;
}

/** Worker `index` (0-based) of `workers`. */
export interface WorkerSlot {
  index: number;
  workers: number;
}

export const SINGLE_WORKER: WorkerSlot = { index: 0, workers: 1 };

export function ownerOf(partition: string, workers: number): number {
  return crc32(partition) % workers;
}

/** Asked for every event a worker reads: the only worker owns everything without hashing. */
export function owns(slot: WorkerSlot, partition: string): boolean {
  return slot.workers === 1 || ownerOf(partition, slot.workers) === slot.index;
}

/** The name of a worker's row in projection_checkpoint. */
export const workerName = (slot: WorkerSlot) => `worker ${slot.index + 1} of ${slot.workers}`;

/**
 * The position a municipality without a checkpoint of its own is known to have no events at or
 * before: the lowest row of a worker count whose workers all have their row (each worker's row
 * covers the municipalities it owns, so only a complete set covers them all); null if none is
 * complete (then nothing is known).
 */
export function unseenFloor(rows: { name: string; position: string }[]): bigint | null {
  const byCount = new Map<number, bigint[]>();
  for (const { name, position } of rows) {
    const workers = Number(/^worker \d+ of (\d+)$/.exec(name)?.[1]);
    if (Number.isInteger(workers)) byCount.set(workers, [...(byCount.get(workers) ?? []), BigInt(position)]);
  }
  let floor: bigint | null = null;
  for (const [workers, positions] of byCount) {
    if (positions.length !== workers) continue;
    for (const position of positions) if (floor === null || position < floor) floor = position;
  }
  return floor;
}
