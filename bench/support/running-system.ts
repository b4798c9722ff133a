// Starts the whole system (`npm start`'s code) as a child process on an embedded PostgreSQL of
// its own, so that a benchmark drives it over HTTP from another process, as a client would.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '@app/platform/database/embedded-postgres';

export interface RunningSystem {
  url: string;
  secret: string;
  /** Resident memory of the system's process, in MiB. */
  rssMiB(): number;
  stop(): Promise<void>;
}

export async function startRunningSystem(dataDir: string): Promise<RunningSystem> {
  rmSync(dataDir, { recursive: true, force: true });
  const port = await freePort();
  const secret = 'bench-secret';
  const child: ChildProcess = spawn(process.execPath, ['-r', '@swc-node/register', join(__dirname, '../../apps/cli/src/main.ts'), 'start'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), AUTH_JWT_SECRET: secret, LOG_REQUESTS: '0' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (Date.now() > deadline) throw new Error('the system did not become healthy within 60 s');
    const healthy = await fetch(`${url}/health`).then((r) => r.ok, () => false);
    if (healthy) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    secret,
    rssMiB: () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))![1]) / 1024,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => {
          rmSync(dataDir, { recursive: true, force: true });
          resolve();
        });
        child.kill('SIGINT');
      }),
  };
}
