// The operator's tools beside a running `npm start`: it records the embedded server's connection
// in DATA_DIR (owner-only) and prints the DATABASE_URL; `rebuild` and `statement` run from the
// command line against it while the api keeps answering queries with 200; a data folder whose
// server runs for a process that left no record is refused in one sentence; Ctrl-C removes the
// record. With a configured AUTH_JWT_SECRET the banner prints no token. The projector child's
// batch metrics are served by the api's /metrics.
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { mintToken } from '@app/platform';
import { npmStart, root, until } from '../support/npm-start';
import { runWorkload } from '../support/workload';

const SECRET = 'cli-beside-secret-of-32-characters!';

/** The compiled CLI (built by `npm start`), as an operator runs it in another terminal. */
function cli(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(root, 'dist/apps/cli/src/main.js'), ...args], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

it('rebuild and statement run from the CLI beside npm start while queries keep answering 200', async () => {
  const { child: system, url, dataDir, env, output, exited, ctrlC } = await npmStart('cli-beside', SECRET);
  const connection = join(dataDir, 'connection.json');
  try {
    await until(async () => {
      if (system.exitCode !== null)
        throw new Error(`npm start exited with ${system.exitCode}:\n${output.stdout}\n${output.stderr}`);
      return (
        (await fetch(`${url}/health`).catch(() => null))?.status === 200 &&
        output.stderr.includes('Ctrl-C stops everything')
      );
    }, 90_000);
    expect(output.stderr).toMatch(
      /database: +DATABASE_URL=postgres:\/\/postgres:[^@\s]+@127\.0\.0\.1:\d+\/postgres\n/,
    );
    expect(output.stderr).not.toMatch(/dev token|eyJ/);
    expect(statSync(connection).mode & 0o777).toBe(0o600);

    const token = (role: 'jobcentre' | 'finance', municipality: string) =>
      mintToken({ sub: `beside-${role}`, role, municipality }, SECRET);
    const position = await runWorkload({ http: url, token }, 60);
    const authorization = `Bearer ${token('finance', '101')}`;
    const summary = `${url}/v1/municipalities/101/ledger/summary?groupBy=targetGroup`;
    // The projector child caught up (minPosition answers 503 after MIN_POSITION_WAIT_MS on a busy machine: ask again).
    await until(
      async () =>
        (await fetch(`${summary}&minPosition=${position}`, { headers: { authorization } })).status === 200,
      60_000,
    );
    // The projector child's batches reach the api's /metrics.
    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(Number(/^projector_batch_events_count (\d+)$/m.exec(metrics)?.[1])).toBeGreaterThan(0);
    expect(Number(/^projector_batch_events_sum (\d+)$/m.exec(metrics)?.[1])).toBeGreaterThanOrEqual(
      Number(position),
    );

    const statuses: number[] = [];
    let rebuilding = true;
    const querying = (async () => {
      while (rebuilding) statuses.push((await fetch(summary, { headers: { authorization } })).status);
    })();
    const rebuild = await cli(['rebuild'], env);
    rebuilding = false;
    await querying;
    expect(rebuild).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(
        /^rebuilt the read models from \d+ events in [\d.]+ s and swapped them in\n$/,
      ),
    });
    expect(rebuild.stderr).toMatch(/rebuild: [\d,]+ events, 100\.0 %/);
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);

    const statement = await cli(['statement', '--municipality', '101', '--year', '2025'], env);
    expect(statement.code).toBe(0);
    expect(JSON.parse(statement.stdout)).toMatchObject({ municipality: '101', year: 2025 });
    expect(statement.stderr).toMatch(/statement: 6 steps, 100\.0 %/);

    // A server of DATA_DIR that left no record of its connection: refused in one sentence.
    renameSync(connection, `${connection}.hidden`);
    const refused = await cli(['changes', '--municipality', '101', '--from', '2025-01-01T00:00:00Z'], env);
    renameSync(`${connection}.hidden`, connection);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      `error: the embedded PostgreSQL of DATA_DIR ${dataDir} is in use by another process that did not record its connection: stop it, or point DATABASE_URL at it\n`,
    );
  } finally {
    ctrlC();
  }
  await exited;
  expect(existsSync(connection)).toBe(false);
  rmSync(dataDir, { recursive: true, force: true });
}, 180_000);

it('the CLI help needs no running system and no data folder', () => {
  const dataDir = join(root, '.test-data', `cli-help-${randomUUID().slice(0, 8)}`);
  const run = spawnSync(
    process.execPath,
    ['-r', '@swc-node/register', join(root, 'apps/cli/src/main.ts'), 'rebuild', '--help'],
    { cwd: root, env: { ...process.env, DATA_DIR: dataDir }, encoding: 'utf8' },
  );
  expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
  expect(run.stdout).toMatch(/^Usage: npm run cli -- rebuild/);
  expect(existsSync(dataDir)).toBe(false);
});
