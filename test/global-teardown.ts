import { rmSync } from 'node:fs';
import type { EmbeddedDatabase } from '../libs/platform/src';

export default async function globalTeardown(): Promise<void> {
  const db = (globalThis as { __embeddedDb?: EmbeddedDatabase & { dir: string } }).__embeddedDb;
  if (!db) return;
  await db.stop();
  rmSync(db.dir, { recursive: true, force: true });
}
