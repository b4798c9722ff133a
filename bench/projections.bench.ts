// `npm run bench -- projections [events]` (default 1,000,000): generates a log with realistic
// shares, then measures a full rebuild (events/s, peak resident memory), the projection lag at
// a steady 500 events/s, and an as-of summary for one municipality-year.
import { rmSync } from 'node:fs';
import { PostgresEventStore } from '@app/event-store/postgres/postgres-event-store';
import { startEmbeddedPostgres } from '@app/platform/database/embedded-postgres';
import { allProjections } from '@app/read-models/projections/all-projections';
import { LedgerQueries } from '@app/read-models/queries/ledger.queries';
import { projectIntoSchema, swapIntoLive } from '@app/read-models/rebuild/rebuild';
import { openReadModels } from '@app/read-models/read-model-data-source';
import { ProjectionRunner, readCheckpoint } from '@app/read-models/runner/projection-runner';
import { decideRefund } from '@app/rules';
import { Client } from 'pg';
import { generateLog } from './support/generated-log';

const DIR = '.bench-data/projections';
async function admin(url: string, work: (client: Client) => Promise<unknown>): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

const p99 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.99)];

export async function main(args: string[]): Promise<void> {
  const total = Number(args[0] ?? 1_000_000);
  rmSync(DIR, { recursive: true, force: true });
  const db = await startEmbeddedPostgres(DIR);
  const store = await PostgresEventStore.connect(db.url);

  let t = Date.now();
  const generated = await generateLog(store, total);
  console.log(`generated ${generated} events in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  // A rebuild reads a log that has long settled: the generated one gets its vacuum, statistics
  // and checkpoint now, not from autovacuum and the checkpointer in the middle of the timing.
  await admin(db.url, async (c) => {
    await c.query('VACUUM (ANALYZE) event_log');
    await c.query('CHECKPOINT');
  });

  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
  t = Date.now();
  await projectIntoSchema(db.url, 'rm_bench', store, allProjections(decideRefund));
  const seconds = (Date.now() - t) / 1000;
  clearInterval(sampler);
  console.log(`full rebuild: ${generated} events in ${seconds.toFixed(1)} s = ${Math.round(generated / seconds)} events/s, peak rss ${Math.round(peakRss / 2 ** 20)} MiB`);
  await swapIntoLive(db.url, 'rm_bench').catch(() =>
    // No live schema yet on a fresh database: rename only.
    admin(db.url, (c) => c.query('ALTER SCHEMA rm_bench RENAME TO rm')),
  );

  const readModels = await openReadModels(db.url);
  const queries = new LedgerQueries(readModels);
  const timings: number[] = [];
  for (let i = 0; i < 10; i++) {
    t = performance.now();
    await queries.summary({ municipality: '101', asOf: new Date().toISOString(), activityFrom: '2024-01-01', activityTo: '2024-12-31' }, ['account', 'targetGroup']);
    timings.push(performance.now() - t);
  }
  console.log(`as-of summary, municipality 101, activity year 2024: median ${timings.sort((a, b) => a - b)[5].toFixed(1)} ms`);

  const runner = new ProjectionRunner(store, readModels, allProjections(decideRefund), { idleDelayMs: 20 });
  await runner.start();
  const lags: number[] = [];
  const appendedAt = new Map<bigint, number>();
  const watcher = setInterval(async () => {
    const checkpoint = (await readCheckpoint(readModels)) ?? 0n;
    for (const [position, at] of appendedAt) if (position <= checkpoint) {
      lags.push(Date.now() - at);
      appendedAt.delete(position);
    }
  }, 10);
  const steadyStart = Date.now();
  let sent = 0;
  while (Date.now() - steadyStart < 20_000) {
    const due = Math.floor(((Date.now() - steadyStart) / 1000) * 500);
    if (sent < due) {
      const before = (await store.headPosition()) ?? 0n;
      const n = await generateLog(store, due - sent, `steady${sent}`, Date.parse('2026-01-01T00:00:00Z') + sent * 1000);
      appendedAt.set(before + BigInt(n), Date.now());
      sent += n;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  while (appendedAt.size > 0) await new Promise((r) => setTimeout(r, 20));
  clearInterval(watcher);
  await runner.stop();
  console.log(`steady ${Math.round(sent / 20)} events/s for 20 s: projection lag p99 ${p99(lags)} ms (max ${Math.max(...lags)} ms)`);

  await readModels.destroy();
  await store.close();
  await db.stop();
  rmSync(DIR, { recursive: true, force: true });
}
