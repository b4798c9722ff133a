// `npm run bench -- projections [events] [projects|plain]` (default 1,000,000, the mix with
// projects; `plain`: persons only, the mix before projects): generates a log with realistic
// shares, then measures a full rebuild (events/s, peak resident memory), the projection lag at
// a steady 500 events/s, and an as-of summary for one municipality-year.
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { PostgresEventStore } from '@app/event-store';
import { startEmbeddedPostgres } from '@app/platform';
import {
  allProjections,
  LedgerQueries,
  openReadModels,
  projectedThrough,
  ProjectionRunner,
} from '@app/read-models';
import { rulebooks } from '@app/rules';
import { Client } from 'pg';
import { generateLog, type LogMix } from './support/generated-log';
import { runRebuild } from './support/rebuild-process';

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

/** Generates the log, then gives it the vacuum, statistics and checkpoint of a log that has long settled. */
async function settledLogOf(
  url: string,
  store: PostgresEventStore,
  total: number,
  mix: LogMix,
): Promise<void> {
  const t = Date.now();
  const generated = await generateLog(store, total, undefined, undefined, mix);
  console.log(`generated ${generated} events in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  // A rebuild reads a log that has long settled: not autovacuum and the checkpointer in the middle of the timing.
  await admin(url, async (c) => {
    await c.query('VACUUM (ANALYZE) event_log');
    await c.query('CHECKPOINT');
  });
}

export async function main(args: string[]): Promise<void> {
  const total = Number(args[0] ?? 1_000_000);
  const mix = (args[1] ?? 'projects') as LogMix;
  if (mix !== 'projects' && mix !== 'plain') throw new Error(`unknown mix "${mix}": projects or plain`);
  rmSync(DIR, { recursive: true, force: true });
  // BENCH_LOG_CACHE=1 keeps the generated log (a copy of the server's folder, made once it has
  // settled) and starts later runs of the same size and mix from a copy of it.
  const cache = process.env.BENCH_LOG_CACHE === '1' ? `${DIR}-log-${mix}-${total}` : undefined;
  const cached = cache !== undefined && existsSync(cache);
  if (cached) execFileSync('cp', ['-a', cache, DIR]); // -a: the cluster's files stay the postgres user's
  let db = await startEmbeddedPostgres(DIR);
  let store = await PostgresEventStore.connect(db.url);

  let t: number;
  if (!cached) await settledLogOf(db.url, store, total, mix);
  else console.log(`log of ${mix} ${total} from ${cache}`);
  if (cache !== undefined && !cached) {
    await store.close();
    await db.stop();
    execFileSync('cp', ['-a', DIR, cache]);
    db = await startEmbeddedPostgres(DIR);
    store = await PostgresEventStore.connect(db.url);
  }
  const generated = Number((await store.headPosition()) ?? 0n);
  await admin(db.url, async (c) => {
    const { rows } = await c.query<{ type: string; n: string }>(
      'SELECT type, count(*) AS n FROM event_log GROUP BY type',
    );
    const n = (type: string) => Number(rows.find((r) => r.type === type)?.n ?? 0);
    // Expenses: the costs recorded on offers and projects; carve-outs and timesheets as shares of them.
    const expenses = n('OfferExpenseRecorded') + n('ProjectExpenseRecorded');
    const share = (type: string) => `${n(type)} (${((100 * n(type)) / expenses).toFixed(2)} %)`;
    console.log(
      `mix: ${expenses} expenses, of them project expenses ${share('ProjectExpenseRecorded')}; ` +
        `carve-outs ${share('AdministrativeShareRecorded')}, timesheet revisions ${share('StaffTimesheetRecorded')}`,
    );
  });

  // The rebuild runs as operators run it: `npm run cli -- rebuild`'s compiled code in a process
  // of its own (BENCH_NODE_ARGS adds node options to it, e.g. --cpu-prof), whose resident
  // memory is sampled from /proc.
  const rebuild = await runRebuild(db.url);
  console.log(
    `full rebuild: ${generated} events in ${rebuild.seconds.toFixed(1)} s = ${Math.round(generated / rebuild.seconds)} events/s, ` +
      `${rebuild.cpuSeconds.toFixed(1)} s CPU, peak rss ${Math.round(rebuild.peakRssMiB)} MiB`,
  );

  const readModels = await openReadModels(db.url);
  const queries = new LedgerQueries(readModels);
  const timings: number[] = [];
  for (let i = 0; i < 10; i++) {
    t = performance.now();
    await queries.summary(
      {
        municipality: '101',
        asOf: new Date().toISOString(),
        activityFrom: '2024-01-01',
        activityTo: '2024-12-31',
      },
      ['account', 'targetGroup'],
    );
    timings.push(performance.now() - t);
  }
  console.log(
    `as-of summary, municipality 101, activity year 2024: median ${timings.sort((a, b) => a - b)[5].toFixed(1)} ms`,
  );

  // The first seconds of the steady load warm the projector (its code is still interpreted,
  // its caches empty) and are not counted: the figure is a long-running projector's.
  const WARM_UP_MS = 3_000;
  const MEASURED_MS = 20_000;
  const runner = new ProjectionRunner(store, readModels, allProjections(rulebooks)); // as `npm start` runs it
  await runner.start();
  const steadyStart = Date.now();
  const lags: number[] = [];
  const appendedAt = new Map<bigint, number>();
  let watching = true;
  const watcher = (async () => {
    while (watching) {
      const checkpoint = (await projectedThrough(readModels)) ?? 0n;
      for (const [position, at] of appendedAt)
        if (position <= checkpoint) {
          if (at - steadyStart >= WARM_UP_MS) lags.push(Date.now() - at);
          appendedAt.delete(position);
        }
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
  let sent = 0;
  while (Date.now() - steadyStart < WARM_UP_MS + MEASURED_MS) {
    const due = Math.floor(((Date.now() - steadyStart) / 1000) * 500);
    if (sent < due) {
      const before = (await store.headPosition()) ?? 0n;
      const n = await generateLog(
        store,
        due - sent,
        `steady${sent}`,
        Date.parse('2026-01-01T00:00:00Z') + sent * 1000,
        mix,
      );
      appendedAt.set(before + BigInt(n), Date.now());
      sent += n;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  while (appendedAt.size > 0) await new Promise((r) => setTimeout(r, 20));
  watching = false;
  await watcher;
  await runner.stop();
  const sorted = [...lags].sort((a, b) => a - b);
  console.log(
    `steady ${Math.round(sent / ((WARM_UP_MS + MEASURED_MS) / 1000))} events/s for ${MEASURED_MS / 1000} s after ${WARM_UP_MS / 1000} s of warm-up: ` +
      `projection lag p50 ${sorted[Math.floor(sorted.length / 2)]} ms, p99 ${p99(lags)} ms, max ${sorted[sorted.length - 1]} ms (${lags.length} appends)`,
  );

  await readModels.destroy();
  await store.close();
  await db.stop();
  rmSync(DIR, { recursive: true, force: true });
}
