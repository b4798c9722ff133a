// `npm start` as a user runs it: it builds dist/ and runs the compiled system on an embedded
// PostgreSQL of its own. The api answers, the projector child projects a command, and a Ctrl-C —
// SIGINT to the whole process group, as a terminal sends it, the database server included —
// stops everything, with nothing left running and no failed batch reported.
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { mintToken } from '@app/platform';
import { npmStart, until } from '../support/npm-start';

const SECRET = 'npm-start-secret';

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

it('npm start answers, projects a command, and stops everything on a Ctrl-C', async () => {
  const { child, url, dataDir, output, exited, ctrlC } = await npmStart('npm-start', SECRET);
  try {
    const healthy = async () => {
      if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode}`);
      return (await fetch(`${url}/health`).catch(() => null))?.status === 200;
    };
    await until(healthy, 60_000).catch((error: Error) => {
      throw new Error(`${error.message}; output:\n${output.stdout}\n${output.stderr}`);
    });
    await until(async () => output.stderr.includes(`  web app:      ${url}/app/`), 10_000); // the banner says where the app is
    expect((await fetch(`${url}/app/`)).status).toBe(200);
    const authorization = `Bearer ${mintToken({ sub: 'smoke', role: 'jobcentre', municipality: '101' }, SECRET)}`;
    const sent = await fetch(`${url}/v1/commands/ChangeTargetGroup`, {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/json' },
      body: JSON.stringify({
        commandId: randomUUID(),
        municipality: '101',
        personId: 'smoke-1',
        targetGroup: 'jobafklaring',
        effectiveFrom: '2025-01-01',
      }),
    });
    expect(sent.status).toBe(201);
    const { position } = (await sent.json()) as { position: string };
    // The projector child may start slowly on a busy machine: minPosition answers 503 after MIN_POSITION_WAIT_MS, ask again.
    let timeline = await fetch(
      `${url}/v1/municipalities/101/persons/smoke-1/timeline?minPosition=${position}`,
      { headers: { authorization } },
    );
    for (let tries = 0; timeline.status === 503 && tries < 10; tries++) {
      timeline = await fetch(
        `${url}/v1/municipalities/101/persons/smoke-1/timeline?minPosition=${position}`,
        { headers: { authorization } },
      );
    }
    expect(timeline.status).toBe(200);
    expect(await timeline.json()).toEqual([
      expect.objectContaining({ targetGroup: 'jobafklaring', from: '2025-01-01' }),
    ]);
  } finally {
    ctrlC();
  }
  await exited;
  await until(async () => !groupAlive(child.pid!), 30_000); // the database server and the projector too
  rmSync(dataDir, { recursive: true, force: true });
  expect(output.stderr).toContain('stopped');
  // The database server got the Ctrl-C too and may stop first: the projector must then report
  // that it stopped with it, not a failed batch (a log line) and a restart (the supervisor's).
  expect(output.stdout).not.toContain('projection failed');
  expect(output.stderr).not.toContain('projector stopped (');
}, 120_000);
