// Starts the whole system (`npm start`'s compiled code) as a child process on an embedded PostgreSQL of
// its own, so that a benchmark drives it over HTTP from another process, as a client would.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '@app/platform';

export interface RunningSystem {
  url: string;
  secret: string;
  /** The system's process id (its embedded PostgreSQL runs beneath it). */
  pid: number;
  /** Resident memory of the system's process, in MiB. */
  rssMiB(): number;
  /** CPU seconds (user and system) the system's process has used so far (not its children: database, projector). */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

/**
 * `BENCH_NODE_ARGS` adds node options to the system's process (for example
 * `--cpu-prof --cpu-prof-dir=.bench-data/prof`), `BENCH_START_ARGS` arguments to `start`
 * (for example `--only api`, to measure the api without the projector beside it).
 * `BENCH_REQUEST_LOGS=1` keeps the request log on (as `npm start` has it), read from a pipe.
 * `env` adds variables (DATABASE_URL: a server of the caller's instead of an embedded one of its own).
 */
export async function startRunningSystem(
  dataDir: string,
  env: Record<string, string> = {},
): Promise<RunningSystem> {
  rmSync(dataDir, { recursive: true, force: true });
  const port = await freePort();
  const secret = 'bench-secret';
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const startArgs = (process.env.BENCH_START_ARGS ?? '').split(' ').filter(Boolean);
  const requestLogs = process.env.BENCH_REQUEST_LOGS === '1';
  const main = join(__dirname, '../../dist/apps/cli/src/main.js'); // built by `npm run bench`, as `npm start` builds it
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, main, 'start', ...startArgs], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      AUTH_JWT_SECRET: secret,
      LOG_REQUESTS: requestLogs ? '1' : '0',
      ...env,
    },
    stdio: ['ignore', requestLogs ? 'pipe' : 'ignore', 'inherit'],
  });
  child.stdout?.resume();
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (Date.now() > deadline) throw new Error('the system did not become healthy within 60 s');
    const healthy = await fetch(`${url}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    secret,
    pid: child.pid!,
    rssMiB: () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))![1]) / 1024,
    cpuSeconds: () => {
      // Fields 14 and 15 of /proc/PID/stat (after the parenthesised name): utime and stime in clock ticks (USER_HZ, 100 on Linux).
      const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return (Number(fields[11]) + Number(fields[12])) / 100;
    },
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
