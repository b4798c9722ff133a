// `npm run bench -- limits [rounds] [rebuild events]` (default 3 rounds, a log of 100,000 events
// to rebuild): what this machine can do at most, and how much of it the project does, measured
// in the same run on one embedded PostgreSQL, in rounds that take every figure in turn (so a
// machine that drifts moves all of them alike). Limits: single-row insert+commit into a table
// shaped like the event log at 1 and 8 connections, COPY into it, and a bare JSON POST answered
// by plain Node, Express, Nest on Express, Fastify and Nest on Fastify (each a process of its
// own, at 8 connections). And floors, the least the project's own figures do: the bare POST on
// Nest and Fastify answered once a row for it is committed (in group commits), batches POSTed to
// it and COPYed in (bare-http-server.ts), and the rebuild's log read with its output rows COPYed
// into tables without indexes (rebuild-output-copy.ts). The project: single commands at
// 1, 8 and 32 (the system as `npm start` runs it, projector beside the api), batch import, and a
// full rebuild. Each figure is printed as min/median/max over the rounds, the project's also as
// a share of its limit (medians).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PostgresEventStore } from '@app/event-store';
import { freePort, startEmbeddedPostgres } from '@app/platform';
import autocannon from 'autocannon';
import { Client, Pool } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { BARE_HTTP_KINDS, type BareHttpKind } from './support/bare-http-server';
import { commandLoad, postBatches } from './support/command-load';
import { generateLog } from './support/generated-log';
import { createLogShapedTable, logRow } from './support/log-shaped';
import { rebuildOutput, type RebuildOutput } from './support/rebuild-output-copy';
import { runRebuild } from './support/rebuild-process';
import { startRunningSystem, type RunningSystem } from './support/running-system';

const DIR = '.bench-data/limits';
const SECONDS = 5;
const COPY_ROWS = 100_000;
/** Batch import: 10 batches of 1,000 commands. */
const BATCHES = [10, 1000] as const;
const BATCH_EVENTS = BATCHES[0] * BATCHES[1];
const JSON_HEADERS = { 'content-type': 'application/json' };

/** Rows inserted and committed one by one (autocommit) per second, over `connections` connections. */
async function insertCommitRate(
  pool: Pool,
  connections: number,
  nextPosition: () => number,
): Promise<number> {
  const until = Date.now() + SECONDS * 1000;
  let rows = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      const client = await pool.connect();
      try {
        while (Date.now() < until) {
          await client.query({
            name: 'insert-log-shaped',
            text: 'INSERT INTO log_shaped VALUES ($1, $2, $3, $4, $5, $6, $7)',
            values: logRow(nextPosition()),
          });
          rows++;
        }
      } finally {
        client.release();
      }
    }),
  );
  return rows / SECONDS;
}

/** Rows per second of one COPY of COPY_ROWS rows. */
async function copyRate(pool: Pool, nextPosition: () => number): Promise<number> {
  const lines = Array.from({ length: COPY_ROWS }, () => `${logRow(nextPosition()).join('\t')}\n`);
  const client = await pool.connect();
  try {
    const started = process.hrtime.bigint();
    await pipeline(Readable.from(lines), client.query(copyFrom('COPY log_shaped FROM STDIN')));
    return COPY_ROWS / (Number(process.hrtime.bigint() - started) / 1e9);
  } finally {
    client.release();
  }
}

interface BareServer {
  kind: BareHttpKind;
  /** Where it answers the bare POST. */
  url: string;
  /** Where it takes a batch (nest-fastify-append only). */
  batchUrl: string;
  process: ChildProcess;
}

async function startBareServer(kind: BareHttpKind, databaseUrl: string): Promise<BareServer> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      '-r',
      '@swc-node/register',
      join(__dirname, 'support/bare-http-server.ts'),
      kind,
      String(port),
      databaseUrl,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('listening') && resolve());
    child.once('exit', (code) => reject(new Error(`the ${kind} server exited with ${code}`)));
  });
  return {
    kind,
    url: `http://127.0.0.1:${port}/bare`,
    batchUrl: `http://127.0.0.1:${port}/batch`,
    process: child,
  };
}

