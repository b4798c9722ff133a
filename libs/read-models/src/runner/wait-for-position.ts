// Read-your-writes: a query with ?minPosition= waits until the read models include that position
// (of the municipality asked about, when given).
import type { DataSource } from 'typeorm';
import { projectedThrough } from './progress';

export async function waitForPosition(
  db: DataSource,
  position: bigint,
  timeoutMs: number,
  pollMs = 10,
  municipality?: string,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const checkpoint = await projectedThrough(db, municipality);
    if (checkpoint !== null && checkpoint >= position) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((r) => setTimeout(r, pollMs));
  }
}
