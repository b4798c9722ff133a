// Read models are disposable: a rebuild from the log equals the live read models row for row,
// and the projector can be killed at any moment and restarted without losing or doubling rows.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import {
  allProjections,
  compareSchemas,
  projectIntoSchema,
  rebuildLive,
  waitForPosition,
} from '@app/read-models';
import { rulebooks } from '@app/rules';
import { Client } from 'pg';
import request from 'supertest';
import { startTestSystem, type TestSystem } from '../support/test-system';
import { runWorkload } from '../support/workload';

let system: TestSystem;
beforeAll(async () => (system = await startTestSystem()));
afterAll(() => system.close());

async function sql(query: string): Promise<void> {
  const client = new Client({ connectionString: system.databaseUrl });
  await client.connect();
  await client.query(query);
  await client.end();
}

it('a rebuild of the whole log equals the live read models row for row, and can be swapped in', async () => {
  const position = await runWorkload(system, 40);
  expect(await waitForPosition(system.readModels, BigInt(position), 20_000)).toBe(true);
  await projectIntoSchema(system.databaseUrl, 'rm_check', system.store, allProjections(rulebooks));
  expect(await compareSchemas(system.databaseUrl, 'rm', 'rm_check')).toEqual([]);
  // vacuumed before the swap: every page of the postings is all-visible
  const [pages] = await system.readModels.query(
    "SELECT relpages, relallvisible FROM pg_class WHERE oid = 'rm_check.ledger_entry'::regclass",
  );
  expect(pages.relpages).toBeGreaterThan(0);
  expect(pages.relallvisible).toBe(pages.relpages);

  // The comparison does see a tampered row.
  await sql(
    `UPDATE rm_check.ledger_entry SET amount_oere = amount_oere + 1 WHERE ordinal = 0 AND position = (SELECT min(position) FROM rm_check.ledger_entry)`,
  );
  expect(await compareSchemas(system.databaseUrl, 'rm', 'rm_check')).toEqual([
    { table: 'ledger_entry', left: expect.any(Number), right: expect.any(Number), firstDifferentRow: 0 },
  ]);

  const token = system.token('finance', '101');
  const summary = async () =>
    (
      await request(system.http)
        .get('/v1/municipalities/101/ledger/summary?groupBy=targetGroup')
        .set('authorization', `Bearer ${token}`)
        .expect(200)
    ).body;
  const before = await summary();
  // an audit job is a record, not a projection of the log: the swap keeps it
  const { jobId } = (
    await request(system.http)
      .post('/v1/municipalities/101/audit/replays')
      .set('authorization', `Bearer ${token}`)
      .send({ until: position.toString() })
      .expect(202)
  ).body;
  const job = async () =>
    (
      await request(system.http)
        .get(`/v1/municipalities/101/audit/replays/${jobId}`)
        .set('authorization', `Bearer ${token}`)
        .expect(200)
    ).body;
  await rebuildLive(system.databaseUrl, system.store, allProjections(rulebooks));
  expect(await summary()).toEqual(before);
  expect(await job()).toMatchObject({ jobId, until: position.toString() });
});

it('the projector killed at random moments and restarted ends identical to a clean rebuild', async () => {
  const bare = await startTestSystem({ projector: false });
  const position = await runWorkload(bare, 60, 2);
  const env = {
    ...process.env,
    DATABASE_URL: bare.databaseUrl,
    AUTH_JWT_SECRET: 'test-secret',
    DATA_DIR: '.test-data',
  };
  const projector = (killAfterMs: number | null) => {
    const child = spawn(
      process.execPath,
      [
        '-r',
        '@swc-node/register',
        join(__dirname, '../../apps/cli/src/main.ts'),
        'start',
        '--only',
        'projector',
      ],
      { env, stdio: 'ignore' },
    );
    if (killAfterMs !== null) setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    return child;
  };
  for (const delay of [2500, 3000, 3500]) await new Promise((r) => projector(delay).once('exit', r));
  const last = projector(null);
  expect(await waitForPosition(bare.readModels, BigInt(position), 60_000)).toBe(true);
  last.kill('SIGINT');
  await new Promise((r) => last.once('exit', r));
  await projectIntoSchema(bare.databaseUrl, 'rm_clean', bare.store, allProjections(rulebooks));
  expect(await compareSchemas(bare.databaseUrl, 'rm', 'rm_clean')).toEqual([]);
  await bare.close();
}, 120_000);
