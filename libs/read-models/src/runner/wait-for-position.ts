// Read-your-writes: a query with ?minPosition= waits until the read models include that position.
import type { DataSource } from 'typeorm';
import { readCheckpoint } from './projection-runner';

export async function waitForPosition(db: DataSource, position: bigint, timeoutMs: number, pollMs = 10): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const checkpoint = await readCheckpoint(db);
    if (checkpoint !== null && checkpoint >= position) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((r) => setTimeout(r, pollMs));
  }
}