async function postRate(url: string, connections: number): Promise<number> {
  const body = JSON.stringify({
    commandId: randomUUID(),
    municipality: '101',
    personId: 'p-1',
    targetGroup: 'jobafklaring',
    effectiveFrom: '2025-01-01',
  });
  const result = await autocannon({
    url,
    connections,
    duration: SECONDS,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url} answered ${result.non2xx} non-2xx`);
  return result.requests.average;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const range = (values: number[]) =>
  `${Math.round(Math.min(...values))} / ${Math.round(median(values))} / ${Math.round(Math.max(...values))}`;

export async function main(args: string[]): Promise<void> {
  const rounds = Number(args[0] ?? 3);
  const rebuildEvents = Number(args[1] ?? 100_000);
  rmSync(DIR, { recursive: true, force: true });
  const db = await startEmbeddedPostgres(`${DIR}/postgres`);
  const urlOf = (database: string) => db.url.replace(/\/postgres$/, `/${database}`);
  const admin = new Client({ connectionString: db.url });
  await admin.connect();
  for (const database of ['limits', 'system', 'rebuild']) await admin.query(`CREATE DATABASE ${database}`);

  await createLogShapedTable(urlOf('limits'));
  const limits = new Pool({ connectionString: urlOf('limits'), max: 8 });
  let position = 0;
  const nextPosition = () => ++position;

  const log = await PostgresEventStore.connect(urlOf('rebuild'));
  const generated = await generateLog(log, rebuildEvents);
  await log.close();
  const rebuildDb = new Client({ connectionString: urlOf('rebuild') });
  await rebuildDb.connect();
  await rebuildDb.query('VACUUM (ANALYZE) event_log');
  await rebuildDb.end();
  await admin.query('CHECKPOINT');

  const servers: BareServer[] = [];
  let system: RunningSystem | undefined;
  const rebuilt = new Client({ connectionString: urlOf('rebuild') });
  await rebuilt.connect();
  let output: RebuildOutput | undefined;
  try {
    for (const kind of BARE_HTTP_KINDS) servers.push(await startBareServer(kind, urlOf('limits')));
    const appending = servers.find((server) => server.kind === 'nest-fastify-append')!;
    system = await startRunningSystem(`${DIR}/system`, { DATABASE_URL: urlOf('system') });
    const load = commandLoad(system);
    await load.single(8, 3); // warm-up, not reported
    for (const server of servers) await postRate(server.url, 8);
    await postBatches(appending.batchUrl, JSON_HEADERS, ...BATCHES);

    const figures = new Map<string, number[]>();
    const note = (name: string, value: number) => figures.set(name, [...(figures.get(name) ?? []), value]);
    for (let round = 1; round <= rounds; round++) {
      await limits.query('TRUNCATE log_shaped'); // every round begins on an empty table
      note('insert+commit c1', await insertCommitRate(limits, 1, nextPosition));
      note('insert+commit c8', await insertCommitRate(limits, 8, nextPosition));
      note('COPY', await copyRate(limits, nextPosition));
      for (const server of servers) note(`${server.kind} POST c8`, await postRate(server.url, 8));
      note('bare batch', BATCH_EVENTS / (await postBatches(appending.batchUrl, JSON_HEADERS, ...BATCHES)));
      for (const connections of [1, 8, 32])
        note(`commands c${connections}`, (await load.single(connections, SECONDS)).requests.average);
      note('batch import', BATCH_EVENTS / (await load.batches(...BATCHES)));
      await admin.query('CHECKPOINT');
      note('rebuild', generated / (await runRebuild(urlOf('rebuild'), true)).seconds);
      output ??= await rebuildOutput(rebuilt); // the rows of the first rebuild
      note('rebuild output COPY', generated / (await output.time()));
      console.log(`round ${round} of ${rounds} done`);
    }

    const limitRows: [string, string][] = [
      ['insert+commit c1', 'rows/s'],
      ['insert+commit c8', 'rows/s'],
      ['COPY', `rows/s (${COPY_ROWS} rows into an event_log-shaped table)`],
      ...BARE_HTTP_KINDS.map((kind): [string, string] => [
        `${kind} POST c8`,
        kind === 'nest-fastify-append'
          ? 'requests/s (bare JSON POST answered once a row for it is committed to an event_log-shaped table, in group commits)'
          : 'requests/s (bare JSON POST)',
      ]),
      [
        'bare batch',
        'events/s (batches of 1,000 commands POSTed to Nest on Fastify, answered once a row for each is in by one COPY)',
      ],
      [
        'rebuild output COPY',
        `events/s (the log read in the rebuild's pages and its ${output!.rows} read-model rows COPYed into tables without indexes)`,
      ],
    ];
    console.log(`limits of this machine, min / median / max of ${rounds} rounds:`);
    for (const [name, unit] of limitRows) console.log(`  ${name}: ${range(figures.get(name)!)} ${unit}`);
    const share = (name: string, limit: string) =>
      `${Math.round((100 * median(figures.get(name)!)) / median(figures.get(limit)!))} % of ${limit}`;
    const project: [string, string, string[]][] = [
      ['commands c1', 'commands/s', ['insert+commit c1', 'nest-fastify POST c8']],
      [
        'commands c8',
        'commands/s',
        ['nest-fastify POST c8', 'insert+commit c8', 'nest-fastify-append POST c8'],
      ],
      ['commands c32', 'commands/s', ['nest-fastify POST c8', 'insert+commit c8']],
      ['batch import', 'events/s', ['COPY', 'bare batch']],
      ['rebuild', `events/s (${generated} events)`, ['COPY', 'rebuild output COPY']],
    ];
    console.log('the project, min / median / max, and its median as a share of the limits’ medians:');
    for (const [name, unit, of] of project)
      console.log(
        `  ${name}: ${range(figures.get(name)!)} ${unit}; ${of.map((l) => share(name, l)).join(', ')}`,
      );
    // The shares the speed goals ask for, beside the floor that does only the I/O the figure must do.
    const goals: [string, number, string, string][] = [
      ['commands c8', 0.4, 'nest-fastify POST c8', 'nest-fastify-append POST c8'],
      ['batch import', 0.5, 'COPY', 'bare batch'],
      ['rebuild', 0.5, 'COPY', 'rebuild output COPY'],
    ];
    console.log('the goals (medians), and what they are of the floor beneath each:');
    for (const [name, fraction, limit, floor] of goals) {
      const goal = fraction * median(figures.get(limit)!);
      console.log(
        `  ${name} ≥ ${100 * fraction} % of ${limit}: ${Math.round(goal)}/s, ` +
          `${Math.round((100 * goal) / median(figures.get(floor)!))} % of ${floor}`,
      );
    }
  } finally {
    await system?.stop();
    for (const server of servers) server.process.kill();
    await rebuilt.end();
    await limits.end();
    await admin.end();
    await db.stop();
    rmSync(DIR, { recursive: true, force: true });
  }
}
